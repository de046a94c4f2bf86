import { hashPassword, repos, verifyPassword } from '@absensi/db';
import type { Actor } from '../actor.js';
import { writeAudit } from '../audit/write.js';
import { afterCommit } from '../changes.js';
import type { CoreDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { tooManyAttempts } from './login.js';

/**
 * A signed-in person changes their own password, proving the current one. The current password is
 * checked under the login limiter (a stolen session cannot guess it faster than a sign-in could).
 * The change ends every session of the account; the caller starts the current one again with the
 * generation returned, so the person stays signed in here and nowhere else.
 * @throws DomainError RATE_LIMITED, INVALID (`currentPassword` wrong, or `newPassword` the same),
 * UNAUTHENTICATED (the account is gone or deactivated).
 */
export async function changeOwnPassword(
  deps: Pick<
    CoreDeps,
    'db' | 'loginLimiter' | 'log' | 'feed' | 'sentMarks' | 'dashboardCache' | 'users'
  >,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; clientAddress: string },
): Promise<{ sessionGeneration: number }> {
  const wait = await deps.loginLimiter.reserve(actor.email, input.clientAddress);
  if (wait > 0) throw tooManyAttempts(wait);
  const user = await repos.users.byId(deps.db, actor.id);
  if (!user?.active)
    throw new DomainError(
      'UNAUTHENTICATED',
      'Your session has ended. Please sign in again.',
      undefined,
      { reason: 'SESSION_ENDED' },
    );
  if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
    throw new DomainError(
      'INVALID',
      'Your current password is not right, so the password was not changed.',
      'currentPassword',
      { reason: 'CURRENT_PASSWORD_WRONG' },
    );
  await deps.loginLimiter.succeeded(actor.email, input.clientAddress);
  if (input.newPassword === input.currentPassword)
    throw new DomainError(
      'INVALID',
      'The new password must differ from the current one.',
      'newPassword',
      { reason: 'PASSWORD_UNCHANGED' },
    );
  // Hashing is slow by design: done before the transaction, which then holds no lock while it runs.
  const passwordHash = await hashPassword(input.newPassword);
  const sessionGeneration = await deps.db.transaction(async (tx) => {
    await repos.users.update(user, { passwordHash }, tx);
    const generation = await repos.users.endSessions(deps.db, user.id, tx);
    await writeAudit(
      deps,
      {
        actorId: actor.id,
        action: 'user.change_password',
        entityType: 'user',
        entityId: actor.id,
        reason: 'changed their own password',
        before: null,
        after: null,
      },
      tx,
    );
    return generation;
  });
  await afterCommit(deps, { users: [actor.id] });
  deps.log.info({ userId: actor.id }, 'password changed; other sessions ended');
  return { sessionGeneration };
}
