import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { problemOf } from '../../api/errors';
import { useTRPC } from '../../api/trpc';
import { loadPatiently } from '../../app/load-patiently';
import { useSession } from '../../auth/session';
import { DepartmentSelect, SiteSelect } from '../scope/ScopeSelects';
import { useAdminLang } from '../use-admin-lang';
import { useFormat } from '../../i18n/use-format';
import { DEFAULT_ZONE } from '../../time/default-zone';
import { ProblemMessage } from '../../ui/ProblemMessage';
import { DayCounts } from './DayCounts';
import { dashboardInput, inView, mergeEvents, type DashboardView } from './events';
import { LiveFeed } from './LiveFeed';
import { useLiveAttendance } from './use-live-attendance';
import { useLiveConnected } from './use-live-connected';
import { useReloadSoon } from './use-reload-soon';
import { WhoIsIn } from './WhoIsIn';

// Its placeholder stays while the chart's code cannot come (the network gone).
const HourChart = lazy(() => loadPatiently(() => import('./HourChart')));
const RELOAD_EVERY_MS = 1_000;
/**
 * A manager's live feed carries only their own taps (the server sends everyone's to admins alone),
 * so their picture is read again this often instead.
 */
const MANAGER_REFRESH_MS = 30_000;

/**
 * Today at a glance (`admin.dashboard`), of everyone or of one department or site (a manager's
 * people only), kept live: each event joins the feed at once, and the counts, lists and chart are
 * read again soon after (and after a reconnect, when they may be stale).
 */
export function Dashboard() {
  const { t } = useAdminLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const manager = useSession().me.role === 'manager';
  const [view, setView] = useState<DashboardView>({ department: '', siteId: '' });
  const board = useQuery({
    ...trpc.admin.dashboard.queryOptions(dashboardInput(view)),
    refetchInterval: manager ? MANAGER_REFRESH_MS : false,
  });
  const reload = useCallback(
    () => void queryClient.invalidateQueries(trpc.admin.dashboard.queryFilter()),
    [queryClient, trpc],
  );
  const reloadSoon = useReloadSoon(reload, RELOAD_EVERY_MS);
  const live = useLiveAttendance(board.data, reloadSoon);
  const connected = useLiveConnected(reloadSoon);
  const f = useFormat(board.data?.timeZone ?? DEFAULT_ZONE);
  const feed = useMemo(
    () => mergeEvents(live, board.data?.latest ?? []).filter((event) => inView(event, view)),
    [live, board.data, view],
  );
  const data = board.data;

  return (
    <div className="stack">
      <div className="row between">
        <h1>{t('dashboard')}</h1>
        <span className={connected ? 'live on' : 'live off'} role="status" data-testid="live">
          {connected ? t('live') : t('reconnecting')}
        </span>
      </div>
      <div className="row wrap filters">
        <DepartmentSelect
          value={view.department}
          onChange={(department) => setView({ ...view, department })}
        />
        <SiteSelect value={view.siteId} onChange={(siteId) => setView({ ...view, siteId })} />
      </div>
      {data && (
        <p className="muted" data-testid="dashboard-day">
          {f.date(data.workDate)} · {data.timeZone}
        </p>
      )}
      <ProblemMessage problem={problemOf(board.error)} retry={() => void board.refetch()} />
      {data && (
        <>
          <DayCounts counts={data.counts} f={f} />
          <div className="grid">
            <LiveFeed feed={feed} today={data.workDate} f={f} />
            <WhoIsIn board={data} f={f} />
            <section className="card" aria-labelledby="hours-title">
              <h2 id="hours-title">{t('clockInsByHour')}</h2>
              <Suspense fallback={<div className="chart-placeholder" />}>
                <HourChart counts={data.clockInsByHour} label={t('clockIns')} />
              </Suspense>
            </section>
          </div>
        </>
      )}
    </div>
  );
}
