import { repos, type UserFilter } from '@absensi/db';
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
export function departments(deps: Pick<CoreDeps, 'db'>): Promise<string[]> {
  return repos.users.departments(deps.db);
}
