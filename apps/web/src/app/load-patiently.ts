/**
 * Code loaded after the first paint (the bell, the refusal texts) may be asked for after the phone
 * lost its network, before the service worker has it: a failed `import()` there took the whole app
 * to its error screen. Such a load is tried again instead, when the network returns or every
 * RETRY_MS, and never fails; what waits for it is simply not there until then.
 */

/** The longest wait between two tries while no `online` event comes (ms). */
export const RETRY_MS = 10_000;

/** Where `online` events come from: the window (a test gives its own). */
type OnlineEvents = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

/** Resolves on the next `online` event or after `ms`, whichever comes first. */
function backOnlineOr(ms: number, events: OnlineEvents | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      events?.removeEventListener('online', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    events?.addEventListener('online', done);
  });
}

/**
 * `load()`, tried again after each failure (see above); resolves with its first success.
 * `onFailure` hears of each failed try (a screen says it waits for the network).
 */
export function loadPatiently<T>(
  load: () => Promise<T>,
  events: OnlineEvents | undefined = typeof window === 'undefined' ? undefined : window,
  onFailure?: (error: unknown) => void,
): Promise<T> {
  return load().catch((error: unknown) => {
    onFailure?.(error);
    return backOnlineOr(RETRY_MS, events).then(() => loadPatiently(load, events, onFailure));
  });
}
