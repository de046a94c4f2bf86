import { repos } from '@absensi/db';
import type { Actor } from '../actor.js';
import type { CoreDeps } from '../deps.js';
import { DomainError } from '../errors.js';

/** Whose people an actor may see and plan: everyone (admins), or a manager's departments and sites. */
export type Scope =
  { kind: 'all' } | { kind: 'managed'; departments: readonly string[]; siteIds: readonly number[] };

/**
 * The scope of an admin or a manager.
 * @throws DomainError FORBIDDEN for anyone else.
 */
export async function scopeOf(deps: Pick<CoreDeps, 'db'>, actor: Actor): Promise<Scope> {
  if (actor.role === 'admin') return { kind: 'all' };
  if (actor.role !== 'manager')
    throw new DomainError('FORBIDDEN', 'Only administrators and managers can do this.', undefined, {
      reason: 'MANAGERS_ONLY',
    });
  const scopes = await repos.schedules.scopesOf(deps.db, actor.id);
  return {
    kind: 'managed',
    departments: scopes.flatMap((scope) => (scope.department ? [scope.department] : [])),
    siteIds: scopes.flatMap((scope) => (scope.siteId !== null ? [scope.siteId] : [])),
  };
}

/** Whether a person is among those the scope covers. */
export function covers(scope: Scope, person: { department: string | null }): boolean {
  return (
    scope.kind === 'all' ||
    (person.department !== null && scope.departments.includes(person.department))
  );
}

/**
 * The departments a query is limited to: the one asked for (refused when outside the scope), or
 * every department of the scope; undefined for an admin asking for all.
 * @throws DomainError FORBIDDEN when a manager asks for a department outside their scope.
 */
export function departmentsFor(scope: Scope, asked: string | undefined): string[] | undefined {
  if (scope.kind === 'all') return asked === undefined ? undefined : [asked];
  if (asked === undefined) return [...scope.departments];
  if (!scope.departments.includes(asked))
    throw new DomainError('FORBIDDEN', `You do not manage the department ${asked}.`, 'department', {
      reason: 'NOT_YOUR_DEPARTMENT',
      params: { department: asked },
    });
  return [asked];
}
