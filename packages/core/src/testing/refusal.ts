import { repos, type Database } from '@absensi/db';
import type { Actor } from '../actor.js';
import { DomainError } from '../errors.js';

/**
 * The DomainError a call ends in, as its code, field and message; throws when the call succeeds or
 * fails with anything else.
 */
export async function refusal(
  call: Promise<unknown>,
): Promise<{ code: string; field: string | undefined; message: string }> {
  const error = await call.then(
    () => new Error('expected a refusal, and the call succeeded'),
    (caught: unknown) => caught,
  );
  if (!(error instanceof DomainError)) throw error;
  return { code: error.code, field: error.field, message: error.message };
}

/** A new account with the role, acting as itself. */
export async function actorWithRole(
  db: Database,
  role: Actor['role'],
  name = role === 'admin' ? 'Admin' : 'Siti',
): Promise<Actor> {
  const user = await repos.users.create(db, {
    name,
    email: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${role}@example.com`,
    passwordHash: 'x',
    role,
    department: null,
  });
  return { id: user.id, name, email: user.email, role, department: null };
}
