/** What the browser tests do to pages: the devices they stand for, signing in, waiting. */
import type { BrowserContext, BrowserContextOptions, Page, Route } from 'playwright-core';
import { instantToZoned } from '../src/time/zone.js';

export const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 640 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'en-GB',
};
export const DESKTOP: BrowserContextOptions = {
  viewport: { width: 1280, height: 900 },
  locale: 'en-GB',
};

export async function signIn(page: Page, url: string, email: string, password: string) {
  await page.goto(url);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Takes a context off the network; the function it returns brings it back. Chromium's offline
 * emulation (`setOffline`) has let a request through now and then, so the API's requests are also
 * refused at the network (`internetdisconnected`) while offline: a tap or request made offline
 * then never leaves the phone before the test says the network is back.
 */
export async function goOffline(context: BrowserContext): Promise<() => Promise<void>> {
  const refuse = (route: Route) => route.abort('internetdisconnected');
  await context.setOffline(true);
  await context.route('**/trpc/**', refuse);
  return async () => {
    await context.unroute('**/trpc/**', refuse);
    await context.setOffline(false);
  };
}

/** Signs in and waits for the first screen (the clock) to be up. */
export async function signedIn(page: Page, url: string, email: string, password: string) {
  // An action that cannot happen fails, naming itself, well before the test's own timeout.
  page.setDefaultTimeout(15_000);
  await signIn(page, url, email, password);
  await page.getByTestId('clock-state').waitFor();
  return page;
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** An instant as wall-clock parts in a zone: 'YYYY-MM-DD', 'HH:MM', and minutes since midnight. */
export function wallClock(instant: number | string | Date, timeZone: string) {
  const local = instantToZoned(new Date(instant), timeZone);
  const [date, time] = local.split('T') as [string, string];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  /** `local` is the value of a datetime-local input. */
  return { date, time, local, minutes: hours * 60 + minutes };
}

/** A work date as the app shows it in English ('Mon, 23 Nov 2026'). */
export function shownDate(workDate: string) {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(`${workDate}T00:00:00Z`));
}

/** An instant as the app shows a date and time in English ('23 Nov, 08:00'). */
export function shownDateTime(instant: string | number, timeZone: string) {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instant));
}
