import { useEffect, useState } from 'react';
import { ProblemMessage, Stat, TableHead } from './components';
import { clockInTime, clockOutTime, companyZone } from './Employee';
import { classify, type Problem } from './errors';
import { useAsync, useFormat, useLang, useSession } from './hooks';
import { localDateIn } from './i18n';
import { trpc, type Outputs } from './trpc';

type HistoryPage = Outputs['attendance']['history'];

export function History() {
  const { me, sessionLost } = useSession();
  const { t } = useLang();
  const zone = companyZone(me.id);
  const f = useFormat(zone);
  const [month, setMonth] = useState(() => localDateIn(new Date(), zone).slice(0, 7));
  const first = useAsync(
    () => trpc.attendance.history.query({ month, limit: 31 }),
    `history:${month}`,
  );
  const [more, setMore] = useState<HistoryPage['items']>([]);
  const [cursor, setCursor] = useState<number | null>(null);
  const [moreProblem, setMoreProblem] = useState<Problem | null>(null);

  useEffect(() => {
    setMore([]);
    setCursor(first.data?.nextCursor ?? null);
  }, [first.data]);

  const loadMore = () => {
    if (cursor === null) return;
    trpc.attendance.history.query({ month, cursor, limit: 31 }).then(
      (page) => {
        setMore((items) => [...items, ...page.items]);
        setCursor(page.nextCursor);
      },
      (error: unknown) => {
        const problem = classify(error);
        setMoreProblem(problem);
        if (problem.kind === 'unauthorized') sessionLost();
      },
    );
  };

  const items = [...(first.data?.items ?? []), ...more];
  const totals = first.data?.totals;
  return (
    <div className="stack">
      <div className="row between">
        <h1>{t('history')}</h1>
        <label className="field inline">
          <span>{t('month')}</span>
          <input
            type="month"
            value={month}
            onChange={(event) => event.target.value && setMonth(event.target.value)}
          />
        </label>
      </div>
      <p className="muted">{f.month(month)}</p>
      <ProblemMessage problem={first.problem} retry={first.reload} />
      {totals && (
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
      )}
      {first.data && items.length === 0 && <p className="muted">{t('noRecords')}</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table>
            <TableHead columns={['date', 'in', 'out', 'status', 'worked']} />
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>{f.date(item.workDate)}</td>
                  <td>{f.time(clockInTime(item))}</td>
                  <td>
                    {item.clockOutAt ? f.time(clockOutTime(item) ?? item.clockOutAt) : t('open')}
                  </td>
                  <td>
                    {item.status === 'late'
                      ? t('late', { minutes: item.lateMinutes })
                      : t('onTime')}
                  </td>
                  <td>{item.workedMinutes === null ? '—' : f.duration(item.workedMinutes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ProblemMessage problem={moreProblem} />
      {cursor !== null && (
        <button className="button" onClick={loadMore}>
          {t('loadMore')}
        </button>
      )}
    </div>
  );
}
