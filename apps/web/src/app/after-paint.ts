/**
 * What waits until the first screen is drawn and the phone has a moment: the notification bell,
 * the live link, the refusal texts, the service worker. On a slow phone each of them costs the
 * main thread tens of milliseconds; started with the first render they delay the clock's first
 * paint and the moment its button answers a tap. Each waiter gets an idle moment of its own, one
 * after the other, so their work does not pile up into one long task either.
 */
import { useEffect, useState } from 'react';

/** The longest a waiter waits for an idle moment once its turn has come (ms). */
const IDLE_TIMEOUT_MS = 1_500;

let loaded = false;
let running = false;
const waiting: (() => void)[] = [];

function idle(then: () => void) {
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback(then, { timeout: IDLE_TIMEOUT_MS });
  } else {
    setTimeout(then, 50);
  }
}

/** Lets the next waiter go in an idle moment, then the one after it in the next. */
function next() {
  if (!loaded || running || waiting.length === 0) return;
  running = true;
  idle(() => {
    running = false;
    waiting.shift()?.();
    next();
  });
}

// Not animation frames: a page opened in the background draws none until it is shown.
if (typeof window !== 'undefined') {
  const onLoad = () => {
    loaded = true;
    next();
  };
  if (document.readyState === 'complete') onLoad();
  else window.addEventListener('load', onLoad, { once: true });
}

/**
 * Resolves in an idle moment after the page has loaded (its scripts run, the first frame drawn),
 * its own: each call waits for the ones before it.
 */
export function afterFirstPaint(): Promise<void> {
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    next();
  });
}

/** False during the first screen's paint, true from this caller's idle moment after it on. */
export function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    void afterFirstPaint().then(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, []);
  return ready;
}
