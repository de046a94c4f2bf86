import {
  generatePassword,
  hashPassword,
  isUniqueViolation,
  repos,
  type Role,
  type Tx,
  type User,
} from '@absensi/db';
import type { AppEvent } from '@absensi/events';
import type { Actor } from '../actor.js';
import { closeOnDeactivation } from '../attendance/close-on-deactivation.js';
import { writeAudit } from '../audit/write.js';
import { afterCommit } from '../changes.js';
import type { CoreDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { workDateOf } from '../attendance/rules/time.js';
import { endsSessions } from './sessions.js';
import { userView, type UserView } from './views.js';

type Deps = Pick<
  CoreDeps,
  'db' | 'feed' | 'log' | 'sentMarks' | 'dashboardCache' | 'users' | 'clock' | 'nodeId' | 'settings'
>;

async function findUser(deps: Pick<CoreDeps, 'db'>, userId: number, tx?: Tx): Promise<User> {
  const user = await repos.users.byId(deps.db, userId, tx);
  if (!user)
    throw new DomainError('NOT_FOUND', `There is no user with id ${userId}.`, undefined, {
      reason: 'USER_NOT_FOUND',
      params: { id: userId },
    });
  return user;
}

function emailTaken(error: unknown): never {
  if (isUniqueViolation(error))
    throw new DomainError('CONFLICT', 'Another account already uses this email address.', 'email', {
      reason: 'EMAIL_TAKEN',
    });
  throw error;
}

/**
 * Refuses a change that would leave the company without an active admin, or lock the caller out.
 * @throws DomainError INVALID
 */
async function guardAdminChange(
  deps: Pick<CoreDeps, 'db'>,
  actorId: number,
  target: User,
  next: { role: Role; active: boolean },
  tx: Tx,
) {
  const losesAdmin =
    target.role === 'admin' && target.active && (next.role !== 'admin' || !next.active);
  if (!losesAdmin) return;
  if (target.id === actorId)
    throw new DomainError(
      'INVALID',
      'You cannot remove your own admin access or deactivate yourself.',
      undefined,
      { reason: 'CANNOT_DEMOTE_SELF' },
    );
  if ((await repos.users.countActiveAdmins(deps.db, tx)) <= 1)
    throw new DomainError('INVALID', 'At least one active admin must remain.', undefined, {
      reason: 'LAST_ADMIN',
    });
}

export interface NewAccount {
  name: string;
  email: string;
  /** Generated (and returned once) when not given. */
  password?: string | undefined;
  role: Role;
  department?: string | null | undefined;
  /** From when they are expected at work ("YYYY-MM-DD"); today in the company's zone by default. */
  hiredOn?: string | null | undefined;
}

/**
 * Creates an account; the account and its audit row commit together.
 * @throws DomainError CONFLICT when the email is taken.
 */
export async function createUser(
  deps: Deps,
  admin: Actor,
  input: NewAccount,
): Promise<{ user: UserView; generatedPassword: string | null }> {
  const chosen = input.password ?? generatePassword();
  // Hashing is slow by design: done before the transaction, which then holds no lock while it runs.
  const passwordHash = await hashPassword(chosen);
  const user = await deps.db
    .transaction(async (tx) => {
      const created = await repos.users.create(
        deps.db,
        {
          name: input.name,
          email: input.email,
          passwordHash,
          role: input.role,
          department: input.department ?? null,
          hiredOn:
            input.hiredOn === undefined
              ? workDateOf(deps.clock(), (await deps.settings.get()).timeZone)
              : input.hiredOn,
        },
        tx,
      );
      await writeAudit(
        deps,
        {
          actorId: admin.id,
          action: 'user.create',
          entityType: 'user',
          entityId: created.id,
          reason: 'created',
          before: null,
          after: userView(created),
        },
        tx,
      );
      return created;
    })
    .catch(emailTaken);
  await afterCommit(deps, { users: [user.id] });
  return {
    user: userView(user),
    generatedPassword: input.password === undefined ? chosen : null,
  };
}

export interface AccountChanges {
  name?: string | undefined;
  email?: string | undefined;
  role?: Role | undefined;
  department?: string | null | undefined;
  active?: boolean | undefined;
  hiredOn?: string | null | undefined;
}

/**
 * Writes a change to an account with its audit row, in one transaction under the account's lock;
 * a deactivation also closes the employee's open shift in it. Returns the account after.
 */
async function changeAccount(
  deps: Deps,
  admin: Actor,
  userId: number,
  audit: { action: string; reason: string },
  changesOf: (user: User) => Promise<repos.users.UserChanges> | repos.users.UserChanges,
): Promise<UserView> {
  const { after, events } = await deps.db
    .transaction(async (tx) => {
      await repos.users.lock(deps.db, userId, tx);
      const user = await findUser(deps, userId, tx);
      const before = userView(user);
      const changes = await changesOf(user);
      await guardAdminChange(
        deps,
        admin.id,
        user,
        { role: changes.role ?? user.role, active: changes.active ?? Boolean(user.active) },
        tx,
      );
      const deactivated = Boolean(user.active) && changes.active === false;
      const revoke = endsSessions(user, changes);
      await repos.users.update(user, changes, tx);
      if (revoke) await repos.users.endSessions(deps.db, user.id, tx);
      const changed = userView(user);
      const secret = changes.passwordHash !== undefined;
      await writeAudit(
        deps,
        {
          actorId: admin.id,
          action: audit.action,
          entityType: 'user',
          entityId: user.id,
          reason: audit.reason,
          before: secret ? null : before,
          after: secret ? null : changed,
        },
        tx,
      );
      const closed: AppEvent[] = deactivated
        ? await closeOnDeactivation(deps, user, admin.id, tx)
        : [];
      return { after: changed, events: closed };
    })
    .catch(emailTaken);
  await afterCommit(deps, { users: [userId], events });
  return after;
}

/**
 * Changes an account's name, email, role, department or active flag.
 * @throws DomainError NOT_FOUND, CONFLICT (email taken), INVALID (the last admin, or oneself).
 */
export function updateUser(
  deps: Deps,
  admin: Actor,
  userId: number,
  changes: AccountChanges,
): Promise<UserView> {
  const defined = Object.fromEntries(
    Object.entries(changes).filter(([, value]) => value !== undefined),
  ) as repos.users.UserChanges;
  return changeAccount(
    deps,
    admin,
    userId,
    { action: 'user.update', reason: 'updated' },
    () => defined,
  );
}

/** Deactivates an account: it can no longer sign in. */
export function deactivateUser(deps: Deps, admin: Actor, userId: number): Promise<UserView> {
  return changeAccount(
    deps,
    admin,
    userId,
    { action: 'user.deactivate', reason: 'deactivated' },
    () => ({ active: false }),
  );
}

/** Sets a new password (generated and returned once when not given). */
export async function resetPassword(
  deps: Deps,
  admin: Actor,
  userId: number,
  password?: string,
): Promise<{ generatedPassword: string | null }> {
  const chosen = password ?? generatePassword();
  const passwordHash = await hashPassword(chosen);
  await changeAccount(
    deps,
    admin,
    userId,
    { action: 'user.reset_password', reason: 'password reset' },
    () => ({ passwordHash }),
  );
  return { generatedPassword: password === undefined ? chosen : null };
}

export interface ManagerScopes {
  departments: string[];
  siteIds: number[];
}

/** The departments and sites a manager looks after. */
export async function managerScopes(
  deps: Pick<CoreDeps, 'db'>,
  userId: number,
): Promise<ManagerScopes> {
  const scopes = await repos.schedules.scopesOf(deps.db, userId);
  return {
    departments: scopes.flatMap((scope) => (scope.department ? [scope.department] : [])),
    siteIds: scopes.flatMap((scope) => (scope.siteId !== null ? [scope.siteId] : [])),
  };
}

/**
 * Sets whom a manager looks after (their departments and sites), with an audit row.
 * @throws DomainError NOT_FOUND; INVALID when the account is not a manager.
 */
export async function setManagerScopes(
  deps: Deps,
  admin: Actor,
  userId: number,
  scopes: ManagerScopes,
): Promise<ManagerScopes> {
  await deps.db.transaction(async (tx) => {
    const user = await findUser(deps, userId, tx);
    if (user.role !== 'manager')
      throw new DomainError(
        'INVALID',
        'Only a manager looks after departments and sites.',
        'userId',
        { reason: 'SCOPES_ONLY_FOR_MANAGERS' },
      );
    const before = await managerScopes(deps, userId);
    await repos.schedules.saveScopes(
      deps.db,
      userId,
      [
        ...scopes.departments.map((department) => ({ department, siteId: null })),
        ...scopes.siteIds.map((siteId) => ({ department: null, siteId })),
      ],
      tx,
    );
    await writeAudit(
      deps,
      {
        actorId: admin.id,
        action: 'user.set_scopes',
        entityType: 'user',
        entityId: userId,
        reason: 'manager scopes changed',
        before,
        after: scopes,
      },
      tx,
    );
  });
  await afterCommit(deps, { users: [userId] });
  return managerScopes(deps, userId);
}
