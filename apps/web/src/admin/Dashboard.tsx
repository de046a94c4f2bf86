import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { ProblemMessage, Stat } from '../components';
import { classify } from '../errors';
import { useAsync, useFormat, useLang, useSession } from '../hooks';
import type { MessageKey } from '../i18n';
import { liveConnection, trpc, type LiveEvent } from '../trpc';
import { mergeEvents } from './events';

const HourChart = lazy(() => import('./HourChart'));
const RELOAD_EVERY_MS = 1_000;

function eventText(event: LiveEvent): MessageKey {
  if (event.type === 'AttendanceCreated') return 'eventIn';
  switch (event.data.change) {
    case 'auto_clock_out':
      return 'eventAuto';
    case 'correction':
      return 'eventCorrection';
    default:
      return 'eventOut';
  }
}

export function Dashboard() {
  const { t } = useLang();
  const { sessionLost } = useSession();
  const board = useAsync(() => trpc.admin.dashboard.query(), 'dashboard');
  const [live, setLive] = useState<LiveEvent[]>([]);
  const connected = useSyncExternalStore(liveConnection.subscribe, () => liveConnection.connected);
  const f = useFormat(board.data?.timeZone ?? 'Asia/Jakarta');
  const { reload } = board;

  // Counts, lists and the chart come from the server: read them again when events arrive, at once
  // after a quiet spell and then at most once per RELOAD_EVERY_MS, so a steady rush still refreshes
  // them without a request per event.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastReload = useRef(0);
  const reloadSoon = useCallback(() => {
    if (timer.current !== undefined) return;
    const wait = Math.max(0, lastReload.current + RELOAD_EVERY_MS - Date.now());
    timer.current = setTimeout(() => {
      timer.current = undefined;
      lastReload.current = Date.now();
      reload();
    }, wait);
  }, [reload]);
  useEffect(() => () => clearTimeout(timer.current), []);

  // Subscribe once the first picture is in, from its newest event: nothing between is missed, and
  // the client resumes from the last id it saw after a dropped connection.
  const loaded = board.data !== undefined;
  const startAfter = useRef<string | undefined>(undefined);
  if (board.data && startAfter.current === undefined)
    startAfter.current = board.data.latest[0]?.id ?? '';
  useEffect(() => {
    if (!loaded) return;
    const subscription = trpc.live.attendance.subscribe(
      { lastEventId: startAfter.current || null },
      {
        onData: ({ data }) => {
          setLive((events) => mergeEvents([data], events));
          reloadSoon();
        },
        onError: (error) => {
          if (classify(error).kind === 'unauthorized') sessionLost();
        },
      },
    );
    return () => subscription.unsubscribe();
  }, [loaded, reloadSoon, sessionLost]);

  // After a reconnect, the picture may be stale: read it again.
  const wasConnected = useRef(connected);
  useEffect(() => {
    if (connected && !wasConnected.current) reloadSoon();
    wasConnected.current = connected;
  }, [connected, reloadSoon]);

  const feed = useMemo(() => mergeEvents(live, board.data?.latest ?? []), [live, board.data]);
  const data = board.data;
  const maxNode = Math.max(
    1,
    ...(data?.byNode.map((node) => node.clockIns + node.clockOuts) ?? []),
  );

  return (
    <div className="stack">
      <div className="row between">
        <h1>{t('dashboard')}</h1>
        <span className={connected ? 'live on' : 'live off'} role="status" data-testid="live">
          {connected ? t('live') : t('reconnecting')}
        </span>
      </div>
      {data && (
        <p className="muted">
          {f.date(data.workDate)} · {data.timeZone}
        </p>
      )}
      <ProblemMessage problem={board.problem} retry={board.reload} />
      {data && (
        <>
          <div className="stats" data-testid="counts">
            <Stat label={t('present')} value={f.number(data.counts.present)} tone="ok" />
            <Stat label={t('lateToday')} value={f.number(data.counts.lateToday)} tone="late" />
            <Stat label={t('notYetIn')} value={f.number(data.counts.notYetIn)} />
            <Stat label={t('clockedOut')} value={f.number(data.counts.clockedOut)} />
          </div>
          <div className="grid">
            <section className="card" aria-labelledby="feed-title">
              <h2 id="feed-title">{t('feed')}</h2>
              {feed.length === 0 ? (
                <p className="muted">{t('noEvents')}</p>
              ) : (
                <ol className="feed" data-testid="feed" aria-live="polite">
                  {feed.map((event) => (
                    <li key={event.id}>
                      <time dateTime={event.occurredAt}>{f.time(event.occurredAt)}</time>
                      <span>{t(eventText(event), { name: event.data.userName })}</span>
                      {event.type === 'AttendanceCreated' && event.data.status === 'late' && (
                        <span className="badge late">
                          {t('late', { minutes: event.data.lateMinutes })}
                        </span>
                      )}
                      <span className="node">{t('viaNode', { node: event.nodeId })}</span>
                    </li>
                  ))}
                </ol>
              )}
            </section>
            <section className="card" aria-labelledby="present-title">
              <h2 id="present-title">
                {t('whoIsIn')} ({f.number(data.counts.present)})
              </h2>
              {data.present.length === 0 ? (
                <p className="muted">{t('nobodyIn')}</p>
              ) : (
                <ul className="people" data-testid="present">
                  {data.present.map((person) => (
                    <li key={person.userId}>
                      <strong>{person.name}</strong>
                      <span className="muted">{person.department ?? ''}</span>
                      <span>{t('since', { time: f.time(person.since) })}</span>
                      <span className={person.status === 'late' ? 'badge late' : 'badge ok'}>
                        {person.status === 'late' ? t('statusLate') : t('statusOnTime')}
                      </span>
                      <span className="node">{person.node}</span>
                    </li>
                  ))}
                </ul>
              )}
              <MoreThanShown shown={data.present.length} total={data.counts.present} />
              <h3>
                {t('notYetIn')} ({f.number(data.counts.notYetIn)})
              </h3>
              {data.notYetIn.length === 0 ? (
                <p className="muted">{t('everyoneIn')}</p>
              ) : (
                <p className="names">{data.notYetIn.map((person) => person.name).join(', ')}</p>
              )}
              <MoreThanShown shown={data.notYetIn.length} total={data.counts.notYetIn} />
            </section>
            <section className="card" aria-labelledby="hours-title">
              <h2 id="hours-title">{t('clockInsByHour')}</h2>
              <Suspense fallback={<div className="chart-placeholder" />}>
                <HourChart counts={data.clockInsByHour} label={t('clockIns')} />
              </Suspense>
            </section>
            <section className="card" aria-labelledby="nodes-title">
              <h2 id="nodes-title">{t('byNode')}</h2>
              {data.byNode.length === 0 ? (
                <p className="muted">{t('noEvents')}</p>
              ) : (
                <ul className="bars">
                  {data.byNode.map((node) => (
                    <li key={node.node}>
                      <span className="node">{node.node}</span>
                      <span className="bar" aria-hidden="true">
                        <span
                          style={{
                            width: `${((node.clockIns + node.clockOuts) / maxNode) * 100}%`,
                          }}
                        />
                      </span>
                      <span>
                        {t('clockIns')} {f.number(node.clockIns)} · {t('clockOuts')}{' '}
                        {f.number(node.clockOuts)}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
        </>
      )}
    </div>
  );
}

/** The lists stop at a few hundred names; say how many more there are. */
function MoreThanShown({ shown, total }: { shown: number; total: number }) {
  const { t } = useLang();
  const f = useFormat('UTC');
  if (total <= shown) return null;
  return <p className="muted">{t('andMore', { count: f.number(total - shown) })}</p>;
}
