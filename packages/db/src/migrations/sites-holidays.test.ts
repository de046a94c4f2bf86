import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForeignKeyConstraintError, QueryTypes, UniqueConstraintError } from 'sequelize';
import { migrate, openDatabase, repos, type Database } from '../index.js';
import { createTempDatabase, dialectsUnderTest, type TempDatabase } from '../testing/index.js';
import { sitesHolidays } from './0005-sites-holidays.js';

const dialects = await dialectsUnderTest();

const openShift = (userId: number) => ({
  userId,
  workDate: '2026-11-24',
  status: 'on_time' as const,
  lateMinutes: 0,
  clockInAt: new Date('2026-11-24T01:00:00Z'),
  clockInReceivedAt: new Date('2026-11-24T01:00:00Z'),
  clockInClientAt: null,
  clockInClientSentAt: null,
  clockInNode: 'api-1',
  clockInSource: 'online' as const,
  clockInLat: -6.2,
  clockInLng: 106.8,
  clockInAccuracy: 12,
  clockInNote: null,
  shiftTypeId: null,
  scheduledStart: null,
  scheduledEnd: null,
  autoClockOutAt: null,
});

/**
 * A shift as raw SQL (the model knows columns a table before or after this migration lacks): open,
 * or closed but still marked open when `clockOutAt` is given (the CHECK must refuse that).
 */
const rawShift = (userId: number, day: string, clockOutAt?: string) =>
  `INSERT INTO attendance (user_id, work_date, status, late_minutes, clock_in_at, clock_in_received_at,
     clock_in_node, clock_in_source, clock_in_lat, clock_in_lng, clock_in_accuracy, clock_out_at,
     open_user_id, created_at, updated_at)
   VALUES (${userId}, '${day}', 'on_time', 0, '${day} 01:00:00.000', '${day} 01:00:00.000', 'api-1',
     'online', -6.2, 106.8, 12, ${clockOutAt ? `'${clockOutAt}'` : 'NULL'}, ${userId},
     '${day} 01:00:00.000', '${day} 01:00:00.000')`;

/** A statement refused by the named CHECK constraint (the driver's message names it). */
const refusedBy = (constraint: string) => (error: unknown) =>
  String((error as { parent?: { message?: string } }).parent?.message ?? error).includes(
    constraint,
  );

describe.each(dialects)('0005-sites-holidays on %s', (dialect) => {
  let temp: TempDatabase;
  let db: Database;
  let userId: number;
  let siteId: number;
  let otherSiteId: number;

  beforeAll(async () => {
    temp = await createTempDatabase(dialect);
    db = await openDatabase({ DATABASE_URL: temp.url, DB_POOL_MAX: 2 });
    await migrate(db, { to: '0004-session-generation' });
    const user = await db.models.User.create({
      name: 'Sari',
      email: 'sari@example.com',
      passwordHash: 'x',
      role: 'employee',
      department: null,
    });
    userId = user.id;
    await db.sequelize.query(rawShift(userId, '2026-11-24'));
  });
  afterAll(async () => {
    await db?.close();
    await temp?.drop();
  });

  const site = (name: string) =>
    db.transaction((tx) =>
      repos.sites.create(
        db,
        {
          name,
          lat: -6.2,
          lng: 106.8,
          radiusM: 100,
          timeZone: 'Asia/Jakarta',
          geofencePolicy: 'flag',
          maxAccuracyM: 100,
        },
        tx,
      ),
    );
  const holiday = (date: string, siteOf: number | null, name = 'Libur') =>
    db.transaction((tx) =>
      repos.holidays.create(
        db,
        { date, name, kind: 'company', siteId: siteOf, source: 'manual' },
        tx,
      ),
    );

  it('keeps the shifts recorded before it, with no site and no geofence verdict', async () => {
    expect(await migrate(db)).toContain('0005-sites-holidays');
    const [shift] = await db.models.Attendance.findAll({ where: { userId } });
    expect({
      siteId: shift!.siteId,
      inDistance: shift!.clockInDistanceM,
      inGeofence: shift!.clockInGeofence,
      outGeofence: shift!.clockOutGeofence,
      lat: shift!.clockInLat,
      accuracy: shift!.clockInAccuracy,
    }).toEqual({
      siteId: null,
      inDistance: null,
      inGeofence: null,
      outGeofence: null,
      lat: -6.2,
      accuracy: 12,
    });
    siteId = (await site('Kantor Jakarta')).id;
    otherSiteId = (await site('Gudang Makassar')).id;
  });

  it('stores a shift with its site and geofence verdict through the insert', async () => {
    const other = await db.models.User.create({
      name: 'Budi',
      email: 'budi@example.com',
      passwordHash: 'x',
      role: 'employee',
      department: null,
    });
    const inserted = await db.transaction((tx) =>
      repos.attendance.insert(
        db,
        { ...openShift(other.id), siteId, clockInDistanceM: 152.37, clockInGeofence: 'outside' },
        tx,
      ),
    );
    const stored = await repos.attendance.byId(db, inserted.id);
    expect({
      siteId: stored!.siteId,
      distance: stored!.clockInDistanceM,
      geofence: stored!.clockInGeofence,
    }).toEqual({ siteId, distance: 152.37, geofence: 'outside' });
    await expect(
      db.transaction((tx) =>
        repos.attendance.insert(
          db,
          {
            ...openShift(other.id),
            clockInAt: new Date('2026-11-23T01:00:00Z'),
            clockOutAt: new Date('2026-11-23T09:00:00Z'),
            siteId: 999_999,
          },
          tx,
        ),
      ),
    ).rejects.toBeInstanceOf(ForeignKeyConstraintError);
  });

  it('refuses a second company-wide holiday on a date, and a second of one site on a date', async () => {
    await holiday('2026-08-17', null, 'Hari Kemerdekaan');
    await expect(holiday('2026-08-17', null, 'Again')).rejects.toBeInstanceOf(
      UniqueConstraintError,
    );
    await holiday('2026-08-17', siteId, 'Kantor Jakarta only');
    await holiday('2026-08-17', otherSiteId);
    await expect(holiday('2026-08-17', siteId)).rejects.toBeInstanceOf(UniqueConstraintError);
    const found = await db.models.Holiday.findAll({ where: { date: '2026-08-17' } });
    expect(found.map((row) => [row.siteId, row.siteScope]).sort()).toEqual(
      [
        [null, 0],
        [siteId, siteId],
        [otherSiteId, otherSiteId],
      ].sort(),
    );
  });

  it('moves a holiday between scopes through the update, and refuses one that would clash', async () => {
    const moving = await holiday('2026-12-26', siteId);
    await db.transaction((tx) => repos.holidays.update(moving, { siteId: null }, tx));
    expect((await repos.holidays.onDate(db, '2026-12-26', null))?.id).toBe(moving.id);
    const kept = await holiday('2026-12-26', siteId);
    await expect(
      db.transaction((tx) => repos.holidays.update(kept, { siteId: null }, tx)),
    ).rejects.toBeInstanceOf(UniqueConstraintError);
  });

  it('refuses a scope that disagrees with the site, and a holiday of a site that does not exist', async () => {
    const insert = (siteOf: string, scope: number) =>
      db.sequelize.query(
        `INSERT INTO holidays (date, name, kind, site_id, site_scope, source, created_at, updated_at)
         VALUES ('2026-01-02', 'x', 'company', ${siteOf}, ${scope}, 'manual', '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000')`,
      );
    await expect(insert('NULL', siteId)).rejects.toSatisfy(
      refusedBy('holidays_scope_matches_site'),
    );
    await expect(insert(String(siteId), 0)).rejects.toSatisfy(
      refusedBy('holidays_scope_matches_site'),
    );
    await expect(holiday('2026-01-03', 999_999)).rejects.toBeInstanceOf(ForeignKeyConstraintError);
    expect(await db.models.Holiday.count({ where: { date: '2026-01-02' } })).toBe(0);
  });

  it('assigns an employee to a site once, and only to sites and employees that exist', async () => {
    await db.transaction((tx) =>
      repos.sites.replaceAssignments(db, userId, [{ siteId, isPrimary: true }], tx),
    );
    await expect(
      db.models.UserSite.create({ userId, siteId, isPrimary: false }),
    ).rejects.toBeInstanceOf(UniqueConstraintError);
    await expect(
      db.models.UserSite.create({ userId, siteId: 999_999, isPrimary: false }),
    ).rejects.toBeInstanceOf(ForeignKeyConstraintError);
    await expect(
      db.models.UserSite.create({ userId: 999_999, siteId, isPrimary: false }),
    ).rejects.toBeInstanceOf(ForeignKeyConstraintError);
  });

  it('goes down leaving attendance as it was, one open shift per employee still enforced, and up again', async () => {
    await db.models.UserSite.destroy({ where: {} });
    await db.models.Holiday.destroy({ where: {} });
    await db.models.Attendance.update({ siteId: null }, { where: {} });
    await sitesHolidays.down({ context: db.sequelize.getQueryInterface() });
    await db.sequelize.query(`DELETE FROM schema_migrations WHERE name = '${sitesHolidays.name}'`);
    const tables = (await db.sequelize.getQueryInterface().showAllTables()).map(String);
    expect(tables.filter((table) => ['sites', 'user_sites', 'holidays'].includes(table))).toEqual(
      [],
    );
    const columns = await db.sequelize.getQueryInterface().describeTable('attendance');
    expect(Object.keys(columns).filter((column) => /site|distance|geofence/.test(column))).toEqual(
      [],
    );
    await expect(db.sequelize.query(rawShift(userId, '2026-11-25'))).rejects.toBeInstanceOf(
      UniqueConstraintError,
    );
    const dewi = await db.models.User.create({
      name: 'Dewi',
      email: 'dewi@example.com',
      passwordHash: 'x',
      role: 'employee',
      department: null,
    });
    await expect(
      db.sequelize.query(rawShift(dewi.id, '2026-11-25', '2026-11-25 02:00:00.000')),
    ).rejects.toSatisfy(refusedBy('attendance_open_matches_clock_out'));
    expect(
      await db.sequelize.query('SELECT COUNT(*) AS n FROM attendance', {
        type: QueryTypes.SELECT,
      }),
    ).toEqual([{ n: 2 }]);

    expect(await migrate(db)).toEqual(['0005-sites-holidays']);
    expect(await db.models.Attendance.count()).toBe(2);
  });
});
