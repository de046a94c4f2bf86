import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase, repos, type Database } from '../index.js';
import { createTempDatabase, dialectsUnderTest, type TempDatabase } from '../testing/index.js';

const dialects = await dialectsUnderTest();

describe.each(dialects)(
  "a clock-in's lock on the employee and read of their shifts on %s",
  (dialect) => {
    let temp: TempDatabase;
    let db: Database;

    beforeAll(async () => {
      temp = await createTempDatabase(dialect);
      db = await openDatabase({ DATABASE_URL: temp.url, DB_POOL_MAX: 4 });
      await migrate(db);
    });
    afterAll(async () => {
      await db?.close();
      await temp?.drop();
    });

    const person = (email: string) =>
      db.models.User.create({
        name: email,
        email,
        passwordHash: 'x',
        role: 'employee',
        department: null,
      });
    /** A shift from `clockInAt`, `hours` long (open when null). */
    const shift = (userId: number, clockInAt: string, hours: number | null, kind?: 'auto') =>
      db.models.Attendance.create({
        userId,
        workDate: clockInAt.slice(0, 10),
        status: 'on_time',
        lateMinutes: 0,
        clockInAt: new Date(clockInAt),
        clockInReceivedAt: new Date(clockInAt),
        clockInClientAt: null,
        clockInNode: 'api-1',
        clockInSource: 'online',
        clockInLat: null,
        clockInLng: null,
        clockInAccuracy: null,
        clockInNote: null,
        clockOutAt: hours === null ? null : new Date(Date.parse(clockInAt) + hours * 3_600_000),
        clockOutKind: hours === null ? null : (kind ?? 'manual'),
        openUserId: hours === null ? userId : null,
      });

    it('gives a clock-in the shifts still open or ending after it, oldest first, and a clock-out the latest begun by it, milliseconds kept; none for an unknown employee', async () => {
      const rina = await person('rina@example.com');
      await shift(rina.id, '2026-11-20T01:00:00.000Z', 8);
      const auto = await shift(rina.id, '2026-11-24T01:00:00.250Z', 9, 'auto');
      const open = await shift(rina.id, '2026-11-24T11:30:00.500Z', null);
      const at = new Date('2026-11-24T10:00:00.000Z');

      const spans = await db.transaction((tx) =>
        repos.attendance.lockAndSpansEndingAfter(db, rina.id, at, tx),
      );
      expect(spans).toEqual([
        {
          id: auto.id,
          clockInAt: new Date('2026-11-24T01:00:00.250Z'),
          clockOutAt: new Date('2026-11-24T10:00:00.250Z'),
          clockOutKind: 'auto',
        },
        {
          id: open.id,
          clockInAt: new Date('2026-11-24T11:30:00.500Z'),
          clockOutAt: null,
          clockOutKind: null,
        },
      ]);
      const none = await db.transaction((tx) =>
        repos.attendance.lockAndSpansEndingAfter(db, rina.id + 1_000, at, tx),
      );
      expect(none).toEqual([]);

      // A clock-out's: the latest shift begun at or before the tap, or none.
      const begunBy = (instant: string, userId = rina.id) =>
        db.transaction((tx) =>
          repos.attendance.lockAndSpanBegunBy(db, userId, new Date(instant), tx),
        );
      expect(await begunBy('2026-11-24T12:00:00.000Z')).toEqual(spans[1]);
      expect((await begunBy('2026-11-24T11:30:00.499Z'))?.id).toBe(auto.id);
      expect(await begunBy('2026-11-19T00:00:00.000Z')).toBeNull();
      expect(await begunBy('2026-11-24T12:00:00.000Z', rina.id + 1_000)).toBeNull();
    });

    it.runIf(dialect === 'mysql')(
      "holds the employee's next tap until the first commits, and shows it the shift written, while another employee's first shift goes in at once",
      async () => {
        // Ids in order: Agus, then Bayu (no shift yet, so his first one goes into the index gap after
        // Agus's), then Citra.
        const agus = await person('agus@example.com');
        const bayu = await person('bayu@example.com');
        const citra = await person('citra@example.com');
        await shift(agus.id, '2026-11-23T01:00:00.000Z', 8);
        await shift(citra.id, '2026-11-23T01:00:00.000Z', 8);
        const at = new Date('2026-11-24T01:00:00.000Z');
        const order: string[] = [];

        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let locked!: () => void;
        const lockTaken = new Promise<void>((resolve) => (locked = resolve));
        const first = db.transaction(async (tx) => {
          expect(await repos.attendance.lockAndSpansEndingAfter(db, agus.id, at, tx)).toEqual([]);
          locked();
          await held;
          await db.sequelize.query(
            `INSERT INTO attendance (user_id, work_date, status, late_minutes, clock_in_at,
             clock_in_node, clock_in_source, open_user_id, created_at, updated_at)
           VALUES (?, '2026-11-24', 'on_time', 0, '2026-11-24 01:00:00.000', 'api-1', 'online', ?, NOW(3), NOW(3))`,
            { replacements: [agus.id, agus.id], transaction: tx },
          );
          order.push('first committed');
        });
        await lockTaken;
        const second = db.transaction(async (tx) => {
          const spans = await repos.attendance.lockAndSpansEndingAfter(db, agus.id, at, tx);
          order.push('second read');
          return spans;
        });
        try {
          // Bayu's first shift is not held back by Agus's lock.
          const written = shift(bayu.id, '2026-11-24T01:00:00.000Z', null).then(() => 'written');
          const waited = new Promise((resolve) => setTimeout(() => resolve('held back'), 2_000));
          expect(await Promise.race([written, waited])).toBe('written');
          order.push('bayu written');
          await new Promise((resolve) => setTimeout(resolve, 300));
          expect(order).toEqual(['bayu written']);
        } finally {
          release();
        }
        await first;
        const seen = await second;
        expect(order).toEqual(['bayu written', 'first committed', 'second read']);
        expect(seen).toHaveLength(1);
        expect(seen[0]).toMatchObject({ clockOutAt: null, clockInAt: at });
      },
    );
  },
);
