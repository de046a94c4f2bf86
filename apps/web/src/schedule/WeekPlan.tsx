import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { FIRST_READ_FRESH_MS } from '../api/first-reads';
import { useTRPC } from '../api/trpc';
import type { Outputs } from '../api/types';
import type { Formatters } from '../i18n/format';
import { useLang } from '../i18n/lang-context';
import { translatorOf, type Translate } from '../i18n/translate';
import { WEEK_MESSAGES, type WeekMessageKey } from './messages';

type Plan = Outputs['attendance']['schedule'];
type Day = Plan['days'][number];

/**
 * The person's next 7 days (`attendance.schedule`): each day's shift with its hours at their site,
 * a day off, a holiday, or no schedule; a day changed on the roster says so.
 */
export function WeekPlan({ f }: { f: Formatters }) {
  const { lang } = useLang();
  const t = useMemo(() => translatorOf(WEEK_MESSAGES[lang]), [lang]);
  const trpc = useTRPC();
  // Read with the session check when the app opened (api/first-reads.ts): not read again at once.
  const plan = useQuery({
    ...trpc.attendance.schedule.queryOptions(),
    staleTime: FIRST_READ_FRESH_MS,
  });
  return (
    <section className="card week" aria-labelledby="week-title" data-testid="week-plan">
      <h2 id="week-title">{t('weekTitle')}</h2>
      {plan.isError && <p className="muted small">{t('weekUnavailable')}</p>}
      {plan.data && (
        <ol className="week-days">
          {plan.data.days.map((day, index) => (
            <li key={day.date} data-testid="week-day">
              <span className="week-date">
                {f.date(day.date)}
                {index === 0 && <span className="badge ok">{t('todayMark')}</span>}
              </span>
              <DayText day={day} types={plan.data.shiftTypes} t={t} clock={f.clock} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function DayText({
  day,
  types,
  t,
  clock,
}: {
  day: Day;
  types: Plan['shiftTypes'];
  t: Translate<WeekMessageKey>;
  clock: (hhmm: string) => string;
}) {
  if (day.kind === 'holiday') return <span>{t('holiday', { name: day.holidayName ?? '' })}</span>;
  if (day.kind === 'off')
    return (
      <span className="muted">
        {t('dayOff')}
        {day.source === 'override' && ` · ${t('changedForDay')}`}
      </span>
    );
  const type = types.find((item) => item.id === day.shiftTypeId);
  if (day.kind !== 'work' || !type) return <span className="muted">{t('noSchedule')}</span>;
  return (
    <span>
      <span className="chip" style={{ background: type.color }}>
        {type.code}
      </span>{' '}
      {type.name} {clock(type.startTime)}–{clock(type.endTime)}
      {type.crossesMidnight && ` ${t('nextDay')}`}
      {type.lateGraceMinutes > 0 && (
        <span className="muted"> · {t('graceNote', { minutes: type.lateGraceMinutes })}</span>
      )}
      {day.source === 'override' && <span className="muted"> · {t('changedForDay')}</span>}
    </span>
  );
}
