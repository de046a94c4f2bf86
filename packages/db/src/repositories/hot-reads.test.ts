import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase, repos, type Database } from '../index.js';
import { createTempDatabase, dialectsUnderTest, type TempDatabase } from '../testing/index.js';

const dialects = await dialectsUnderTest();

describe.each(dialects)('the reads behind the busiest requests on %s', (dialect) => {
  let temp: TempDatabase;
  let db: Database;

  beforeAll(async () => {
    temp = await createTempDatabase(dialect);
    db = await openDatabase({ DATABASE_URL: temp.url, DB_POOL_MAX: 2 });
    await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
    await temp?.drop();
  });

  it('gives the fields a session needs, with active as a boolean, and null for an unknown id', async () => {
    const { User } = db.models;
    const dewi = await User.create({
      name: 'Dewi Lestari',
      email: 'dewi@example.com',
      passwordHash: 'x',
      role: 'admin',
      department: null,
    });
    const budi = await User.create({
      name: 'Budi',
      email: 'budi@example.com',
      passwordHash: 'x',
      role: 'employee',
      department: 'Gudang',
      active: false,
    });
    expect(await repos.users.sessionUserRow(db, dewi.id)).toEqual({
      id: dewi.id,
      name: 'Dewi Lestari',
      email: 'dewi@example.com',
      role: 'admin',
      department: null,
      active: true,
      sessionGeneration: 0,
    });
    expect(await repos.users.sessionUserRow(db, budi.id)).toMatchObject({
      department: 'Gudang',
      active: false,
    });
    // Ending Dewi's sessions raises her generation, and only hers.
    expect(await db.transaction((tx) => repos.users.endSessions(db, dewi.id, tx))).toBe(1);
    expect(await db.transaction((tx) => repos.users.endSessions(db, dewi.id, tx))).toBe(2);
    expect((await repos.users.sessionUserRow(db, dewi.id))?.sessionGeneration).toBe(2);
    expect((await repos.users.sessionUserRow(db, budi.id))?.sessionGeneration).toBe(0);
    expect(await repos.users.sessionUserRow(db, budi.id + 1_000)).toBeNull();
  });

  it("gives the day's records and an open shift from an earlier day, oldest first, as models", async () => {
    const { User, Attendance } = db.models;
    const person = (email: string) =>
      User.create({ name: email, email, passwordHash: 'x', role: 'employee', department: null });
    const [sari, joko] = [await person('sari@example.com'), await person('joko@example.com')];
    const shift = (userId: number, workDate: string, clockInAt: string, open: boolean) =>
      Attendance.create({
        userId,
        workDate,
        status: 'on_time',
        lateMinutes: 0,
        clockInAt: new Date(clockInAt),
        clockInReceivedAt: new Date(clockInAt),
        clockInClientAt: null,
        clockInNode: 'api-1',
        clockInSource: 'online',
        clockInLat: -6.2,
        clockInLng: 106.8,
        clockInAccuracy: 12,
        clockInNote: null,
        clockOutAt: open ? null : new Date(new Date(clockInAt).getTime() + 8 * 3_600_000),
        openUserId: open ? userId : null,
      });
    await shift(sari.id, '2026-11-20', '2026-11-20T01:00:00.000Z', false);
    const forgotten = await shift(sari.id, '2026-11-23', '2026-11-23T01:02:03.456Z', true);
    await shift(joko.id, '2026-11-24', '2026-11-24T01:00:00.000Z', true);
    const [morning, afternoon] = [
      await shift(sari.id, '2026-11-24', '2026-11-24T00:30:00.000Z', false),
      await shift(sari.id, '2026-11-24', '2026-11-24T09:15:00.250Z', false),
    ];

    const day = await repos.attendance.dayOfUser(db, sari.id, '2026-11-24');
    expect(day.map((row) => row.id)).toEqual([forgotten.id, morning.id, afternoon.id]);
    expect(day[0]).toBeInstanceOf(Attendance);
    expect(day[0]).toMatchObject({ workDate: '2026-11-23', openUserId: sari.id, clockOutAt: null });
    expect(day[0]!.clockInAt.toISOString()).toBe('2026-11-23T01:02:03.456Z');
    expect(day[0]).toMatchObject({ clockInLat: -6.2, clockInLng: 106.8, clockInAccuracy: 12 });
    expect(day[2]!.clockOutAt?.toISOString()).toBe('2026-11-24T17:15:00.250Z');
    expect(await repos.attendance.dayOfUser(db, sari.id, '2026-11-25')).toHaveLength(1);
    expect(await repos.attendance.dayOfUser(db, joko.id + 100, '2026-11-24')).toEqual([]);
  });
});
