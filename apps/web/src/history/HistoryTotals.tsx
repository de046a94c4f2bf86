import type { Outputs } from '../api/types';
import type { Formatters } from '../i18n/format';
import { useLang } from '../i18n/lang-context';
import { Stat } from '../ui/Stat';

type Totals = Outputs['attendance']['history']['totals'];

/** The month's days, shifts, late arrivals and hours worked. */
export function HistoryTotals({ totals, f }: { totals: Totals; f: Formatters }) {
  const { t } = useLang();
  return (
    <div className="stats">
      <Stat label={t('totalsDays')} value={f.number(totals.days)} />
      <Stat label={t('totalsShifts')} value={f.number(totals.shifts)} />
      <Stat
        label={t('totalsLate')}
        value={f.number(totals.late)}
        tone={totals.late ? 'late' : ''}
      />
      <Stat label={t('totalsWorked')} value={f.duration(totals.workedMinutes)} />
    </div>
  );
}
