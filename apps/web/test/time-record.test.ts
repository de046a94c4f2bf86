/**
 * The time record in the browser (issue 12): lateness from the tap's true time whatever the phone's
 * clock says, shifts an admin adds, the attendance table's pages, the audit trail's before → after,
 * and the live feed showing each tap at its own time.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  apiClient,
  ARTIFACTS,
  checkPrerequisites,
  useStack,
  type Stack,
} from './harness.js';
import { DESKTOP, PHONE, shownDate, shownDateTime, signedIn, wallClock } from './pages.js';

const ready = checkPrerequisites();
const ZONE = 'Asia/Jakarta';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Makes the page's clock run `ms` behind the real one, as a phone set wrong would. */
const slowClock = (ms: number) => `{
  const RealDate = Date;
  class SlowDate extends RealDate {
    constructor(...args) { if (args.length === 0) super(RealDate.now() - ${ms}); else super(...args); }
    static now() { return RealDate.now() - ${ms}; }
  }
  globalThis.Date = SlowDate;
}`;

/**
 * Where the clock's button is on the page's screen (a 360×640 phone here) while a live notice
 * shows: wholly inside the screen without scrolling, and neither it nor the notice covering the
 * other, nor the service worker's toast over it (the point at the button's centre and at its top
 * and bottom edges is the button).
 */
async function clockButtonInView(page: Page) {
  const tap = page.getByTestId('tap');
  const box = (await tap.boundingBox())!;
  const notice = (await page.getByTestId('notice').boundingBox())!;
  const viewport = page.viewportSize()!;
  const reachable = await page.evaluate(
    ({ x, top, bottom }) =>
      [top, (top + bottom) / 2, bottom].map((y) => {
        const hit = document.elementFromPoint(x, y);
        // What covers the button there, if anything: said, so a failure shows what is in the way.
        return hit?.closest('[data-testid="tap"]') ? true : (hit?.outerHTML.slice(0, 80) ?? null);
      }),
    { x: box.x + box.width / 2, top: box.y + 4, bottom: box.y + box.height - 4 },
  );
  return {
    insideScreen: box.y >= 0 && box.y + box.height <= viewport.height,
    apart: notice.y + notice.height <= box.y || box.y + box.height <= notice.y,
    reachable,
    scrolled: await page.evaluate(() => window.scrollY),
  };
}

/** Of two zones, the one whose wall clock is now farther from midnight. */
function awayFromMidnight(zones: string[]) {
  const margin = (zone: string) => {
    const minutes = wallClock(Date.now(), zone).minutes;
    return Math.min(minutes, 24 * 60 - minutes);
  };
  return zones.reduce((best, zone) => (margin(zone) > margin(best) ? zone : best));
}

describe.skipIf(!ready)('the time record in Chromium against a real node', () => {
  const suite = useStack();
  let stack: Stack;
  beforeAll(() => {
    stack = suite.stack;
  });

  const adminPage = async (): Promise<Page> => {
    const context = await suite.newContext(DESKTOP);
    return signedIn(await context.newPage(), stack.url, ADMIN.email, ADMIN.password);
  };
  const recordsOf = async (userId: number, from: string, to: string) =>
    (await stack.admin.admin.attendance.list.query({ from, to, userId, limit: 200 })).items;
  const filterTo = async (page: Page, from: string, name: string) => {
    await page.getByLabel('From').fill(from);
    await page.getByLabel('Person').selectOption({ label: name });
    await page.getByRole('button', { name: 'Filter' }).click();
  };

  it("counts a late arrival as late although the phone's clock runs 20 minutes slow", async () => {
    const before = await stack.admin.admin.settings.get.query();
    // The shift began 10 minutes ago (real time): late now, on time by the phone's slow clock.
    const zone = awayFromMidnight([ZONE, 'UTC']);
    const shiftStart = wallClock(Date.now() - 10 * 60_000, zone).time;
    await stack.admin.admin.settings.update.mutate({ timeZone: zone });
    // Everyone's shift, every day from now on: begun 10 minutes ago, no grace.
    const shift = await stack.admin.admin.shifts.create.mutate({
      name: 'Pagi',
      code: 'PG',
      startTime: shiftStart,
      endTime: wallClock(Date.now() + 4 * 60 * 60_000, zone).time,
      lateGraceMinutes: 0,
    });
    const schedule = await stack.admin.admin.schedules.create.mutate({
      name: 'Every day',
      kind: 'weekly',
      days: Array.from({ length: 7 }, () => shift.id),
    });
    const assignment = await stack.admin.admin.schedules.assign.mutate({
      scheduleId: schedule.id,
      validFrom: '2001-01-01',
    });
    try {
      const person = await stack.employee('Lambang Wicaksono');
      const context = await suite.newContext(PHONE);
      await context.addInitScript({ content: slowClock(20 * 60_000) });
      const page = await signedIn(
        await context.newPage(),
        stack.url,
        person.email,
        person.password,
      );
      expect(await page.evaluate(() => Date.now())).toBeLessThan(Date.now() - 19 * 60_000);

      await page.getByTestId('tap').click();
      await expect
        .poll(() => page.getByTestId('answer').textContent())
        .toMatch(/^Clocked in at \d\d:\d\d Late (9|10|11) min$/);

      const today = wallClock(Date.now(), zone).date;
      const [record] = await recordsOf(person.id, today, today);
      expect(record).toMatchObject({ status: 'late', clockInSource: 'online' });
      expect(record!.lateMinutes).toBeGreaterThanOrEqual(9);
      expect(record!.lateMinutes).toBeLessThanOrEqual(11);
      // The phone said it was 20 minutes earlier, before the shift began.
      const phoneSaid = Date.parse(record!.clockInClientAt!);
      expect(Date.parse(record!.clockInAt) - phoneSaid).toBeGreaterThan(19 * 60_000);
      expect(wallClock(phoneSaid, zone).time < shiftStart).toBe(true);

      const admin = await adminPage();
      await admin.getByRole('link', { name: 'Attendance' }).click();
      const row = admin.getByTestId('attendance-row').filter({ hasText: person.name });
      await expect.poll(() => row.textContent()).toMatch(/Late (9|10|11) min/);
      await admin.getByRole('link', { name: 'Dashboard' }).click();
      const present = admin.getByTestId('present').locator('li', { hasText: person.name });
      await expect.poll(() => present.textContent()).toContain('Late');
    } finally {
      await stack.admin.admin.schedules.unassign.mutate({ id: assignment.id });
      await stack.admin.admin.settings.update.mutate({ timeZone: before.timeZone });
    }
  });

  it('lets an admin add a missing shift with a reason, saying every refusal', async () => {
    const person = await stack.employee('Wulan Sari');
    const yesterday = wallClock(Date.now() - DAY, ZONE).date;
    const page = await adminPage();
    await page.getByRole('link', { name: 'Attendance' }).click();
    const alert = page.getByRole('alert');
    const openForm = async () => {
      await page.getByRole('button', { name: 'Add a missing shift' }).click();
      return page.getByRole('form', { name: 'Add a missing shift' });
    };

    let form = await openForm();
    const save = form.getByRole('button', { name: 'Add shift' });
    await save.click();
    await expect.poll(() => alert.textContent()).toBe('Choose the employee.');
    await form.getByLabel('Employee').selectOption({ label: person.name });
    await form.getByLabel(`In (${ZONE})`).fill(`${yesterday}T08:00`);
    await form.getByLabel(`Out (${ZONE})`).fill(`${yesterday}T07:00`);
    await save.click();
    await expect.poll(() => alert.textContent()).toBe('The clock-out must be after the clock-in.');
    await form.getByLabel(`Out (${ZONE})`).fill(`${yesterday}T17:00`);
    await form.getByLabel('Reason (required)').fill('abc');
    await save.click();
    await expect.poll(() => alert.textContent()).toBe('Give a reason of at least 5 characters.');
    await form.getByLabel('Reason (required)').fill('Her phone was broken all day');
    await save.click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Shift added' }).textContent())
      .toBe(`Shift added for ${person.name} on ${shownDate(yesterday)}.`);
    const [added] = await recordsOf(person.id, yesterday, yesterday);
    expect(added).toMatchObject({ origin: 'admin', workDate: yesterday, corrected: false });
    expect(wallClock(added!.clockInAt, ZONE).local).toBe(`${yesterday}T08:00`);

    // The server's refusals: the same shift again overlaps it; a clock-out later than now.
    form = await openForm();
    await form.getByLabel('Employee').selectOption({ label: person.name });
    await form.getByLabel(`In (${ZONE})`).fill(`${yesterday}T09:00`);
    await form.getByLabel(`Out (${ZONE})`).fill(`${yesterday}T10:00`);
    await form.getByLabel('Reason (required)').fill('Entered twice by mistake');
    await save.click();
    await expect
      .poll(() => alert.textContent())
      .toMatch(/^This overlaps another shift of this employee \(.+08:00.+17:00\)\.$/);
    expect(await save.textContent()).toBe('Add shift');
    await form.getByLabel(`In (${ZONE})`).fill(wallClock(Date.now() - HOUR, ZONE).local);
    await form.getByLabel(`Out (${ZONE})`).fill(wallClock(Date.now() + 2 * HOUR, ZONE).local);
    await save.click();
    await expect.poll(() => alert.textContent()).toBe('Times cannot be in the future.');
    expect(await save.textContent()).toBe('Add shift');
    await form.getByRole('button', { name: 'Cancel' }).click();

    // The table marks the added row; its audit trail says who added it, when, why and what.
    await filterTo(page, yesterday, person.name);
    const row = page
      .getByTestId('attendance-row')
      .filter({ hasText: person.name })
      .filter({ hasText: '08:00' });
    await expect.poll(() => row.textContent()).toContain('Added by admin');
    await row.getByRole('button', { name: 'Correct' }).click();
    const correct = page.getByRole('form', { name: 'Correct' });
    const audit = correct.getByTestId('audit');
    await expect.poll(() => audit.textContent()).toContain('Shift added');
    const auditText = (await audit.textContent())!;
    expect(auditText).toContain('by Admin');
    expect(auditText).toContain('Her phone was broken all day');
    expect(auditText).toContain(`Clock-in: ${shownDateTime(added!.clockInAt, ZONE)}`);

    // A correction the server refuses says why, and the form can be saved again after: here, a
    // clock-out that would run into the evening shift recorded since.
    await stack.admin.admin.attendance.add.mutate({
      userId: person.id,
      clockInAt: `${yesterday}T19:00:00+07:00`,
      clockOutAt: `${yesterday}T21:00:00+07:00`,
      reason: 'Evening stock count',
    });
    const out = correct.getByLabel(`Out (${ZONE})`);
    await out.fill(`${yesterday}T19:30`);
    await correct.getByLabel('Reason (required)').fill('Stayed for the stock count');
    const saveCorrection = correct.getByRole('button', { name: /^(Save|Saving…)$/ });
    await saveCorrection.click();
    await expect
      .poll(() => alert.textContent())
      .toMatch(/^This overlaps another shift of this employee \(.*19:00.*21:00\)\.$/);
    expect(await saveCorrection.textContent()).toBe('Save');
    await out.fill(`${yesterday}T18:00`);
    await saveCorrection.click();
    await expect.poll(() => correct.isVisible()).toBe(false);
    await expect.poll(() => row.textContent()).toContain('Corrected');

    await row.getByRole('button', { name: 'Correct' }).click();
    const corrected = page.getByTestId('audit');
    const before = shownDateTime(`${yesterday}T17:00:00+07:00`, ZONE);
    const after = shownDateTime(`${yesterday}T18:00:00+07:00`, ZONE);
    await expect.poll(() => corrected.textContent()).toContain(`Clock-out: ${before} → ${after}`);
    expect(await corrected.textContent()).toContain('Stayed for the stock count');
    await page.screenshot({ path: join(ARTIFACTS, 'attendance-audit-en.png'), fullPage: true });
    // The correction is a dialog: closed to change the language, opened again in Indonesian.
    await page.keyboard.press('Escape');
    await page.getByLabel('Language').selectOption('id');
    await page
      .getByTestId('attendance-row')
      .filter({ hasText: person.name })
      .filter({ hasText: '08.00' })
      .getByRole('button', { name: 'Koreksi' })
      .click();
    await expect.poll(() => corrected.textContent()).toContain('Shift ditambahkan');
    expect(await corrected.textContent()).toMatch(/Dikoreksi.*oleh Admin.*Jam pulang: /);
    await page.screenshot({ path: join(ARTIFACTS, 'attendance-audit-id.png'), fullPage: true });
    await page.keyboard.press('Escape');
    await page.getByLabel('Bahasa').selectOption('en');
  });

  it('pages through every row of the attendance table, saying how many there are', async () => {
    const person = await stack.employee('Paulus Halim');
    const days = Array.from({ length: 101 }, (_, index) => index + 2);
    for (const back of days) {
      const clockIn = Date.now() - back * DAY;
      await stack.admin.admin.attendance.add.mutate({
        userId: person.id,
        clockInAt: new Date(clockIn).toISOString(),
        clockOutAt: new Date(clockIn + HOUR).toISOString(),
        reason: 'Paper timesheets carried over',
      });
    }
    const page = await adminPage();
    await page.getByRole('link', { name: 'Attendance' }).click();
    await filterTo(page, wallClock(Date.now() - 110 * DAY, ZONE).date, person.name);
    const count = page.getByTestId('row-count');
    const rows = page.getByTestId('attendance-row');
    await expect.poll(() => count.textContent()).toBe('Showing 1–100 of 101 records');
    expect(await rows.count()).toBe(100);
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => count.textContent()).toBe('Showing 101–101 of 101 records');
    expect(await rows.count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Previous' }).click();
    await expect.poll(() => count.textContent()).toBe('Showing 1–100 of 101 records');
  }, 120_000); // 101 shifts added one by one through the API: slow on a loaded machine

  it("shows a tap kept offline since yesterday at yesterday's time in the live feed", async () => {
    const person = await stack.employee('Yanti Kusuma');
    const page = await adminPage();
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await expect.poll(() => page.getByTestId('live').textContent()).toBe('Live');

    const phone = apiClient(stack.url);
    await phone.auth.login.mutate({ email: person.email, password: person.password });
    const sentAt = Date.now();
    const tapped = await phone.attendance.clockIn.mutate({
      idempotencyKey: randomUUID(),
      at: new Date(sentAt - 26 * HOUR).toISOString(),
      sentAt: new Date(sentAt).toISOString(),
    });
    expect(tapped.clockInSource).toBe('offline');
    const line = page.getByTestId('feed').locator('li', { hasText: `${person.name} clocked in` });
    const tappedAt = wallClock(tapped.clockInAt, ZONE);
    await expect
      .poll(() => line.locator('time').textContent())
      .toBe(`${shownDate(tapped.workDate)} ${tappedAt.time}`);
    expect(tapped.workDate).toBe(wallClock(Date.now() - 26 * HOUR, ZONE).date);
  });

  it("updates the employee's screen by itself when an admin corrects, adds or closes a shift", async () => {
    const person = await stack.employee('Gita Permata');
    const context = await suite.newContext(PHONE);
    const page = await signedIn(await context.newPage(), stack.url, person.email, person.password);
    await page.evaluate(() => {
      (window as { neverReloaded?: boolean }).neverReloaded = true;
    });
    const state = page.getByTestId('clock-state');
    const notice = page.getByTestId('notice');
    await page.getByTestId('tap').click();
    await expect.poll(() => page.getByTestId('answer').isVisible()).toBe(true);
    const [tapped] = await recordsOf(person.id, '2000-01-01', wallClock(Date.now(), ZONE).date);

    // The gate's reader was down: the admin moves the clock-in half an hour earlier.
    const earlier = Date.parse(tapped!.clockInAt) - 30 * 60_000;
    const corrected = await stack.admin.admin.attendance.correct.mutate({
      id: tapped!.id,
      clockInAt: new Date(earlier).toISOString(),
      reason: 'Arrived before the gate reader started',
    });
    await expect
      .poll(() => notice.textContent())
      .toContain(`An administrator corrected your record of ${shownDate(corrected.workDate)}.`);
    await expect
      .poll(() => page.locator('.clock-card').textContent())
      .toContain(`since ${wallClock(earlier, ZONE).time}`);
    expect(await page.getByTestId('answer').count()).toBe(0);

    // Yesterday's shift, which she forgot to record, added by the admin.
    const yesterday = wallClock(Date.now() - DAY, ZONE).date;
    await stack.admin.admin.attendance.add.mutate({
      userId: person.id,
      clockInAt: `${yesterday}T08:00:00+07:00`,
      clockOutAt: `${yesterday}T12:00:00+07:00`,
      reason: 'Her phone was left at home',
    });
    await expect
      .poll(() => notice.textContent())
      .toContain(`An administrator added a shift for you on ${shownDate(yesterday)}.`);
    // On her 360×640 phone the notice floats: the button stays where her thumb expects it.
    expect(page.viewportSize()).toEqual({ width: 360, height: 640 });
    expect(await clockButtonInView(page)).toEqual({
      insideScreen: true,
      apart: true,
      reachable: [true, true, true],
      scrolled: 0,
    });

    // The admin closes the open shift: the clock says so without being touched.
    expect(await state.textContent()).toBe('Clocked in');
    await stack.admin.admin.attendance.correct.mutate({
      id: tapped!.id,
      clockOutAt: new Date(Date.now() - 60_000).toISOString(),
      reason: 'Left early with permission',
    });
    await expect.poll(() => state.textContent()).toBe('Not clocked in');
    await page.screenshot({ path: join(ARTIFACTS, 'employee-notice-en.png'), fullPage: true });
    await page.getByLabel('Language').selectOption('id');
    await expect
      .poll(() => notice.textContent())
      .toContain('Administrator mengoreksi catatan Anda');
    await page.getByLabel('Bahasa').selectOption('en');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    expect(await notice.count()).toBe(0);

    await page.getByRole('link', { name: 'History' }).click();
    await page.getByLabel('Month', { exact: true }).fill(yesterday.slice(0, 7));
    await expect.poll(() => page.locator('tbody').textContent()).toContain('Added by admin');
    expect(await page.evaluate(() => (window as { neverReloaded?: boolean }).neverReloaded)).toBe(
      true,
    );
  });

  it("clocks the employee's screen out by itself when the shift is closed automatically", async () => {
    const person = await stack.employee('Hendra Gunawan');
    const context = await suite.newContext(PHONE);
    const page = await signedIn(await context.newPage(), stack.url, person.email, person.password);
    const state = page.getByTestId('clock-state');
    await expect.poll(() => state.textContent()).toBe('Not clocked in');

    // From another phone, a clock-in kept offline since yesterday: its shift is long past the
    // automatic clock-out hour, which the node's periodic job (every minute) will apply.
    const other = apiClient(stack.url);
    await other.auth.login.mutate({ email: person.email, password: person.password });
    const sentAt = Date.now();
    await other.attendance.clockIn.mutate({
      idempotencyKey: randomUUID(),
      at: new Date(sentAt - 26 * HOUR).toISOString(),
      sentAt: new Date(sentAt).toISOString(),
    });
    const notice = page.getByTestId('notice');
    await expect
      .poll(() => notice.textContent(), { timeout: 90_000, interval: 500 })
      .toMatch(/^Your shift was clocked out automatically at .+\.Dismiss$/);
    await expect.poll(() => state.textContent()).toBe('Not clocked in');
    const [closed] = await recordsOf(person.id, '2000-01-01', wallClock(Date.now(), ZONE).date);
    expect(closed).toMatchObject({ clockOutKind: 'auto' });
    expect(await notice.textContent()).toContain(shownDateTime(closed!.clockOutAt!, ZONE));
  }, 120_000);
});
