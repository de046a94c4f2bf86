import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, repos, verifyPassword } from '@absensi/db';
import { dialectsUnderTest } from '@absensi/db/testing';
import { actorOf, type Actor } from '../actor.js';
import { isDomainError } from '../errors.js';
import { useCaseDeps } from '../testing/deps.js';
import { UserCache } from '../users/user-cache.js';
import { createUser, deactivateUser, resetPassword, updateUser } from '../users/manage.js';
import { changeOwnPassword } from './change-password.js';
import type { LoginLimiter } from './login-limiter.js';
import { login, signedInActor } from './login.js';

const dialects = await dialectsUnderTest();

async function refusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, field: error.field };
    throw error;
  }
  throw new Error('expected a refusal');
}

/** A limiter that allows `allowed` reservations, then refuses, and records what it was told. */
function countingLimiter(allowed: number) {
  const calls: string[] = [];
  let reserved = 0;
  const limiter: LoginLimiter = {
    reserve(email, address) {
      calls.push(`reserve ${email} ${address}`);
      return Promise.resolve((reserved += 1) > allowed ? 60 : 0);
    },
    succeeded(email, address) {
      calls.push(`succeeded ${email} ${address}`);
      return Promise.resolve();
    },
  };
  return { limiter, calls };
}

describe.each(dialects)('sessions end with the access they were given, on %s', (dialect) => {
  let deps: Awaited<ReturnType<typeof useCaseDeps>>;
  let admin: Actor;
  const announced: number[] = [];

  beforeAll(async () => {
    deps = await useCaseDeps(dialect);
    Object.assign(deps, {
      users: new UserCache(60_000, 100, { announce: (ids) => announced.push(...ids) }),
    });
    const root = await repos.users.create(deps.db, {
      name: 'Admin',
      email: 'admin@example.com',
      passwordHash: await hashPassword('admin-password-1'),
      role: 'admin',
      department: null,
    });
    admin = actorOf(root);
  });
  afterAll(async () => {
    await deps?.close();
  });

  const generationOf = async (userId: number) =>
    (await repos.users.sessionUserRow(deps.db, userId))!.sessionGeneration;

  it('ends them on deactivation, a role change and a password reset; not on a new name', async () => {
    const { user } = await createUser(deps, admin, {
      name: 'Dewi',
      email: 'dewi@example.com',
      password: 'dewi-password-1',
      role: 'employee',
    });
    const session = { userId: user.id, generation: await generationOf(user.id) };
    expect(session.generation).toBe(0);
    expect((await signedInActor(deps, session)).email).toBe('dewi@example.com');

    await updateUser(deps, admin, user.id, { name: 'Dewi Lestari', department: 'Gudang' });
    expect(await generationOf(user.id)).toBe(0);
    expect((await signedInActor(deps, session)).name).toBe('Dewi Lestari');

    await updateUser(deps, admin, user.id, { role: 'admin' });
    expect(await generationOf(user.id)).toBe(1);
    expect(await refusal(signedInActor(deps, session))).toEqual({
      code: 'UNAUTHENTICATED',
      field: undefined,
    });
    const after = { userId: user.id, generation: 1 };
    expect((await signedInActor(deps, after)).role).toBe('admin');
    // The same role again changes nothing.
    await updateUser(deps, admin, user.id, { role: 'admin' });
    expect(await generationOf(user.id)).toBe(1);

    await resetPassword(deps, admin, user.id, 'reset-password-1');
    expect(await generationOf(user.id)).toBe(2);
    await deactivateUser(deps, admin, user.id);
    expect(await generationOf(user.id)).toBe(3);
    await updateUser(deps, admin, user.id, { active: true });
    expect(await generationOf(user.id)).toBe(3);
    expect(announced.filter((id) => id === user.id).length).toBeGreaterThanOrEqual(6);
  });

  it('gives a sign-in the generation in force', async () => {
    const { user } = await createUser(deps, admin, {
      name: 'Eko',
      email: 'eko@example.com',
      password: 'eko-password-1',
      role: 'employee',
    });
    await resetPassword(deps, admin, user.id, 'eko-password-2');
    const signedIn = await login(deps, {
      email: 'eko@example.com',
      password: 'eko-password-2',
      clientAddress: '10.0.0.1',
    });
    expect(signedIn.sessionGeneration).toBe(1);
    expect(await signedInActor(deps, { userId: user.id, generation: 1 })).toEqual(signedIn.actor);
  });

  it("changes one's own password only with the current one, under the login limit", async () => {
    const { user } = await createUser(deps, admin, {
      name: 'Fajar',
      email: 'fajar@example.com',
      password: 'fajar-password-1',
      role: 'employee',
    });
    const fajar = actorOf(user);
    const { limiter, calls } = countingLimiter(3);
    const limited = { ...deps, loginLimiter: limiter };
    const attempt = (currentPassword: string, newPassword: string) =>
      changeOwnPassword(limited, fajar, {
        currentPassword,
        newPassword,
        clientAddress: '10.0.0.2',
      });

    expect(await refusal(attempt('wrong-password', 'fajar-password-2'))).toEqual({
      code: 'INVALID',
      field: 'currentPassword',
    });
    expect(await refusal(attempt('fajar-password-1', 'fajar-password-1'))).toEqual({
      code: 'INVALID',
      field: 'newPassword',
    });
    expect(await generationOf(user.id)).toBe(0);

    const { sessionGeneration } = await attempt('fajar-password-1', 'fajar-password-2');
    expect(sessionGeneration).toBe(1);
    expect(await generationOf(user.id)).toBe(1);
    const stored = await repos.users.byId(deps.db, user.id);
    expect(await verifyPassword(stored!.passwordHash, 'fajar-password-2')).toBe(true);
    expect((await repos.audit.ofEntity(deps.db, 'user', user.id)).map((e) => e.action)).toEqual([
      'user.create',
      'user.change_password',
    ]);
    // The fourth try is past the limit: refused before the password is looked at.
    expect(await refusal(attempt('fajar-password-2', 'fajar-password-3'))).toEqual({
      code: 'RATE_LIMITED',
      field: undefined,
    });
    expect(calls).toEqual([
      'reserve fajar@example.com 10.0.0.2',
      'reserve fajar@example.com 10.0.0.2',
      'succeeded fajar@example.com 10.0.0.2',
      'reserve fajar@example.com 10.0.0.2',
      'succeeded fajar@example.com 10.0.0.2',
      'reserve fajar@example.com 10.0.0.2',
    ]);
  });
});
