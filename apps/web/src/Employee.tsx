import { useEffect, useState, useSyncExternalStore } from 'react';
import { ProblemMessage } from './components';
import { describe } from './errors';
import { useAsync, useFormat, useLang, useNow, useOnline, useSession } from './hooks';
import type { TapKind } from './queue';
import type { SyncState, TapSync } from './sync';
import { trpc, type AttendanceView, type Today } from './trpc';

const DEFAULT_ZONE = 'Asia/Jakarta';
const todayKey = (userId: number) => `absensi.today.${userId}`;

export function readCachedToday(userId: number): Today | null {
  try {
    return JSON.parse(localStorage.getItem(todayKey(userId)) ?? 'null') as Today | null;
  } catch {
    return null;
  }
}

/** The company's time zone as last heard from the server (the default before that). */
export function companyZone(userId: number): string {
  return readCachedToday(userId)?.settings.timeZone ?? DEFAULT_ZONE;
}

/** When the person tapped: the phone's time for a tap kept offline, else the server's. */
export function clockInTime(view: AttendanceView): string {
  return view.clockInSource === 'offline' && view.clockInClientAt
    ? view.clockInClientAt
    : view.clockInAt;
}
export function clockOutTime(view: AttendanceView): string | null {
  return view.clockOutSource === 'offline' && view.clockOutClientAt
    ? view.clockOutClientAt
    : view.clockOutAt;
}

export function useSyncState(sync: TapSync): SyncState {
  return useSyncExternalStore(
    (listener) => sync.subscribe(listener),
    () => sync.state,
  );
}

function StatusBadge({ view }: { view: AttendanceView }) {
  const { t } = useLang();
  return view.status === 'late' ? (
    <span className="badge late">{t('late', { minutes: view.lateMinutes })}</span>
  ) : (
    <span className="badge ok">{t('onTime')}</span>
  );
}

export function Employee({ sync }: { sync: TapSync }) {
  const { me } = useSession();
  const { t } = useLang();
  const online = useOnline();
  const state = useSyncState(sync);
  const today = useAsync(() => trpc.attendance.today.query(), `today:${state.revision}`);
  const [busy, setBusy] = useState(false);
  const now = useNow(1_000);

  useEffect(() => {
    if (today.data) localStorage.setItem(todayKey(me.id), JSON.stringify(today.data));
  }, [today.data, me.id]);

  const data = today.data ?? readCachedToday(me.id);
  const f = useFormat(data?.settings.timeZone ?? DEFAULT_ZONE);

  // The open shift: the server's, unless a tap answered since that reading says otherwise.
  let open = data?.open ?? null;
  const answer = state.lastAnswer;
  if (answer && data) {
    const answeredAt = answer.kind === 'clockIn' ? answer.view.clockInAt : answer.view.clockOutAt;
    if (answeredAt && answeredAt > data.serverTime)
      open = answer.kind === 'clockIn' ? answer.view : null;
  }
  const lastPending = state.pending.at(-1);
  const isIn = lastPending ? lastPending.kind === 'clockIn' : open !== null;
  const since = lastPending
    ? lastPending.kind === 'clockIn'
      ? lastPending.at
      : null
    : open
      ? clockInTime(open)
      : null;
  const next: TapKind = isIn ? 'clockOut' : 'clockIn';

  const onTap = () => {
    setBusy(true);
    void sync.tap(next).finally(() => setBusy(false));
  };

  const showProblem =
    state.problem && !(state.problem.kind === 'network' && !online) ? state.problem : null;

  return (
    <div className="employee stack">
      <section className="clock-card" aria-labelledby="clock-state">
        <p className="muted">{t('hello', { name: me.name })}</p>
        <p className="muted">{f.today(now)}</p>
        <p className="now" aria-hidden="true">
          {f.time(now)}
        </p>
        <h1 id="clock-state" className={isIn ? 'state in' : 'state out'} data-testid="clock-state">
          {isIn ? t('stateIn') : t('stateOut')}
        </h1>
        {since && (
          <p aria-live="off">
            {t('since', { time: f.time(since) })} ·{' '}
            {t('elapsed', { duration: f.duration((now.getTime() - Date.parse(since)) / 60_000) })}
          </p>
        )}
        <button
          className={`button tap ${isIn ? 'out' : 'in'}`}
          onClick={onTap}
          disabled={busy}
          data-testid="tap"
        >
          {isIn ? t('clockOut') : t('clockIn')}
        </button>
        {data && (
          <p className="muted small">
            {t('shiftInfo', { time: data.settings.shiftStart, grace: data.settings.graceMinutes })}
          </p>
        )}
        <div aria-live="polite" className="answer">
          {answer && state.pending.length === 0 && (
            <p data-testid="answer">
              {answer.kind === 'clockIn'
                ? t('answerIn', { time: f.time(clockInTime(answer.view)) })
                : t('answerOut', {
                    time: f.time(clockOutTime(answer.view) ?? answer.view.clockInAt),
                  })}{' '}
              {answer.kind === 'clockIn' && <StatusBadge view={answer.view} />}
            </p>
          )}
        </div>
      </section>

      {state.pending.length > 0 && (
        <section className="card pending" aria-live="polite" data-testid="pending">
          <h2>
            {t('waitingToSync')}{' '}
            {state.sending && <span className="muted small">{t('sending')}</span>}
          </h2>
          <ul>
            {state.pending.map((tap) => (
              <li key={tap.key}>
                {t('waitingItem', {
                  action: tap.kind === 'clockIn' ? t('clockIn') : t('clockOut'),
                  time: f.time(tap.at),
                })}
              </li>
            ))}
          </ul>
        </section>
      )}

      {state.refused.map((item) => (
        <section className="card refused" role="alert" key={item.key}>
          <h2>{t('notCounted')}</h2>
          <p>
            {t('waitingItem', {
              action: item.kind === 'clockIn' ? t('clockIn') : t('clockOut'),
              time: f.dateTime(item.at),
            })}
            : {describe(item.problem, t)}
          </p>
          <button className="button small" onClick={() => sync.dismissRefused(item.key)}>
            {t('dismiss')}
          </button>
        </section>
      ))}

      <ProblemMessage problem={showProblem} retry={() => void sync.flush()} />
      <ProblemMessage
        problem={today.problem && today.problem.kind !== 'network' ? today.problem : null}
        retry={today.reload}
      />

      <section className="card" aria-labelledby="today-title">
        <h2 id="today-title">{t('today')}</h2>
        {data && data.records.length > 0 ? (
          <ul className="records">
            {data.records.map((record) => (
              <li key={record.id}>
                <span>
                  {t('in')} <strong>{f.time(clockInTime(record))}</strong>
                </span>
                <span>
                  {t('out')}{' '}
                  <strong>
                    {record.clockOutAt ? f.time(clockOutTime(record) ?? record.clockOutAt) : '—'}
                  </strong>
                  {record.clockOutKind === 'auto' && (
                    <span className="muted small"> ({t('autoOut')})</span>
                  )}
                </span>
                <StatusBadge view={record} />
                {record.clockInSource === 'offline' && (
                  <span className="muted small">{t('offlineTap')}</span>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('noRecordsToday')}</p>
        )}
      </section>
    </div>
  );
}
