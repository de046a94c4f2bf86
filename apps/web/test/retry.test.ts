import type { Page, Route } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPrerequisites, useStack, type Stack } from './harness.js';
import { PHONE, signedIn } from './pages.js';

const ready = checkPrerequisites();

/** The clock-in call, alone or in a batch: `/trpc/attendance.clockIn?batch=1`. */
const CLOCK_IN = /\/trpc\/[^?]*attendance\.clockIn/;

/** What an overloaded node answers (apps/api/src/plugins/admission.ts), with its status and header. */
function overloaded(route: Route, retryAfterSeconds: number | null) {
  return route.fulfill({
    status: 503,
    contentType: 'application/json',
    headers: retryAfterSeconds === null ? {} : { 'retry-after': String(retryAfterSeconds) },
    body: JSON.stringify({
      error: {
        message: `This server is busy with many people at once. Your tap or change was not processed; send it again in ${retryAfterSeconds ?? 2} seconds (a tap sent again keeps the time it was made).`,
        code: -32603,
        data: {
          code: 'SERVICE_UNAVAILABLE',
          httpStatus: 503,
          reason: 'OVERLOADED',
          // A 503 without the hint (a proxy's, say) says nothing of when to come back.
          ...(retryAfterSeconds === null ? {} : { retryAfterSeconds }),
        },
      },
    }),
  });
}

/** The instants the page sent the clock-in call, refusing the first `refusals` with `refuse`. */
async function refuseClockIns(
  page: Page,
  refusals: number,
  refuse: (route: Route) => Promise<void>,
) {
  const sent: number[] = [];
  await page.route(CLOCK_IN, async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    sent.push(Date.now());
    if (sent.length <= refusals) return refuse(route);
    return route.fallback();
  });
  return sent;
}

describe.skipIf(!ready)('a tap the server cannot take yet', () => {
  const suite = useStack();
  let stack: Stack;
  beforeAll(() => {
    stack = suite.stack;
  });

  const recordsOf = async (userId: number) => {
    const today = new Date();
    const from = new Date(today.getTime() - 2 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(today.getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
    return (await stack.admin.admin.attendance.list.query({ from, to, userId })).items;
  };

  /** A signed-in phone whose calls Playwright sees (no service worker answering for the page). */
  const phone = async (name: string) => {
    const person = await stack.employee(name);
    const context = await suite.newContext({ ...PHONE, serviceWorkers: 'block' });
    const page = await signedIn(await context.newPage(), stack.url, person.email, person.password);
    await expect.poll(() => page.getByTestId('clock-state').textContent()).toBe('Not clocked in');
    return { person, page };
  };

  it('is kept as "saved on this phone, sending…", sent again after Retry-After, and recorded once at the time of the tap', async () => {
    const { person, page } = await phone('Rudi Hartono');
    const sent = await refuseClockIns(page, 2, (route) => overloaded(route, 3));

    const tappedAt = Date.now();
    await page.getByTestId('tap').click();
    await expect
      .poll(() => page.getByTestId('pending-note').textContent())
      .toBe('Saved on this phone, sending…');
    expect(await page.getByTestId('pending').textContent()).toContain('Waiting to sync');
    expect(await page.getByTestId('clock-state').textContent()).toBe('Clocked in');
    // Saved and on its way, not an error.
    expect(await page.locator('.banner.error, [role="alert"]').count()).toBe(0);
    expect(await recordsOf(person.id)).toHaveLength(0);

    await expect.poll(() => page.getByTestId('pending').count(), { timeout: 25_000 }).toBe(0);
    expect(sent).toHaveLength(3);
    // Each try waited at least what the server asked (3 s), doubled after a refusal in a row
    // (6 s), and at most that plus the jitter (half the wait) and a second of slack.
    for (const [index, at] of sent.slice(1).entries()) {
      const waited = at - sent[index]!;
      const asked = 3_000 * 2 ** index;
      expect(waited).toBeGreaterThanOrEqual(asked);
      expect(waited).toBeLessThan(asked * 1.5 + 1_000);
    }
    const landed = sent[2]!;
    expect(landed - tappedAt).toBeGreaterThanOrEqual(9_000);

    const records = await recordsOf(person.id);
    expect(records).toHaveLength(1);
    const recordedAt = Date.parse(records[0]!.clockInAt);
    // The tap's moment, not the moment it finally landed nine or more seconds later.
    expect(Math.abs(recordedAt - tappedAt)).toBeLessThan(1_500);
    expect(landed - recordedAt).toBeGreaterThan(7_500);
    expect(records[0]!.clockInSource).toBe('online');
    expect(await page.getByTestId('clock-state').textContent()).toBe('Clocked in');
  });

  it('backs off by itself after network failures or a 503 without Retry-After, keeping the tap time', async () => {
    const { person, page } = await phone('Wati Susanti');
    let round = 0;
    const sent = await refuseClockIns(page, 3, (route) => {
      round += 1;
      return round === 2 ? overloaded(route, null) : route.abort('connectionreset');
    });

    const tappedAt = Date.now();
    await page.getByTestId('tap').click();
    await expect
      .poll(() => page.getByTestId('pending-note').textContent())
      .toBe('Saved on this phone, sending…');
    await expect.poll(() => page.getByTestId('pending').count(), { timeout: 20_000 }).toBe(0);
    expect(sent).toHaveLength(4);
    // Full jitter over 1 s, 2 s, 4 s: never more than the window of each attempt.
    const windows = [1_000, 2_000, 4_000];
    for (const [index, at] of sent.slice(1).entries()) {
      expect(at - sent[index]!).toBeLessThan(windows[index]! + 1_000);
    }

    const records = await recordsOf(person.id);
    expect(records).toHaveLength(1);
    expect(Math.abs(Date.parse(records[0]!.clockInAt) - tappedAt)).toBeLessThan(1_500);
    expect(await page.getByRole('alert').count()).toBe(0);
  });
});
