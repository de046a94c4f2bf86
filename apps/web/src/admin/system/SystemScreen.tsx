import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { problemOf } from '../../api/errors';
import { useTRPC } from '../../api/trpc';
import { useFormat } from '../../i18n/use-format';
import { DEFAULT_ZONE } from '../../time/default-zone';
import { ProblemMessage } from '../../ui/ProblemMessage';
import { Stat } from '../../ui/Stat';
import { mergeEvents } from '../dashboard/events';
import { useLiveAttendance } from '../dashboard/use-live-attendance';
import { useLiveConnected } from '../dashboard/use-live-connected';
import { useReloadSoon } from '../dashboard/use-reload-soon';
import { useAdminLang } from '../use-admin-lang';
import { feedLagMs, lastSeenByNode } from './last-seen';
import { NodeBars } from './NodeBars';

/**
 * For whoever runs the servers (admins only), kept off the HR screens: the live connection's
 * state, how long the newest live event took to arrive, and today's taps per API node with when
 * each node last took one (`admin.dashboard`'s byNode and latest events).
 */
export function SystemScreen() {
  const { t } = useAdminLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const board = useQuery(trpc.admin.dashboard.queryOptions({}));
  const reload = useCallback(
    () => void queryClient.invalidateQueries(trpc.admin.dashboard.queryFilter()),
    [queryClient, trpc],
  );
  const reloadSoon = useReloadSoon(reload, 1_000);
  const live = useLiveAttendance(board.data, reloadSoon);
  const connected = useLiveConnected(reloadSoon);
  const zone = board.data?.timeZone ?? DEFAULT_ZONE;
  const f = useFormat(zone);
  const [lag, setLag] = useState<number | null>(null);
  const newest = live[0];
  useEffect(() => {
    if (newest) setLag(feedLagMs(newest, zone, Date.now()));
  }, [newest, zone]);
  const lastSeen = useMemo(
    () => lastSeenByNode(mergeEvents(live, board.data?.latest ?? []), zone),
    [live, board.data, zone],
  );
  return (
    <div className="stack">
      <h1>{t('systemTitle')}</h1>
      <p className="muted">{t('systemIntro')}</p>
      <ProblemMessage problem={problemOf(board.error)} retry={() => void board.refetch()} />
      <div className="stats">
        <Stat
          label={t('systemConnection')}
          value={
            <span role="status" data-testid="system-live">
              {connected ? t('live') : t('reconnecting')}
            </span>
          }
          tone={connected ? 'ok' : 'late'}
        />
        <Stat
          label={t('systemFeedLag')}
          value={lag === null ? '—' : t('systemMs', { ms: f.number(lag) })}
        />
      </div>
      {board.data && <NodeBars byNode={board.data.byNode} lastSeen={lastSeen} f={f} />}
    </div>
  );
}
