import type { repos, User } from '@absensi/db';

/**
 * Whether a change to an account ends its sessions: a new password, another role, or a
 * deactivation. The person signs in again, and gets what the account now allows.
 */
export function endsSessions(
  before: Pick<User, 'role' | 'active'>,
  changes: repos.users.UserChanges,
) {
  return (
    changes.passwordHash !== undefined ||
    (changes.role !== undefined && changes.role !== before.role) ||
    (changes.active === false && Boolean(before.active))
  );
}
