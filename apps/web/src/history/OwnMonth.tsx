import { useQuery } from '@tanstack/react-query';
import { problemOf } from '../api/errors';
import { useTRPC } from '../api/trpc';
import type { Formatters } from '../i18n/format';
import { Legend } from '../recap/Legend';
import { TotalsStats } from '../recap/TotalsStats';
import { useRequestLang, type RequestMessageKey } from '../requests/messages';
import { ProblemMessage } from '../ui/ProblemMessage';

/** The recap's codes, and the status each stands for (the server's legend, RECAP_LEGEND). */
const STATUS_OF: Record<string, string> = Object.fromEntries(
  (
    'H present,T late,PC early_leave,TP late_early_leave,A absent,S sick,I permit,' +
    'C annual_leave,DL business_travel,L holiday,O off,K unscheduled_work'
  )
    .split(',')
    .map((pair) => pair.split(' ') as [string, string]),
);

/**
 * The person's month as the recap counts it: a code per day and the same totals the admin's
 * recap shows (null until the month is counted). Loaded with the history, after the first screen.
 */
export default function OwnMonth({ month, f }: { month: string; f: Formatters }) {
  const { t } = useRequestLang();
  const trpc = useTRPC();
  const own = useQuery(trpc.attendance.month.queryOptions({ month }));
  const days = own.data?.codes ?? [];
  const used = [...new Set(days.filter((code) => code && STATUS_OF[code]))];
  return (
    <section className="stack" aria-label={t('myMonth')}>
      <h2>{t('myMonth')}</h2>
      <ProblemMessage problem={problemOf(own.error)} retry={() => void own.refetch()} />
      {own.data === null && <p className="muted">{t('notCounted')}</p>}
      {own.data && (
        <>
          <TotalsStats totals={own.data.totals} f={f} />
          <ol className="month-codes" data-testid="month-codes">
            {days.map((code, index) => (
              <li
                key={index}
                title={
                  code && STATUS_OF[code] ? t(`status_${STATUS_OF[code]}` as RequestMessageKey) : ''
                }
              >
                <span className="muted small">{index + 1}</span>
                <span className={`code code-${code}`}>{code || '·'}</span>
              </li>
            ))}
          </ol>
          {used.length > 0 && (
            <Legend legend={used.map((code) => ({ code, status: STATUS_OF[code]! }))} />
          )}
        </>
      )}
    </section>
  );
}
