import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { migrate, openDatabase, type Database } from '../index.js';
import { createTempDatabase, dialectsUnderTest, type TempDatabase } from '../testing/index.js';

const dialects = await dialectsUnderTest();

describe.each(dialects)('0003-time-record on %s', (dialect) => {
  let temp: TempDatabase;
  let db: Database;

  beforeAll(async () => {
    temp = await createTempDatabase(dialect);
    db = await openDatabase({ DATABASE_URL: temp.url, DB_POOL_MAX: 2 });
    await migrate(db, { to: '0002-report-files' });
  });
  afterAll(async () => {
    await db?.close();
    await temp?.drop();
  });

  it('keeps what was recorded: the time the rules used becomes the effective time, the server time the receive time', async () => {
    const run = (sql: string) => db.sequelize.query(sql);
    await run(`INSERT INTO users (id, name, email, password_hash, role, active, created_at, updated_at)
               VALUES (1, 'Sari', 'sari@example.com', 'x', 'employee', 1, '2026-11-01 00:00:00.000', '2026-11-01 00:00:00.000')`);
    // An online shift, and one whose taps were kept offline (the phone's times counted).
    await run(`INSERT INTO attendance (id, user_id, work_date, status, late_minutes, clock_in_at, clock_in_client_at,
                 clock_in_node, clock_in_source, clock_out_at, clock_out_client_at, clock_out_node, clock_out_source,
                 clock_out_kind, open_user_id, created_at, updated_at)
               VALUES
               (1, 1, '2026-11-23', 'on_time', 0, '2026-11-23 01:00:00.000', NULL, 'api-1', 'online',
                '2026-11-23 10:00:00.000', NULL, 'api-1', 'online', 'manual', NULL, '2026-11-23 01:00:00.000', '2026-11-23 10:00:00.000'),
               (2, 1, '2026-11-24', 'late', 30, '2026-11-24 05:00:00.000', '2026-11-24 01:30:00.000', 'api-2', 'offline',
                '2026-11-24 05:00:01.000', '2026-11-24 10:00:00.000', 'api-2', 'offline', 'manual', NULL, '2026-11-24 05:00:00.000', '2026-11-24 05:00:01.000')`);
    expect(await migrate(db, { to: '0003-time-record' })).toEqual(['0003-time-record']);

    const rows = await db.sequelize.query<{
      id: number;
      clock_in_at: unknown;
      clock_in_received_at: unknown;
      clock_out_at: unknown;
      clock_out_received_at: unknown;
      origin: string;
      corrected: unknown;
    }>(
      'SELECT id, clock_in_at, clock_in_received_at, clock_out_at, clock_out_received_at, origin, corrected FROM attendance ORDER BY id',
      { type: QueryTypes.SELECT },
    );
    const instant = (value: unknown) =>
      new Date(
        `${String(value instanceof Date ? value.toISOString() : value)
          .slice(0, 23)
          .replace(' ', 'T')}Z`,
      ).toISOString();
    expect(
      rows.map((row) => ({
        id: row.id,
        in: instant(row.clock_in_at),
        inReceived: instant(row.clock_in_received_at),
        out: instant(row.clock_out_at),
        outReceived: instant(row.clock_out_received_at),
        origin: row.origin,
        corrected: Boolean(row.corrected),
      })),
    ).toEqual([
      {
        id: 1,
        in: '2026-11-23T01:00:00.000Z',
        inReceived: '2026-11-23T01:00:00.000Z',
        out: '2026-11-23T10:00:00.000Z',
        outReceived: '2026-11-23T10:00:00.000Z',
        origin: 'tap',
        corrected: false,
      },
      {
        id: 2,
        in: '2026-11-24T01:30:00.000Z',
        inReceived: '2026-11-24T05:00:00.000Z',
        out: '2026-11-24T10:00:00.000Z',
        outReceived: '2026-11-24T05:00:01.000Z',
        origin: 'tap',
        corrected: false,
      },
    ]);
  });
});
