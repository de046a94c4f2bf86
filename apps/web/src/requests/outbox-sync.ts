/**
 * The app's side of the request outbox: keeps the list of waiting and refused requests for the
 * screen, sends them when it can (when filed, at start, when the network returns, when the app
 * comes to the front, and when the next attempt is due), one sender at a time across tabs.
 */
import type { Problem } from '../api/errors';
import { withLock } from '../clock/queue';
import type { FiledInput } from './draft';
import {
  indexedDbOutbox,
  nextDueAt,
  sendWaiting,
  type FileOutcome,
  type OutboxItem,
  type OutboxStore,
} from './outbox';
import { sendRequest } from './send-request';

export interface OutboxState {
  /** The user's requests on this phone, oldest first: waiting, or refused by the server. */
  items: OutboxItem[];
  sending: boolean;
  /** Why waiting requests could not be sent just now. */
  problem: Problem | null;
}

const CHANNEL = 'absensi-request-outbox';
const LOCK = 'absensi-request-outbox';

export class RequestOutbox {
  state: OutboxState = { items: [], sending: false, problem: null };
  private readonly listeners = new Set<(state: OutboxState) => void>();
  private readonly filedListeners = new Set<() => void>();
  private readonly channel =
    typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  private stops: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private userId: number | null = null;

  constructor(
    private readonly store: OutboxStore,
    private readonly send: (item: OutboxItem) => Promise<FileOutcome>,
  ) {}

  subscribe(listener: (state: OutboxState) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** `listener` is called when requests were filed or refused (what the server lists changed). */
  onFiled(listener: () => void) {
    this.filedListeners.add(listener);
    return () => void this.filedListeners.delete(listener);
  }

  private update(changes: Partial<OutboxState>) {
    this.state = { ...this.state, ...changes };
    for (const listener of this.listeners) listener(this.state);
  }

  private async reload() {
    const userId = this.userId;
    if (userId === null) return;
    const items = (await this.store.all())
      .filter((item) => item.userId === userId)
      .sort((a, b) => (a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : 0));
    this.update({ items });
    this.schedule(items);
  }

  /** The next attempt when the earliest waiting request is due. */
  private schedule(items: readonly OutboxItem[]) {
    clearTimeout(this.timer);
    if (this.userId === null) return;
    const due = nextDueAt(items, this.userId);
    if (due === null) return;
    this.timer = setTimeout(() => void this.flush(), Math.max(0, due - Date.now()) + 50);
  }

  /** Begins sending for a signed-in user (again for another); stop with `stop()`. */
  start(userId: number) {
    if (this.userId === userId) return;
    this.stop();
    this.userId = userId;
    const now = () => void this.flush(true);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void this.flush();
    };
    const onMessage = () => void this.reload().then(() => this.tellFiled());
    window.addEventListener('online', now);
    document.addEventListener('visibilitychange', onVisible);
    this.channel?.addEventListener('message', onMessage);
    this.stops.push(
      () => window.removeEventListener('online', now),
      () => document.removeEventListener('visibilitychange', onVisible),
      () => this.channel?.removeEventListener('message', onMessage),
      () => clearTimeout(this.timer),
    );
    void this.reload().then(() => this.flush());
  }

  stop() {
    for (const stop of this.stops.splice(0)) stop();
    this.userId = null;
    this.update({ items: [], problem: null });
  }

  /**
   * Keeps a request on this phone, then tries to send it at once.
   * @returns what became of it now: sent, refused (the problem) or waiting on this phone.
   */
  async file(
    clientKey: string,
    input: FiledInput,
  ): Promise<{ status: 'sent' } | { status: 'refused'; problem: Problem } | { status: 'saved' }> {
    if (this.userId === null) return { status: 'saved' };
    await this.store.put({
      clientKey,
      userId: this.userId,
      input,
      savedAt: new Date().toISOString(),
      attempts: 0,
      notBefore: 0,
      refused: null,
    });
    await this.reload();
    await this.flush(true);
    const still = this.state.items.find((item) => item.clientKey === clientKey);
    if (!still) return { status: 'sent' };
    if (still.refused) return { status: 'refused', problem: { ...still.refused, answered: true } };
    return { status: 'saved' };
  }

  /** Sends what waits: what is due, or everything when `force`. */
  async flush(force = false): Promise<void> {
    const userId = this.userId;
    if (userId === null) return;
    this.update({ sending: true });
    try {
      const round = await withLock(LOCK, () =>
        sendWaiting(this.store, userId, this.send, { force }),
      );
      this.update({ problem: round.stoppedBy });
      if (round.sent.length + round.refused.length > 0) {
        this.tellFiled();
        this.channel?.postMessage('changed');
      }
    } finally {
      await this.reload();
      this.update({ sending: false });
    }
  }

  /** Forgets a request on this phone: refused and dismissed, or taken back into the form. */
  async remove(clientKey: string) {
    await this.store.remove(clientKey);
    this.channel?.postMessage('changed');
    await this.reload();
  }

  private tellFiled() {
    for (const listener of this.filedListeners) listener();
  }
}

let shared: RequestOutbox | null = null;

/** The app's one outbox, over IndexedDB and `requests.file`. */
export function requestOutbox(): RequestOutbox {
  shared ??= new RequestOutbox(indexedDbOutbox(), sendRequest);
  return shared;
}
