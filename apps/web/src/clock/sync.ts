/**
 * The app's side of the tap queue: keeps the list of waiting taps for the screen, sends them when
 * it can (on a tap, at start, when the network returns, when the app comes to the front, and again
 * after a failed round: when the server said with `Retry-After`, else with backoff, see retry.ts),
 * and keeps the server's refusals to show the person. A busy server is not knocked on early: until
 * its `Retry-After` has passed, taps and events only add to the queue.
 */
import type { Problem } from '../api/errors';
import type { AttendanceView } from '../api/types';
import { locate, type LocateOutcome } from './locate';
import {
  byTapTime,
  flushTaps,
  newTapKey,
  type QueuedTap,
  type TapKind,
  type TapStore,
} from './queue';
import { loadRefused, saveRefused, type RefusedTap } from './refused-taps';
import { retryDelayMs } from '@absensi/core/tap-retry';
import { sendTap } from './send-tap';

export interface SyncState {
  pending: QueuedTap[];
  sending: boolean;
  refused: RefusedTap[];
  /** The server's answer to the latest tap it accepted. */
  lastAnswer: { kind: TapKind; view: AttendanceView } | null;
  /** Why waiting taps could not be sent just now. */
  problem: Problem | null;
  /** The phone is being asked for its position for the latest tap (a bounded wait). */
  locating: boolean;
  /** What came of asking for the latest tap's position; null before any tap. */
  located: LocateOutcome | null;
}

export interface TapSyncOptions {
  store: TapStore;
  /** The server refused a tap for want of a session. */
  onSessionLost: () => void;
  /** The server's records changed through a tap, here or in another tab: what shows them is stale. */
  onRecordsChanged: () => void;
}

const CHANNEL = 'absensi-sync';

/**
 * Whether two values of the state show the same: identical, or lists of taps with the same keys
 * and contents (the store gives fresh copies on every read).
 */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

export class TapSync {
  state: SyncState = {
    pending: [],
    sending: false,
    refused: loadRefused(),
    lastAnswer: null,
    problem: null,
    locating: false,
    located: null,
  };
  private readonly listeners = new Set<(state: SyncState) => void>();
  private readonly channel =
    typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  private stops: (() => void)[] = [];
  private userId: number | null = null;
  private readonly store: TapStore;
  /** Failed rounds in a row (the backoff's attempt); 0 once a round sends something or empties the queue. */
  private failures = 0;
  /** No round before this instant (ms since epoch): the server asked, with `Retry-After`. */
  private notBefore = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: TapSyncOptions) {
    this.store = options.store;
  }

  subscribe(listener: (state: SyncState) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Applies `changes` and tells the screen, unless they change nothing it shows (no re-render). */
  private update(changes: Partial<SyncState>) {
    const differs = (Object.keys(changes) as (keyof SyncState)[]).some(
      (key) => !sameValue(this.state[key], changes[key]),
    );
    if (!differs) return;
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
    const flushSoon = () => void this.flushWhenAllowed();
    const onVisible = () => {
      if (document.visibilityState === 'visible') flushSoon();
    };
    window.addEventListener('online', flushSoon);
    document.addEventListener('visibilitychange', onVisible);
    const onMessage = () => {
      void this.reload().then(() => this.options.onRecordsChanged());
    };
    this.channel?.addEventListener('message', onMessage);
    this.stops.push(
      () => window.removeEventListener('online', flushSoon),
      () => document.removeEventListener('visibilitychange', onVisible),
      () => this.cancelRetry(),
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
    this.update({ locating: true, located: null });
    const { location, outcome } = await locate();
    this.update({ locating: false, located: outcome });
    if (location) {
      const still = (await this.store.all()).find((item) => item.key === tap.key);
      if (still) await this.store.put({ ...still, location });
    }
    await this.flushWhenAllowed();
  }

  /** Sends what waits, unless the server asked to be left alone until later (a retry is set for then). */
  private flushWhenAllowed(): Promise<void> {
    return Date.now() < this.notBefore ? Promise.resolve() : this.flush();
  }

  private cancelRetry() {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /** Sets the next round after one that left taps waiting; `progressed`: it sent some. */
  private scheduleRetry(retryAfterSeconds: number | null, progressed: boolean) {
    const attempt = progressed ? 0 : this.failures;
    this.failures = attempt + 1;
    const delay = retryDelayMs({ attempt, retryAfterSeconds, random: Math.random() });
    this.notBefore = retryAfterSeconds === null ? 0 : Date.now() + delay;
    this.cancelRetry();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, delay);
  }

  /** Sends the waiting taps now; what cannot be sent is tried again later by itself. */
  async flush(): Promise<void> {
    const userId = this.userId;
    if (userId === null) return;
    this.cancelRetry();
    if (!(await this.store.all()).some((tap) => tap.userId === userId)) {
      // Nothing waits (the usual start): no lock, no "sending", no re-render of the screen.
      this.failures = 0;
      this.notBefore = 0;
      this.update({ problem: null });
      await this.reload();
      return;
    }
    this.update({ sending: true });
    let retryAfterSeconds: number | null = null;
    let progressed = false;
    try {
      const report = await flushTaps(this.store, userId, sendTap);
      retryAfterSeconds = report.retryAfterSeconds;
      const refused = [
        ...loadRefused(),
        ...report.refused.map(({ tap, error }) => ({
          key: tap.key,
          kind: tap.kind,
          at: tap.at,
          problem: error as Problem,
        })),
      ];
      if (report.refused.length > 0) saveRefused(refused);
      const last = report.sent.at(-1);
      const problem = (report.stoppedBy as Problem | undefined) ?? null;
      const changed = report.sent.length + report.refused.length > 0;
      progressed = changed;
      this.update({
        problem,
        ...(last ? { lastAnswer: { kind: last.tap.kind, view: last.value } } : {}),
      });
      if (changed) {
        this.options.onRecordsChanged();
        this.channel?.postMessage('changed');
      }
      if (problem?.kind === 'unauthorized') this.options.onSessionLost();
    } finally {
      await this.reload();
      this.update({ sending: false });
      if (this.userId !== userId) {
        // Signed out meanwhile: nothing more to send for them from here.
      } else if (this.state.pending.length > 0) {
        this.scheduleRetry(retryAfterSeconds, progressed);
      } else {
        this.failures = 0;
        this.notBefore = 0;
      }
    }
  }

  /** Drops the answer to the latest tap: someone else changed that record since (an admin). */
  forgetAnswer() {
    if (this.state.lastAnswer) this.update({ lastAnswer: null });
  }

  dismissRefused(key: string) {
    const refused = loadRefused().filter((item) => item.key !== key);
    saveRefused(refused);
    this.update({ refused });
  }
}
