import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { repos } from '@absensi/db';
import { useCaseDeps } from '@absensi/core/testing';
import type { RequestSession } from '@absensi/runtime';
import { appRouter } from '../root.js';
import { createCallerFactory } from '../trpc.js';

const createCaller = createCallerFactory(appRouter);

/** A session that is already signed in (or not), without cookies or HTTP. */
function sessionOf(userId: number | null, generation = 0): RequestSession {
  return {
    userId,
    generation,
    signIn: () => Promise.resolve(),
    signOut: () => Promise.resolve(),
  };
}

async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** The contract without HTTP: each procedure's refusals, as the domain's errors mapped once. */
describe('procedures called directly', () => {
  let deps: Awaited<ReturnType<typeof useCaseDeps>>;
  let employeeId: number;
  const as = (userId: number | null) =>
    createCaller({ deps, session: sessionOf(userId), clientAddress: '127.0.0.1' });

  beforeAll(async () => {
    deps = await useCaseDeps('sqlite');
    const employee = await repos.users.create(deps.db, {
      name: 'Wayan',
      email: 'wayan@example.com',
      passwordHash: 'x',
      role: 'employee',
      department: 'Bali',
    });
    employeeId = employee.id;
  });
  afterAll(async () => {
    await deps?.close();
  });

  it('maps each domain refusal to its tRPC code', async () => {
    const wayan = as(employeeId);
    await wayan.attendance.clockIn({ idempotencyKey: randomUUID() });
    expect(await codeOf(wayan.attendance.clockIn({ idempotencyKey: randomUUID() }))).toBe(
      'CONFLICT',
    );
    const tooOld = new Date(Date.now() - 4 * 24 * 3_600_000).toISOString();
    expect(
      await codeOf(wayan.attendance.clockOut({ idempotencyKey: randomUUID(), at: tooOld })),
    ).toBe('BAD_REQUEST');
    expect(await codeOf(as(null).attendance.today())).toBe('UNAUTHORIZED');
    expect(await codeOf(as(employeeId + 99).auth.me())).toBe('UNAUTHORIZED');
    // A session from before the account's sessions were ended.
    expect(
      await codeOf(
        createCaller({
          deps,
          session: sessionOf(employeeId, 7),
          clientAddress: '127.0.0.1',
        }).auth.me(),
      ),
    ).toBe('UNAUTHORIZED');
    expect(await codeOf(wayan.admin.dashboard())).toBe('FORBIDDEN');
  });

  it('answers the signed-in employee with their own day', async () => {
    const today = await as(employeeId).attendance.today();
    expect(today.open?.userId).toBe(employeeId);
    expect(today.records.map((record) => record.userId)).toEqual([employeeId]);
  });
});
