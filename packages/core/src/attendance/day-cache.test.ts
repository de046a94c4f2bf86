import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repos } from '@absensi/db';
import { dialectsUnderTest } from '@absensi/db/testing';
import type { Actor } from '../actor.js';
import { afterCommit } from '../changes.js';
import { useCaseDeps } from '../testing/deps.js';
import { clockIn, clockOut } from './clock.js';
import { today } from './queries.js';

const dialects = await dialectsUnderTest();

describe.each(dialects)('attendance.today from the day cache on %s', (dialect) => {
  let deps: Awaited<ReturnType<typeof useCaseDeps>>;
  let siti: Actor;
  beforeAll(async () => {
    deps = await useCaseDeps(dialect);
    const user = await repos.users.create(deps.db, {
      name: 'Siti',
      email: 'siti@example.com',
      passwordHash: 'x',
      role: 'employee',
      department: 'Ops',
    });
    siti = { id: user.id, name: 'Siti', email: user.email, role: 'employee', department: 'Ops' };
  });
  afterAll(() => deps?.close());

  it('is served from the cache until a tap, an account or the calendar changes it', async () => {
    const empty = await today(deps, siti);
    expect(empty.records).toEqual([]);
    // The second read is the cached day: its rows are not read again.
    const cached = await deps.dayCache!.read(siti.id, empty.workDate);
    expect(JSON.parse(cached.value!)).toMatchObject({ open: null, records: [] });

    const shift = await clockIn(deps, siti, { idempotencyKey: randomUUID() });
    const afterIn = await today(deps, siti);
    expect(afterIn.open?.id).toBe(shift.id);
    expect(afterIn.records.map((record) => record.id)).toEqual([shift.id]);
    expect(afterIn.serverTime).not.toBe(empty.serverTime);

    await clockOut(deps, siti, { idempotencyKey: randomUUID() });
    const afterOut = await today(deps, siti);
    expect(afterOut.open).toBeNull();
    expect(afterOut.records[0]?.clockOutAt).not.toBeNull();

    const stamp = (await deps.dayCache!.read(siti.id, afterOut.workDate)).stamp;
    await afterCommit(deps, { calendar: true });
    expect((await deps.dayCache!.read(siti.id, afterOut.workDate)).stamp).not.toBe(stamp);
    await afterCommit(deps, { users: [siti.id] });
    expect((await deps.dayCache!.read(siti.id, afterOut.workDate)).value).toBeNull();
  });
});
