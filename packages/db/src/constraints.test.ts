import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForeignKeyConstraintError, UniqueConstraintError, ValidationError } from 'sequelize';
import {
  openDatabase,
  migrate,
  pendingMigrations,
  ensureFirstAdmin,
  ensureSettings,
  type Database,
} from './index.js';
import { migrations } from './migrations/index.js';
import { createTempDatabase, dialectsUnderTest, type TempDatabase } from './testing/index.js';

const dialects = await dialectsUnderTest();

describe.each(dialects)('schema on %s', (dialect) => {
  let temp: TempDatabase;
  let db: Database;

  beforeAll(async () => {
    temp = await createTempDatabase(dialect);
    db = await openDatabase({ DATABASE_URL: temp.url, DB_POOL_MAX: 5 });
  });
  afterAll(async () => {
    await db?.close();
    await temp?.drop();
  });

  it('starts with every migration pending and ends with none', async () => {
    const all = migrations.map((migration) => migration.name);
    expect(all.slice(0, 3)).toEqual(['0001-initial', '0002-report-files', '0003-time-record']);
    expect(await pendingMigrations(db)).toEqual(all);
    expect(await migrate(db)).toEqual(all);
    expect(await pendingMigrations(db)).toEqual([]);
    expect(await migrate(db)).toEqual([]);
  });

  it('creates the settings row and the first admin once', async () => {
    await ensureSettings(db, 'Asia/Jakarta');
    await ensureSettings(db, 'Asia/Makassar');
    const settings = await db.models.SettingsRow.findAll();
    expect(settings.map((row) => row.timeZone)).toEqual(['Asia/Jakarta']);
    const first = await ensureFirstAdmin(db, 'Boss@Example.com');
    expect(first).toMatchObject({ created: true, generated: true });
    expect(await ensureFirstAdmin(db, 'other@example.com', 'a-password')).toEqual({
      created: false,
      email: 'other@example.com',
    });
    expect(await db.models.User.count()).toBe(1);
    expect((await db.models.User.findOne())?.email).toBe('boss@example.com');
  });

  it('refuses a second user with the same email', async () => {
    const { User } = db.models;
    await User.create({
      name: 'Sari',
      email: 'sari@example.com',
      passwordHash: 'x',
      role: 'employee',
      department: 'Ops',
    });
    await expect(
      User.create({
        name: 'Sari 2',
        email: 'sari@example.com',
        passwordHash: 'x',
        role: 'employee',
        department: null,
      }),
    ).rejects.toBeInstanceOf(UniqueConstraintError);
  });

  const shift = (userId: number, clockOutAt: Date | null, openUserId: number | null) => ({
    userId,
    workDate: '2026-11-24',
    status: 'on_time' as const,
    lateMinutes: 0,
    clockInAt: new Date('2026-11-24T01:00:00Z'),
    clockInReceivedAt: new Date('2026-11-24T01:00:00Z'),
    clockInClientAt: null,
    clockInNode: 'api-1',
    clockInSource: 'online' as const,
    clockInLat: null,
    clockInLng: null,
    clockInAccuracy: null,
    clockInNote: null,
    clockOutAt,
    clockOutClientAt: null,
    clockOutNode: clockOutAt ? 'api-2' : null,
    clockOutSource: clockOutAt ? ('online' as const) : null,
    clockOutKind: clockOutAt ? ('manual' as const) : null,
    clockOutLat: null,
    clockOutLng: null,
    clockOutAccuracy: null,
    clockOutNote: null,
    openUserId,
  });

  it('allows one open shift per employee, and any number of closed ones', async () => {
    const { User, Attendance } = db.models;
    const user = await User.findOne({ where: { email: 'sari@example.com' } });
    const id = user!.id;
    await Attendance.create(shift(id, new Date('2026-11-24T09:00:00Z'), null));
    await Attendance.create(shift(id, new Date('2026-11-24T10:00:00Z'), null));
    await Attendance.create(shift(id, null, id));
    await expect(Attendance.create(shift(id, null, id))).rejects.toBeInstanceOf(
      UniqueConstraintError,
    );
    expect(await Attendance.count({ where: { userId: id, clockOutAt: null } })).toBe(1);
  });

  it('refuses a row whose open marker disagrees with its clock-out', async () => {
    const { User, Attendance } = db.models;
    const other = await User.create({
      name: 'Budi',
      email: 'budi@example.com',
      passwordHash: 'x',
      role: 'employee',
      department: null,
    });
    // Closed but still marked open, and open without the marker: both would defeat the unique index.
    await expect(Attendance.create(shift(other.id, new Date(), other.id))).rejects.toThrow(
      /check|constraint|validation/i,
    );
    await expect(Attendance.create(shift(other.id, null, null))).rejects.toThrow(
      /check|constraint|validation/i,
    );
    expect(await Attendance.count({ where: { userId: other.id } })).toBe(0);
  });

  it('records one action per idempotency key', async () => {
    const { User, Attendance, AttendanceAction } = db.models;
    const user = await User.findOne({ where: { email: 'sari@example.com' } });
    const open = await Attendance.findOne({ where: { userId: user!.id, clockOutAt: null } });
    const key = '6f1c1e0e-8a43-4a4e-9d55-0d2f5f7e9b11';
    await AttendanceAction.create({
      idempotencyKey: key,
      userId: user!.id,
      kind: 'clock_in',
      attendanceId: open!.id,
    });
    await expect(
      AttendanceAction.create({
        idempotencyKey: key,
        userId: user!.id,
        kind: 'clock_out',
        attendanceId: open!.id,
      }),
    ).rejects.toBeInstanceOf(UniqueConstraintError);
  });

  it('refuses attendance for a user that does not exist', async () => {
    await expect(db.models.Attendance.create(shift(999_999, null, 999_999))).rejects.toSatisfy(
      (error) => error instanceof ForeignKeyConstraintError || error instanceof ValidationError,
    );
  });
});
