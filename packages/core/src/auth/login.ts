import { randomBytes } from 'node:crypto';
import { hashPassword, repos, verifyPassword } from '@absensi/db';
import { actorOf, type Actor } from '../actor.js';
import type { CoreDeps } from '../deps.js';
import { DomainError } from '../errors.js';

// Verified against when the email is unknown, so that both answers take the same time.
let dummyHash: Promise<string> | undefined;
const unknownUserHash = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));

const WRONG_CREDENTIALS = 'That email and password do not match an active account.';

/**
 * Checks an email and password; the caller starts the session for the actor returned.
 * @throws DomainError RATE_LIMITED after too many failures (saying how long to wait),
 * UNAUTHENTICATED for a wrong password, an unknown email or a deactivated account alike.
 */
export async function login(
  deps: Pick<CoreDeps, 'db' | 'loginLimiter' | 'log'>,
  input: { email: string; password: string; clientAddress: string },
): Promise<Actor> {
  const wait = await deps.loginLimiter.retryAfterSeconds(input.email, input.clientAddress);
  if (wait > 0) {
    throw new DomainError(
      'RATE_LIMITED',
      `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} minute(s).`,
    );
  }
  const user = await repos.users.byEmail(deps.db, input.email);
  const valid = await verifyPassword(
    user?.passwordHash ?? (await unknownUserHash()),
    input.password,
  );
  if (!user || !valid || !user.active) {
    await deps.loginLimiter.recordFailure(input.email, input.clientAddress);
    throw new DomainError('UNAUTHENTICATED', WRONG_CREDENTIALS);
  }
  await deps.loginLimiter.recordSuccess(input.email);
  deps.log.info({ userId: user.id }, 'signed in');
  return actorOf(user);
}

/**
 * The active user behind a session's user id, through the node's cache of users seen lately.
 * @throws DomainError UNAUTHENTICATED when there is none, or the account was deactivated.
 */
export async function signedInActor(
  deps: Pick<CoreDeps, 'db' | 'users'>,
  userId: number | null,
): Promise<Actor> {
  const load = async (id: number): Promise<Actor | false> => {
    const row = await repos.users.sessionUserRow(deps.db, id);
    return row?.active ? actorOf(row) : false;
  };
  const actor =
    userId === null
      ? false
      : deps.users
        ? await deps.users.get(userId, () => load(userId))
        : await load(userId);
  if (!actor)
    throw new DomainError('UNAUTHENTICATED', 'Your session has ended. Please sign in again.');
  return actor;
}
