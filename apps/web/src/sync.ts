/**
 * The app's side of the tap queue: keeps the list of waiting taps for the screen, sends them when
 * it can (on a tap, at start, when the network returns, when the app comes to the front, and every
 * 15 s while any wait), and keeps the server's refusals to show the person.
 */
import { classify, type Problem } from './errors';
import {
  byTapTime,
  flushTaps,
  indexedDbStore,
  newTapKey,
  type QueuedTap,
  type SendOutcome,
  type TapKind,
  type TapStore,
} from './queue';
import { trpc, type AttendanceView } from './trpc';

export interface RefusedTap {
  key: string;
  kind: TapKind;
  at: string;
  problem: Problem;
}

export interface SyncState {
  pending: QueuedTap[];
  sending: boolean;
  refused: RefusedTap[];
  /** The server's answer to the latest tap it accepted. */
  lastAnswer: { kind: TapKind; view: AttendanceView } | null;
  /** Why waiting taps could not be sent just now. */
  problem: Problem | null;
  /** Bumped whenever the server's records changed through a tap here or in another tab. */
  revision: number;
}

const REFUSED_KEY = 'absensi.refused';
const CHANNEL = 'absensi-sync';

function loadRefused(): RefusedTap[] {
  try {
    return JSON.parse(localStorage.getItem(REFUSED_KEY) ?? '[]') as RefusedTap[];
  } catch {
    return [];
  }
}

/** The phone's position if it gives one within a few seconds; a refusal or silence is no position. */
function locate(): Promise<QueuedTap['location']> {
  if (!('geolocation' in navigator)) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), 6_000);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        clearTimeout(timer);
        resolve({
          lat: position.coords.latitude,
          lng: position.coords.longitude,
          accuracy: Math.round(position.coords.accuracy),
        });
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
      { enableHighAccuracy: true, timeout: 5_000, maximumAge: 60_000 },
    );
  });
}

async function send(tap: QueuedTap): Promise<SendOutcome<AttendanceView>> {
  const input = {
    idempotencyKey: tap.key,
    at: tap.at,
    ...(tap.location ? { location: tap.location } : {}),
  };
  try {
    const value =
      tap.kind === 'clockIn'
        ? await trpc.attendance.clockIn.mutate(input)
        : await trpc.attendance.clockOut.mutate(input);
    return { status: 'sent', value };
  } catch (error) {
    const problem = classify(error);
    // The server decided (already counted elsewhere, not possible, too old): it will say the same
    // again, so the tap leaves the queue and the person is told. Anything else is tried later.
    const final = problem.answered && problem.kind !== 'unauthorized';
    return final ? { status: 'refused', error: problem } : { status: 'retry', error: problem };
  }
}

export class TapSync {
  state: SyncState = {
    pending: [],
    sending: false,
    refused: loadRefused(),
    lastAnswer: null,
    problem: null,
    revision: 0,
  };
  private readonly listeners = new Set<(state: SyncState) => void>();
  private readonly channel =
    typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  private stops: (() => void)[] = [];
  private userId: number | null = null;

  constructor(
    private readonly store: TapStore = indexedDbStore(),
    private readonly onSessionLost: () => void = () => undefined,
  ) {}

  subscribe(listener: (state: SyncState) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private update(changes: Partial<SyncState>) {
    this.state = { ...this.state, ...changes };
    for (const listener of this.listeners) listener(this.state);
  }

  private async reload() {
    if (this.userId === null) return;
    const userId = this.userId;
    const pending = (await this.store.all()).filter((tap) => tap.userId === userId).sort(byTapTime);
    this.update({ pending, refused: loadRefused().filter((item) => item.key) });
  }

  /** Begins syncing for a signed-in user; returns nothing, stop with `stop()`. */
  start(userId: number) {
    this.stop();
    this.userId = userId;
    const flushSoon = () => void this.flush();
    const onVisible = () => {
      if (document.visibilityState === 'visible') flushSoon();
    };
    window.addEventListener('online', flushSoon);
    document.addEventListener('visibilitychange', onVisible);
    const timer = setInterval(() => {
      if (this.state.pending.length > 0 && !this.state.sending) flushSoon();
    }, 15_000);
    const onMessage = () => {
      void this.reload().then(() => this.update({ revision: this.state.revision + 1 }));
    };
    this.channel?.addEventListener('message', onMessage);
    this.stops.push(
      () => window.removeEventListener('online', flushSoon),
      () => document.removeEventListener('visibilitychange', onVisible),
      () => clearInterval(timer),
      () => this.channel?.removeEventListener('message', onMessage),
    );
    void this.reload().then(flushSoon);
  }

  stop() {
    for (const stop of this.stops.splice(0)) stop();
    this.userId = null;
  }

  /** Records a tap now (its time is now), asks for the position, then sends what waits. */
  async tap(kind: TapKind): Promise<void> {
    if (this.userId === null) return;
    const tap: QueuedTap = {
      key: newTapKey(),
      kind,
      at: new Date().toISOString(),
      userId: this.userId,
    };
    await this.store.put(tap);
    await this.reload();
    const location = await locate();
    if (location) {
      const still = (await this.store.all()).find((item) => item.key === tap.key);
      if (still) await this.store.put({ ...still, location });
    }
    await this.flush();
  }

  async flush(): Promise<void> {
    const userId = this.userId;
    if (userId === null) return;
    this.update({ sending: true });
    try {
      const report = await flushTaps(this.store, userId, send);
      const refused = [
        ...loadRefused(),
        ...report.refused.map(({ tap, error }) => ({
          key: tap.key,
          kind: tap.kind,
          at: tap.at,
          problem: error as Problem,
        })),
      ];
      if (report.refused.length > 0) localStorage.setItem(REFUSED_KEY, JSON.stringify(refused));
      const last = report.sent.at(-1);
      const problem = (report.stoppedBy as Problem | undefined) ?? null;
      const changed = report.sent.length + report.refused.length > 0;
      this.update({
        problem,
        ...(last ? { lastAnswer: { kind: last.tap.kind, view: last.value } } : {}),
        ...(changed ? { revision: this.state.revision + 1 } : {}),
      });
      if (changed) this.channel?.postMessage('changed');
      if (problem?.kind === 'unauthorized') this.onSessionLost();
    } finally {
      await this.reload();
      this.update({ sending: false });
    }
  }

  dismissRefused(key: string) {
    const refused = loadRefused().filter((item) => item.key !== key);
    localStorage.setItem(REFUSED_KEY, JSON.stringify(refused));
    this.update({ refused });
  }
}
