import { afterAll, describe, expect, it } from 'vitest';
import { actorOf, rules } from '@absensi/core';
import { repos } from '@absensi/db';
import { dialectsUnderTest } from '@absensi/db/testing';
import { seedDemo } from '../src/demo/seed.js';
import { ADMIN, startTestNode, type TestNode } from './node.js';

const dialects = await dialectsUnderTest();

describe.each(dialects)('npm run demo on %s', (dialect) => {
  let node: TestNode | undefined;
  afterAll(async () => {
    await node?.stop();
  });

  it('fills a company with two sites in two zones, three shift types, a rotating roster, holidays and weeks of taps', async () => {
    node = await startTestNode(dialect);
    const { deps } = node.node;
    const admin = await repos.users.byEmail(deps.db, ADMIN.email);
    const figures = await seedDemo(deps, actorOf(admin!), new Date());
    expect(figures.employees).toBe(10);
    expect(figures.shifts).toBeGreaterThan(60);

    const sites = await repos.sites.list(deps.db);
    expect(sites.map((site) => site.timeZone).sort()).toEqual(['Asia/Jakarta', 'Asia/Makassar']);
    const types = await repos.schedules.shiftTypes(deps.db);
    expect(types.map((type) => type.code)).toEqual(expect.arrayContaining(['K', 'P', 'M']));
    const schedules = await repos.schedules.schedules(deps.db);
    expect(schedules.some(({ schedule }) => schedule.kind === 'rotating')).toBe(true);
    const holidays = await repos.holidays.between(deps.db, {
      from: '2026-01-01',
      to: '2027-12-31',
    });
    expect(holidays.some((holiday) => holiday.kind === 'national')).toBe(true);

    const shifts = await deps.db.models.Attendance.findAll();
    const count = (test: (shift: (typeof shifts)[number]) => boolean) => shifts.filter(test).length;
    expect(count((shift) => shift.status === 'late')).toBeGreaterThan(0);
    expect(count((shift) => shift.earlyLeaveMinutes > 0)).toBeGreaterThan(0);
    expect(count((shift) => shift.clockOutKind === 'auto')).toBeGreaterThan(0);
    expect(count((shift) => shift.shiftTypeId !== null)).toBe(shifts.length);
    expect(count((shift) => shift.clockInGeofence === 'inside')).toBe(shifts.length);
    // The guards' nights belong to the day they began, in their site's zone.
    const zoneOf = new Map(sites.map((site) => [site.id, site.timeZone]));
    const nightType = types.find((type) => type.code === 'M')!;
    const nights = shifts.filter((shift) => shift.shiftTypeId === nightType.id);
    expect(nights.length).toBeGreaterThan(0);
    for (const shift of nights) {
      const zone = zoneOf.get(shift.siteId!)!;
      expect(shift.workDate).toBe(rules.workDateOf(new Date(shift.scheduledStart!), zone));
      expect(rules.workDateOf(new Date(shift.scheduledEnd!), zone)).not.toBe(shift.workDate);
    }
  }, 120_000);
});
