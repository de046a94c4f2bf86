import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { rules, scheduleRules } from '@absensi/core';
import { errorOf, type TestClient } from '@absensi/api/testing';
import { describeApi } from './fixture.js';

/** A point `metres` north of another (1° of latitude ≈ 111,320 m). */
const north = (point: { lat: number; lng: number }, metres: number) => ({
  lat: point.lat + metres / 111_320,
  lng: point.lng,
});
const jakartaOffice = { lat: -6.2, lng: 106.8166 };
const makassarOffice = { lat: -5.1477, lng: 119.4327 };

describeApi('site-punches', (fixture) => {
  let admin!: TestClient;
  beforeAll(() => {
    ({ admin } = fixture.started());
  });

  const site = (
    name: string,
    at: { lat: number; lng: number },
    timeZone: string,
    policy: 'off' | 'flag' | 'require',
  ) =>
    admin.trpc.admin.sites.create.mutate({
      name,
      ...at,
      radiusM: 100,
      timeZone,
      geofencePolicy: policy,
      maxAccuracyM: 50,
    });
  /** A tap made at a local time of a date (in `zone`), kept on the phone and sent now. */
  const tapAt = (date: string, time: string, zone: string) => {
    const phoneNow = Date.now();
    return {
      idempotencyKey: randomUUID(),
      at: rules.localInstant(date, time, zone).toISOString(),
      sentAt: new Date(phoneNow).toISOString(),
    };
  };
  const yesterdayIn = (zone: string) =>
    scheduleRules.nextDate(rules.workDateOf(new Date(), zone), -1);

  describe('geofences', () => {
    it('refuses a tap outside a site that requires one, saying how far; records a tap inside with its distance', async () => {
      const office = await site('Kantor Pusat', jakartaOffice, 'Asia/Jakarta', 'require');
      const worker = await fixture.hire('Harus Di Kantor');
      await admin.trpc.admin.sites.assign.mutate({ userId: worker.id, siteIds: [office.id] });
      const far = await errorOf(
        worker.client.trpc.attendance.clockIn.mutate({
          idempotencyKey: randomUUID(),
          location: { ...north(jakartaOffice, 300), accuracy: 20 },
        }),
      );
      expect(far.code).toBe('BAD_REQUEST');
      expect(far.message).toMatch(/You are (29\d|30\d) m from Kantor Pusat/);
      expect(
        (
          await errorOf(
            worker.client.trpc.attendance.clockIn.mutate({ idempotencyKey: randomUUID() }),
          )
        ).code,
      ).toBe('BAD_REQUEST');
      expect((await worker.client.trpc.attendance.today.query()).open).toBeNull();

      const inside = await worker.client.trpc.attendance.clockIn.mutate({
        idempotencyKey: randomUUID(),
        location: { ...north(jakartaOffice, 60), accuracy: 15 },
      });
      expect(inside).toMatchObject({ siteId: office.id, clockInGeofence: 'inside' });
      expect(inside.clockInDistanceM).toBeGreaterThan(55);
      expect(inside.clockInDistanceM).toBeLessThan(65);
      const out = await worker.client.trpc.attendance.clockOut.mutate({
        idempotencyKey: randomUUID(),
        location: { ...north(jakartaOffice, 10), accuracy: 5 },
      });
      expect(out).toMatchObject({ clockOutGeofence: 'inside' });
    });

    it('records a tap outside a site that flags, with its flag and distance, for the admin to see', async () => {
      const depot = await site('Gudang Bekasi', { lat: -6.24, lng: 107.0 }, 'Asia/Jakarta', 'flag');
      const driver = await fixture.hire('Sopir Gudang');
      await admin.trpc.admin.sites.assign.mutate({ userId: driver.id, siteIds: [depot.id] });
      const shift = await driver.client.trpc.attendance.clockIn.mutate({
        idempotencyKey: randomUUID(),
        location: { ...north({ lat: -6.24, lng: 107.0 }, 2_000), accuracy: 30 },
      });
      expect(shift).toMatchObject({ siteId: depot.id, clockInGeofence: 'outside' });
      expect(Math.round(shift.clockInDistanceM! / 100)).toBe(20);
      const [listed] = (
        await admin.trpc.admin.attendance.list.query({
          from: shift.workDate,
          to: shift.workDate,
          userId: driver.id,
        })
      ).items;
      expect(listed).toMatchObject({
        clockInGeofence: 'outside',
        clockInLocation: { accuracy: 30 },
      });
      const feed = (await admin.trpc.admin.dashboard.query()).latest.find(
        (event) => event.data.attendanceId === shift.id,
      );
      expect(feed?.data).toMatchObject({ clockInGeofence: 'outside', siteId: depot.id });

      // The dashboard and the table narrowed to the site: its people and its taps only.
      const ofDepot = await admin.trpc.admin.dashboard.query({ siteId: depot.id });
      expect(ofDepot.counts).toMatchObject({ employees: 1, present: 1 });
      expect(ofDepot.present.map((person) => person.userId)).toEqual([driver.id]);
      expect(ofDepot.latest.every((event) => event.data.siteId === depot.id)).toBe(true);
      const atDepot = await admin.trpc.admin.attendance.list.query({
        from: shift.workDate,
        to: shift.workDate,
        siteId: depot.id,
      });
      expect(atDepot.items.map((item) => item.userId)).toEqual([driver.id]);
      await driver.client.trpc.attendance.clockOut.mutate({ idempotencyKey: randomUUID() });
    });
  });

  describe('sites in their own time zones', () => {
    it("reads a Makassar employee's 08:30 against 08:00 WITA, where in WIB it would be early", async () => {
      const makassar = await site('Kantor Makassar', makassarOffice, 'Asia/Makassar', 'off');
      const worker = await fixture.hire('Daeng Makassar');
      await admin.trpc.admin.sites.assign.mutate({ userId: worker.id, siteIds: [makassar.id] });
      const date = yesterdayIn('Asia/Makassar');
      // The default schedule: every day 08:00–17:00, 15 minutes' grace.
      const shift = await worker.client.trpc.attendance.clockIn.mutate(
        tapAt(date, '08:30', 'Asia/Makassar'),
      );
      expect(shift).toMatchObject({
        workDate: date,
        status: 'late',
        lateMinutes: 30,
        scheduledStart: rules.localInstant(date, '08:00', 'Asia/Makassar').toISOString(),
      });
      await worker.client.trpc.attendance.clockOut.mutate(tapAt(date, '17:00', 'Asia/Makassar'));
    });
  });

  describe('holidays in the schedule', () => {
    it("takes a clock-in on the company's holiday as unscheduled, and one on another site's holiday as work", async () => {
      const surabaya = await site(
        'Kantor Surabaya',
        { lat: -7.25, lng: 112.75 },
        'Asia/Jakarta',
        'off',
      );
      const bandung = await site(
        'Kantor Bandung',
        { lat: -6.91, lng: 107.61 },
        'Asia/Jakarta',
        'off',
      );
      const here = await fixture.hire('Pegawai Surabaya');
      const there = await fixture.hire('Pegawai Bandung');
      await admin.trpc.admin.sites.assign.mutate({ userId: here.id, siteIds: [surabaya.id] });
      await admin.trpc.admin.sites.assign.mutate({ userId: there.id, siteIds: [bandung.id] });
      const date = scheduleRules.nextDate(yesterdayIn('Asia/Jakarta'), -1);
      await admin.trpc.admin.holidays.create.mutate({
        date,
        name: 'Hari Jadi Kota Surabaya',
        kind: 'company',
        siteId: surabaya.id,
      });
      const atSurabaya = await here.client.trpc.attendance.clockIn.mutate(
        tapAt(date, '08:00', 'Asia/Jakarta'),
      );
      const atBandung = await there.client.trpc.attendance.clockIn.mutate(
        tapAt(date, '08:00', 'Asia/Jakarta'),
      );
      expect(atSurabaya).toMatchObject({ status: 'unscheduled', shiftTypeId: null });
      expect(atBandung).toMatchObject({ status: 'on_time' });
      expect(atBandung.shiftTypeId).not.toBeNull();
      const mine = await here.client.trpc.admin.schedules.roster
        .query({ from: date, days: 1 })
        .catch(() => null);
      expect(mine).toBeNull(); // an employee has no roster grid
      const grid = await admin.trpc.admin.schedules.roster.query({ from: date, days: 1 });
      const cellOf = (userId: number) => grid.items.find((row) => row.userId === userId)?.cells[0];
      expect(cellOf(here.id)).toMatchObject({
        kind: 'holiday',
        holidayName: 'Hari Jadi Kota Surabaya',
      });
      expect(cellOf(there.id)).toMatchObject({ kind: 'work' });
      for (const client of [here.client, there.client])
        await client.trpc.attendance.clockOut.mutate(tapAt(date, '16:00', 'Asia/Jakarta'));
    });
  });
});
