import { randomBytes } from 'node:crypto';
import { hashPassword, repos, verifyPassword } from '@absensi/db';
import { actorOf, type Actor } from '../actor.js';
import type { CoreDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import type { KnownUser } from '../users/user-cache.js';

// Verified against when the email is unknown, so that both answers take the same time.
let dummyHash: Promise<string> | undefined;
const unknownUserHash = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));

const WRONG_CREDENTIALS = 'That email and password do not match an active account.';

/** What a session holds about its user, as written at sign-in. */
export interface SessionClaim {
  /** The signed-in user's id, or null for a visitor. */
  userId: number | null;
  /** The account's session generation at sign-in (0 for sessions older than generations). */
  generation: number;
}

/** Who signed in, and the session generation their new session must carry. */
export interface SignedIn {
  actor: Actor;
  sessionGeneration: number;
}

/** The refusal of an attempt the login limiter did not allow. */
export function tooManyAttempts(waitSeconds: number): DomainError {
  return new DomainError(
    'RATE_LIMITED',
    `Too many failed sign-ins. Try again in ${Math.ceil(waitSeconds / 60)} minute(s).`,
    undefined,
    { reason: 'TOO_MANY_SIGN_INS', params: { minutes: Math.ceil(waitSeconds / 60) } },
  );
}

/**
 * Checks an email and password; the caller starts the session for the actor returned. The attempt
 * is reserved with the login limiter before the password is checked.
 * @throws DomainError RATE_LIMITED after too many failures (saying how long to wait),
 * UNAUTHENTICATED for a wrong password, an unknown email or a deactivated account alike.
 */
export async function login(
  deps: Pick<CoreDeps, 'db' | 'loginLimiter' | 'log'>,
  input: { email: string; password: string; clientAddress: string },
): Promise<SignedIn> {
  const wait = await deps.loginLimiter.reserve(input.email, input.clientAddress);
  if (wait > 0) throw tooManyAttempts(wait);
  const user = await repos.users.byEmail(deps.db, input.email);
  const valid = await verifyPassword(
    user?.passwordHash ?? (await unknownUserHash()),
    input.password,
  );
  // A failure keeps its reservation: that is what the limiter counts.
  if (!user || !valid || !user.active)
    throw new DomainError('UNAUTHENTICATED', WRONG_CREDENTIALS, undefined, {
      reason: 'WRONG_CREDENTIALS',
    });
  await deps.loginLimiter.succeeded(input.email, input.clientAddress);
  deps.log.info({ userId: user.id }, 'signed in');
  return { actor: actorOf(user), sessionGeneration: user.sessionGeneration };
}

/**
 * The active user behind a session, through the node's cache of users seen lately.
 * @throws DomainError UNAUTHENTICATED when there is none, the account was deactivated, or the
 * session has ended (its generation is not the account's: a password or role change, a
 * deactivation).
 */
export async function signedInActor(
  deps: Pick<CoreDeps, 'db' | 'users'>,
  session: SessionClaim,
): Promise<Actor> {
  const { userId } = session;
  const load = async (id: number): Promise<KnownUser | false> => {
    const row = await repos.users.sessionUserRow(deps.db, id);
    return row?.active ? { actor: actorOf(row), sessionGeneration: row.sessionGeneration } : false;
  };
  const known =
    userId === null
      ? false
      : deps.users
        ? await deps.users.get(userId, () => load(userId))
        : await load(userId);
  if (!known || known.sessionGeneration !== session.generation)
    throw new DomainError(
      'UNAUTHENTICATED',
      'Your session has ended. Please sign in again.',
      undefined,
      { reason: 'SESSION_ENDED' },
    );
  return known.actor;
}
