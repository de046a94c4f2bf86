/**
 * What waits until the first screen is drawn and the phone has a moment: the notification bell,
 * the live link, the refusal texts, the service worker. On a slow phone each of them costs the
 * main thread tens of milliseconds; started with the first render they delay the clock's first
 * paint and the moment its button answers a tap.
 */
import { useEffect, useState } from 'react';

/** The longest the after-paint work waits for an idle moment once the page has loaded (ms). */
const IDLE_TIMEOUT_MS = 1_500;

let painted = false;
let waiting: Promise<void> | null = null;

/** When the page is loaded (its scripts run, the first frame drawn) and the main thread is idle. */
export function afterFirstPaint(): Promise<void> {
  waiting ??= new Promise<void>((resolve) => {
    const idle = () => {
      if (typeof requestIdleCallback === 'function') {
        requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
      } else {
        setTimeout(resolve, 50);
      }
    };
    // Not animation frames: a page opened in the background draws none until it is shown.
    if (document.readyState === 'complete') idle();
    else window.addEventListener('load', idle, { once: true });
  }).then(() => {
    painted = true;
  });
  return waiting;
}

/** False during the first screen's paint, true from the first idle moment after it. */
export function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(painted);
  useEffect(() => {
    if (ready) return;
    let live = true;
    void afterFirstPaint().then(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, [ready]);
  return ready;
}
