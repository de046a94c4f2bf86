import type { Formatters } from './format';
import type { Translate } from './translate';

/**
 * A tap as a sentence naming its day: "Absen masuk pada Sen, 30 Nov 2026 pukul 08.00" (en "Clock
 * in on Mon, 30 Nov 2026 at 08:00"): Indonesian puts "pada" before a date and "pukul" before a
 * time only. `at` is the tap's ISO instant, read in the formatters' (company) zone.
 */
export function tapOnDateAt(
  tap: { kind: 'clockIn' | 'clockOut'; at: string },
  t: Translate,
  f: Pick<Formatters, 'dateOf' | 'time'>,
): string {
  return t('tapOnDateAt', {
    action: tap.kind === 'clockIn' ? t('clockIn') : t('clockOut'),
    date: f.dateOf(tap.at),
    time: f.time(tap.at),
  });
}
