import { repos, type UserFilter } from '@absensi/db';
import type { Actor } from '../actor.js';
import { scopeOf } from '../auth/scope.js';
import type { CoreDeps } from '../deps.js';
import type { Page } from '../page.js';
import { userView, type UserView } from './views.js';

/** Accounts matching the filter, by id, a page at a time. */
export async function listUsers(
  deps: Pick<CoreDeps, 'db'>,
  query: Omit<UserFilter, 'after'> & { cursor?: number | undefined },
): Promise<Page<UserView>> {
  const { cursor, limit, ...filter } = query;
  const rows = await repos.users.list(deps.db, { ...filter, after: cursor, limit: limit + 1 });
  const items = rows.slice(0, limit).map(userView);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}

/** Every department named on some account, in order. */
export async function departments(deps: Pick<CoreDeps, 'db'>, actor: Actor): Promise<string[]> {
  const all = await repos.users.departments(deps.db);
  const scope = await scopeOf(deps, actor);
  return scope.kind === 'all' ? all : all.filter((name) => scope.departments.includes(name));
}
