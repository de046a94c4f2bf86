/**
 * Planning in the browser (issue 15): an admin builds a rotating roster for a department from the
 * shift-type, schedule and roster screens and changes single days in the grid; a manager sees only
 * their people; a night shift clocked in at 22:00 and out at 06:05 the next morning is neither late
 * nor closed automatically; a tap outside a flag site shows its flag and distance to the admin.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, ARTIFACTS, checkPrerequisites, useStack, type Stack } from './harness.js';
import { DESKTOP, PHONE, goOffline, shownDate, signedIn, waitFor, wallClock } from './pages.js';

const ready = checkPrerequisites();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A calendar date `days` later. */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The Monday of the week of a date. */
function mondayOf(date: string): string {
  return addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));
}

/**
 * A page clock that runs `globalThis.__clockOffset` ms off the real one (0 at first), changed by
 * the test as the hours of a night pass.
 */
const SHIFTED_CLOCK = `{
  const RealDate = Date;
  const offset = () => Number(globalThis.__clockOffset ?? 0);
  class ShiftedDate extends RealDate {
    constructor(...args) { if (args.length === 0) super(RealDate.now() + offset()); else super(...args); }
    static now() { return RealDate.now() + offset(); }
  }
  globalThis.Date = ShiftedDate;
}`;

/**
 * An IANA zone (Etc/GMT±N, or UTC) whose wall clock reads 22:xx at `instant`: a night shift can
 * then begin "at 22:00" whatever the real time of day.
 */
function zoneAtTenPm(instant: number): string {
  let offset = (22 - new Date(instant).getUTCHours() + 24) % 24;
  if (offset > 14) offset -= 24;
  if (offset === 0) return 'UTC';
  // Etc/GMT's signs are POSIX's: Etc/GMT-5 is five hours ahead of UTC.
  return `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

describe.skipIf(!ready)('planning in Chromium against a real node', () => {
  const suite = useStack();
  let stack: Stack;
  beforeAll(() => {
    stack = suite.stack;
  });

  const adminPage = async (): Promise<Page> => {
    const context = await suite.newContext(DESKTOP);
    return signedIn(await context.newPage(), stack.url, ADMIN.email, ADMIN.password);
  };

  it('builds a rotating roster for a department in the grid, and a manager sees only their people', async () => {
    const warehouse = [
      await stack.employee('Agus Salim', 'Gudang'),
      await stack.employee('Bayu Pratama', 'Gudang'),
      await stack.employee('Citra Lestari', 'Gudang'),
    ];
    const clerk = await stack.employee('Dedi Kurniawan', 'Kantor');
    const zone = (await stack.admin.admin.settings.get.query()).timeZone;
    const monday = mondayOf(wallClock(Date.now(), zone).date);
    const page = await adminPage();

    // Two shift types, one across midnight.
    await page.getByRole('link', { name: 'Shift types' }).click();
    for (const [name, code, start, end] of [
      ['Pagi', 'P', '07:00', '15:00'],
      ['Malam', 'M', '22:00', '06:00'],
    ] as const) {
      await page.getByRole('button', { name: 'New shift type' }).click();
      const form = page.getByRole('form', { name: 'New shift type' });
      await form.getByLabel('Name').fill(name);
      await form.getByLabel('Code (on the roster)').fill(code);
      await form.getByLabel('Starts').fill(start);
      await form.getByLabel('Ends').fill(end);
      if (code === 'M') await form.getByText('This shift crosses midnight').waitFor();
      await form.getByRole('button', { name: 'Save' }).click();
      await form.waitFor({ state: 'detached' });
    }
    const night = page.getByTestId('shift-row').filter({ hasText: 'Malam' });
    await expect.poll(() => night.textContent()).toContain('22:00–06:00ends the next day');

    // 2 mornings, 2 nights, 2 off, from this Monday, for the warehouse.
    await page.getByRole('link', { name: 'Schedules' }).click();
    await page.getByRole('button', { name: 'New schedule' }).click();
    const form = page.getByRole('form', { name: 'New schedule' });
    await form.getByLabel('Name').fill('Rotasi Gudang');
    await form.getByLabel('Kind').selectOption('rotating');
    await form.getByLabel('Days in the cycle').fill('6');
    await form.getByLabel('Day 1 of the cycle falls on').fill(monday);
    for (const [day, code] of [
      [1, 'P'],
      [2, 'P'],
      [3, 'M'],
      [4, 'M'],
    ] as const)
      await form.getByRole('combobox', { name: new RegExp(`^Day ${day}(?!\\d)`) }).selectOption({
        label: `${code} · ${code === 'P' ? 'Pagi (07:00–15:00)' : 'Malam (22:00–06:00)'}`,
      });
    await form.getByRole('button', { name: 'Save' }).click();
    const card = page.getByRole('region', { name: 'Rotasi Gudang' });
    await card.getByText('Rotating, 6-day cycle').waitFor();
    await card.getByRole('button', { name: 'Assign' }).click();
    const assign = page.getByRole('form', { name: 'Assign' });
    await assign.getByRole('combobox', { name: /^Department/ }).selectOption('Gudang');
    await assign.getByLabel('From').fill(monday);
    await assign.getByRole('button', { name: 'Save' }).click();
    await card.getByTestId('assignment').filter({ hasText: 'Department Gudang' }).waitFor();

    // The week in the grid, the warehouse only: P P M M off off P for everyone.
    await page.getByRole('link', { name: 'Roster' }).click();
    await page.getByLabel('Department').selectOption('Gudang');
    const rows = page.getByTestId('roster-row');
    await expect.poll(() => rows.count()).toBe(3);
    await expect.poll(() => page.getByTestId('roster').textContent()).not.toContain(clerk.name);
    const week = async (name: string, on: Page = page) =>
      on
        .getByTestId('roster-row')
        .filter({ hasText: name })
        .getByTestId('roster-cell')
        .evaluateAll((cells) =>
          cells.map(
            (cell) => (cell as HTMLElement).dataset.code || (cell as HTMLElement).dataset.kind,
          ),
        );
    for (const person of warehouse)
      await expect.poll(() => week(person.name)).toEqual(['P', 'P', 'M', 'M', 'off', 'off', 'P']);
    await page.screenshot({ path: join(ARTIFACTS, 'roster-en.png'), fullPage: true });

    // Agus's Wednesday becomes a day off, Bayu works Saturday morning: those days only.
    const cell = (name: string, date: string) =>
      page.getByRole('combobox', { name: `${name}, ${shownDate(date)}` });
    await cell('Agus Salim', addDays(monday, 2)).selectOption({ label: 'Off' });
    await cell('Bayu Pratama', addDays(monday, 5)).selectOption({ label: 'P · Pagi' });
    await expect.poll(() => week('Agus Salim')).toEqual(['P', 'P', 'off', 'M', 'off', 'off', 'P']);
    await expect.poll(() => week('Bayu Pratama')).toEqual(['P', 'P', 'M', 'M', 'off', 'P', 'P']);
    await expect.poll(() => week('Citra Lestari')).toEqual(['P', 'P', 'M', 'M', 'off', 'off', 'P']);
    const roster = await stack.admin.admin.schedules.roster.query({
      from: monday,
      days: 7,
      department: 'Gudang',
    });
    const agus = roster.items.find((row) => row.userId === warehouse[0]!.id)!;
    expect(agus.cells[2]).toMatchObject({ kind: 'off', source: 'override' });
    expect(agus.cells[3]).toMatchObject({ kind: 'work', source: 'schedule' });
    const bayu = roster.items.find((row) => row.userId === warehouse[1]!.id)!;
    expect(bayu.cells[5]).toMatchObject({ kind: 'work', source: 'override' });

    // Back to the schedule for Agus's Wednesday.
    await cell('Agus Salim', addDays(monday, 2)).selectOption({ label: 'Back to the schedule' });
    await expect.poll(() => week('Agus Salim')).toEqual(['P', 'P', 'M', 'M', 'off', 'off', 'P']);

    // A manager of the warehouse: their menu, their people.
    const managerEmail = `manager-${Date.now()}@example.com`;
    const manager = await stack.admin.admin.users.create.mutate({
      name: 'Maya Manajer',
      email: managerEmail,
      password: 'manager-password-1',
      role: 'manager',
      department: 'Gudang',
    });
    await stack.admin.admin.users.setScopes.mutate({
      userId: manager.user.id,
      departments: ['Gudang'],
    });
    const context = await suite.newContext(DESKTOP);
    const managerPage = await signedIn(
      await context.newPage(),
      stack.url,
      managerEmail,
      'manager-password-1',
    );
    const menu = managerPage.getByRole('navigation', { name: 'Main menu' });
    await expect
      .poll(() => menu.getByRole('link').allTextContents())
      .toEqual([
        'Clock',
        'History',
        'Requests',
        'Account',
        'Dashboard',
        'Attendance',
        'Roster',
        'Approvals',
        'Monthly recap',
      ]);
    await menu.getByRole('link', { name: 'Roster' }).click();
    const managed = managerPage.getByTestId('roster-row');
    await expect.poll(() => managed.count()).toBe(3);
    await expect
      .poll(() => managerPage.getByTestId('roster').textContent())
      .not.toContain(clerk.name);
    // The manager plans their people's days too.
    await managerPage
      .getByRole('combobox', { name: `Citra Lestari, ${shownDate(addDays(monday, 6))}` })
      .selectOption({ label: 'Off' });
    await expect
      .poll(() => week('Citra Lestari', managerPage))
      .toEqual(['P', 'P', 'M', 'M', 'off', 'off', 'off']);
    await waitFor(
      async () => {
        const again = await stack.admin.admin.schedules.roster.query({ from: monday, days: 7 });
        const citra = again.items.find((row) => row.userId === warehouse[2]!.id);
        return citra?.cells[6]?.source === 'override';
      },
      10_000,
      "the manager's change of Citra's Sunday",
    );
    // The dashboard counts the warehouse's three employees, not the office.
    await menu.getByRole('link', { name: 'Dashboard' }).click();
    await managerPage.getByTestId('counts').waitFor();
    const board = await managerPage.evaluate(() => document.body.textContent ?? '');
    expect(board).not.toContain(clerk.name);
    // The admin-only screens are not there for a manager: the dashboard stands in.
    await managerPage.goto(`${stack.url}/admin/users`);
    await managerPage.getByTestId('counts').waitFor();
    expect(await managerPage.getByRole('button', { name: 'New user' }).count()).toBe(0);
  });

  it("proposes a year's national holidays, adds the ones the admin keeps, and a day of cuti bersama", async () => {
    const page = await adminPage();
    await page.getByRole('link', { name: 'Holidays' }).click();
    const year = Number(await page.locator('.year').textContent());
    const proposals = await stack.admin.admin.holidays.propose.query({ year });
    expect(proposals.length).toBeGreaterThan(10);
    await page.getByRole('button', { name: `Propose national holidays for ${year}` }).click();
    const form = page.getByRole('form', { name: `Indonesia's national holidays in ${year}` });
    const boxes = form.getByRole('checkbox');
    await expect.poll(() => boxes.count()).toBe(proposals.length);
    // The company works on the first of them.
    await boxes.first().uncheck();
    await form.getByText(`${proposals.length - 1} chosen.`).waitFor();
    await form.getByRole('button', { name: 'Add the chosen holidays' }).click();
    await form.waitFor({ state: 'detached' });
    const rows = page.getByTestId('holidays').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(proposals.length - 1);
    expect(await page.getByTestId('holidays').textContent()).not.toContain(
      `${shownDate(proposals[0]!.date)}${proposals[0]!.name}`,
    );

    // Cuti bersama on a date of its own, for every site.
    await page.getByRole('button', { name: 'New holiday' }).click();
    const holiday = page.getByRole('form', { name: 'New holiday' });
    await holiday.getByLabel('Date').fill(`${year}-12-24`);
    await holiday.getByLabel('Name').fill('Cuti bersama Natal');
    await holiday.getByRole('combobox', { name: /^Kind/ }).selectOption('collective_leave');
    await holiday.getByRole('button', { name: 'Save' }).click();
    const added = page.getByTestId('holidays').locator('tr', { hasText: 'Cuti bersama Natal' });
    await expect.poll(() => added.textContent()).toContain('Cuti bersama');
    expect(await added.textContent()).toContain('All sites');
    const listed = await stack.admin.admin.holidays.list.query({ year });
    expect(listed.find((item) => item.name === 'Cuti bersama Natal')).toMatchObject({
      date: `${year}-12-24`,
      kind: 'collective_leave',
      siteId: null,
    });
    // The proposals now say which dates are taken.
    await page.getByRole('button', { name: `Propose national holidays for ${year}` }).click();
    // (each proposal is one date, its names joined)
    await expect
      .poll(() => form.getByRole('checkbox', { disabled: true }).count())
      .toBe(proposals.length - 1);
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  it('shows a tap outside a flag site with its flag, distance and position to the admin', async () => {
    // Not in Gudang: its roster from the first test has a night shift, which would give a tap made
    // after midnight the day before as its work date (rightly), and this test a time of day to fail at.
    const person = await stack.employee('Eko Saputra', 'Logistik');
    const page = await adminPage();

    // The site, its position pasted from a map into Latitude.
    await page.getByRole('link', { name: 'Sites' }).click();
    await page.getByRole('button', { name: 'New site' }).click();
    const form = page.getByRole('form', { name: 'New site' });
    await form.getByLabel('Name').fill('Gudang Cakung');
    await form.getByLabel('Latitude').fill('-6.2, 106.9');
    expect(await form.getByLabel('Longitude').inputValue()).toBe('106.9');
    await form.getByLabel('Radius (m)').fill('150');
    expect(await form.getByLabel('Outside the radius').inputValue()).toBe('flag');
    await form.getByRole('button', { name: 'Save' }).click();
    const site = page.getByTestId('site-row').filter({ hasText: 'Gudang Cakung' });
    await expect.poll(() => site.textContent()).toContain('Recorded, flagged');

    // Eko works there: ticked on the users screen.
    await page.getByRole('link', { name: 'Users' }).click();
    await page
      .getByRole('row', { name: new RegExp(person.name) })
      .getByRole('button', { name: 'Edit' })
      .click();
    const sites = page.getByTestId('user-sites');
    await sites.getByLabel('Gudang Cakung').check();
    await sites.getByRole('button', { name: 'Save sites' }).click();
    await sites.getByRole('status').waitFor();
    // The user's form is a dialog: closed before going elsewhere.
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('link', { name: 'Sites' }).click();
    await expect.poll(() => site.locator('td').nth(5).textContent()).toBe('1');

    // Eko clocks in 2.2 km away, the phone sure of its position to 20 m.
    const phone = await suite.newContext({
      ...PHONE,
      permissions: ['geolocation'],
      geolocation: { latitude: -6.2, longitude: 106.92, accuracy: 20 },
    });
    const employee = await signedIn(
      await phone.newPage(),
      stack.url,
      person.email,
      person.password,
    );
    await employee.getByTestId('tap').click();
    await expect.poll(() => employee.getByTestId('answer').textContent()).toMatch(/^Clocked in at/);
    const today = wallClock(
      Date.now(),
      (await stack.admin.admin.settings.get.query()).timeZone,
    ).date;
    const [record] = (
      await stack.admin.admin.attendance.list.query({ from: today, to: today, userId: person.id })
    ).items;
    expect(record).toMatchObject({ clockInGeofence: 'outside' });
    expect(record!.clockInDistanceM).toBeGreaterThan(2_150);
    expect(record!.clockInDistanceM).toBeLessThan(2_250);

    // The table: flagged, how far from where, the phone's accuracy, the position on the map.
    await page.getByRole('link', { name: 'Attendance' }).click();
    const row = page.getByTestId('attendance-row').filter({ hasText: person.name });
    const place = row.getByTestId('place-in');
    await expect.poll(() => place.textContent()).toBe('In: Outside the site2.2 km±20 mMap');
    expect(await row.textContent()).toContain('Gudang Cakung');
    expect(await place.getByRole('link', { name: 'Map' }).getAttribute('href')).toBe(
      'https://www.openstreetmap.org/?mlat=-6.200000&mlon=106.920000#map=18/-6.200000/106.920000',
    );
    // The correction form says the same, and opens on its clock-in time, not on the map link.
    await row.getByRole('button', { name: 'Correct' }).click();
    const correction = page.getByRole('form', { name: 'Correct' });
    await expect
      .poll(() =>
        page.evaluate(() => {
          const element = document.activeElement;
          const label = element?.closest('label')?.querySelector('span')?.textContent ?? '';
          return `${element?.tagName.toLowerCase()} ${label}`;
        }),
      )
      .toMatch(/^input In\b/);
    await expect
      .poll(() => correction.getByTestId('place-in').textContent())
      .toBe('In: Outside the site2.2 km±20 mMap');
    await correction.getByRole('button', { name: 'Cancel' }).click();

    // The dashboard's feed, and the same in Indonesian.
    await page.getByRole('link', { name: 'Dashboard' }).click();
    const line = page.getByTestId('feed').locator('li', { hasText: person.name });
    await expect
      .poll(() => line.getByTestId('feed-place').textContent())
      .toBe('Outside the site2.2 km');
    await page.getByLabel('Language').selectOption('id');
    await expect
      .poll(() => line.getByTestId('feed-place').textContent())
      .toBe('Di luar radius2,2 km');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-flag-id.png'), fullPage: true });
    await page.getByLabel('Bahasa').selectOption('en');
  });
});

describe.skipIf(!ready)('a night shift in Chromium against a real node', () => {
  const suite = useStack();

  it('clocks in at 22:00 and out at 06:05 the next morning: not late, not closed automatically', async () => {
    const { stack } = suite;
    // The clock-in happens "8 h 05 min ago" by the phone's clock, in a zone where that was 22:xx.
    const clockIn = Date.now() - (8 * HOUR + 5 * MINUTE);
    const zone = zoneAtTenPm(clockIn);
    await stack.admin.admin.settings.update.mutate({ timeZone: zone });
    const start = wallClock(clockIn, zone);
    expect(start.time.startsWith('22:')).toBe(true);
    const night = await stack.admin.admin.shifts.create.mutate({
      name: 'Malam',
      code: 'M',
      startTime: start.time,
      endTime: wallClock(clockIn + 8 * HOUR, zone).time,
      lateGraceMinutes: 5,
      earlyLeaveGraceMinutes: 0,
      autoClockOutAfterMinutes: 120,
    });
    expect(night.crossesMidnight).toBe(true);
    const person = await stack.employee('Fajar Nugroho', 'Keamanan');
    // The roster: the night that began at 22:xx, and the next one.
    for (const date of [start.date, addDays(start.date, 1)])
      await stack.admin.admin.schedules.setDay.mutate({
        userId: person.id,
        date,
        shiftTypeId: night.id,
      });

    const context = await suite.newContext(PHONE);
    await context.addInitScript({ content: SHIFTED_CLOCK });
    const page = await signedIn(await context.newPage(), stack.url, person.email, person.password);
    // The week ahead, from this morning: tonight's shift, ending the next day.
    const firstDay = page.getByTestId('week-day').first();
    await expect
      .poll(() => firstDay.textContent())
      .toContain(`Malam ${start.time}–${night.endTime} (next day)`);

    // 22:xx: the tap is made offline, with the phone's clock at that evening.
    const backOnline = await goOffline(context);
    await page.evaluate((offset) => {
      (globalThis as { __clockOffset?: number }).__clockOffset = offset;
    }, clockIn - Date.now());
    await page.getByTestId('tap').click();
    await page.getByText('Waiting to sync').waitFor();
    // No position here (none allowed, or none in time): said, and the tap is not held back for it.
    await expect
      .poll(() => page.getByTestId('location-note').textContent())
      .toMatch(/sent without it/);
    // The night passes; in the morning the phone is back online and sends it.
    await page.evaluate(() => {
      (globalThis as { __clockOffset?: number }).__clockOffset = 0;
    });
    await backOnline();
    const records = async () =>
      (
        await stack.admin.admin.attendance.list.query({
          from: start.date,
          to: addDays(start.date, 1),
          userId: person.id,
        })
      ).items;
    await waitFor(async () => (await records()).length > 0, 15_000, 'the evening tap to be sent');
    await page.getByText('Waiting to sync').waitFor({ state: 'detached' });
    expect(await page.getByTestId('clock-state').textContent()).toBe('Clocked in');
    const [open] = await records();
    expect(open).toMatchObject({
      workDate: start.date,
      status: 'on_time',
      lateMinutes: 0,
      shiftTypeId: night.id,
      clockOutAt: null,
    });
    expect(Math.abs(Date.parse(open!.clockInAt) - clockIn)).toBeLessThan(MINUTE);
    expect(wallClock(open!.scheduledStart!, zone).local).toBe(`${start.date}T${start.time}`);
    // Closed automatically only two hours after the shift's end, the next morning.
    expect(Date.parse(open!.autoClockOutAt!)).toBeGreaterThan(Date.now() + HOUR);

    // 06:05 (the shift ended at 06:00): clocked out by hand, not early.
    await page.getByTestId('tap').click();
    await expect.poll(() => page.getByTestId('answer').textContent()).toMatch(/^Clocked out at /);
    expect(await page.getByTestId('clock-state').textContent()).toBe('Not clocked in');
    const [closed] = await records();
    expect(closed).toMatchObject({
      workDate: start.date,
      status: 'on_time',
      lateMinutes: 0,
      earlyLeaveMinutes: 0,
      clockOutKind: 'manual',
    });
    const out = wallClock(closed!.clockOutAt!, zone);
    expect(out.date).toBe(addDays(start.date, 1));
    expect(out.minutes - wallClock(clockIn + 8 * HOUR, zone).minutes).toBeGreaterThanOrEqual(5);

    // The admin reads the same: that evening's date, on time, ended by a tap.
    const admin = await signedIn(
      await (await suite.newContext(DESKTOP)).newPage(),
      stack.url,
      ADMIN.email,
      ADMIN.password,
    );
    await admin.getByRole('link', { name: 'Attendance' }).click();
    await admin.getByLabel('From').fill(start.date);
    await admin.getByRole('button', { name: 'Filter' }).click();
    const row = admin.getByTestId('attendance-row').filter({ hasText: person.name });
    await expect.poll(() => row.textContent()).toContain(shownDate(start.date));
    const text = await row.textContent();
    expect(text).toContain(start.time);
    expect(text).toContain(out.time);
    expect(text).toContain('On time');
    expect(text).not.toContain('auto');
  });
});
