import { repos, type LeaveRequest } from '@absensi/db';
import type { Actor } from '../actor.js';
import { departmentsFor, scopeOf } from '../auth/scope.js';
import type { CoreDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { balancesOf, type LeaveBalance } from './balance.js';
import { leaveTypeView, requestView, type LeaveTypeView, type RequestView } from './views.js';

/** Views of some requests, with their people, types and attachments read in three queries. */
export async function requestViews(
  deps: Pick<CoreDeps, 'db'>,
  rows: readonly LeaveRequest[],
): Promise<RequestView[]> {
  const [types, people, attachments] = await Promise.all([
    repos.leaveTypes.list(deps.db),
    repos.users.namesAndDepartmentsOf(
      deps.db,
      rows.flatMap((row) => (row.decidedBy === null ? [row.userId] : [row.userId, row.decidedBy])),
    ),
    repos.requests.attachmentsOf(
      deps.db,
      rows.map((row) => row.id),
    ),
  ]);
  const context = { types: new Map(types.map((type) => [type.id, type])), people, attachments };
  return rows.map((row) => requestView(row, context));
}

export async function loadRequestView(
  deps: Pick<CoreDeps, 'db'>,
  row: LeaveRequest,
): Promise<RequestView> {
  return (await requestViews(deps, [row]))[0]!;
}

export interface RequestPage {
  items: RequestView[];
  /** Pass as `before` for the next page; null: no more. */
  nextBefore: number | null;
}

const page = (items: RequestView[], limit: number): RequestPage => ({
  items,
  nextBefore: items.length === limit ? items[items.length - 1]!.id : null,
});

/** The caller's own requests, newest first. */
export async function myRequests(
  deps: Pick<CoreDeps, 'db'>,
  actor: Actor,
  query: { state?: LeaveRequest['state'] | undefined; before?: number | undefined; limit: number },
): Promise<RequestPage> {
  const rows = await repos.requests.list(deps.db, { userId: actor.id, ...query });
  return page(await requestViews(deps, rows), query.limit);
}

/**
 * Requests of the people an approver sees (all for an admin, a manager's departments), newest
 * first, filtered by state, kind, department and dates.
 * @throws DomainError FORBIDDEN for a department outside a manager's scope.
 */
export async function listRequests(
  deps: Pick<CoreDeps, 'db'>,
  actor: Actor,
  query: {
    state?: LeaveRequest['state'] | undefined;
    kind?: LeaveRequest['kind'] | undefined;
    department?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    before?: number | undefined;
    limit: number;
  },
): Promise<RequestPage> {
  const departments = departmentsFor(await scopeOf(deps, actor), query.department);
  const userIds =
    departments === undefined
      ? undefined
      : (await repos.dashboard.peopleOf(deps.db, { departments })).map((person) => person.userId);
  const { department: _department, ...filter } = query;
  const rows = await repos.requests.list(deps.db, { ...filter, userIds });
  return page(await requestViews(deps, rows), query.limit);
}

/** The leave types; only the active ones for employees filing. */
export async function listLeaveTypes(
  deps: Pick<CoreDeps, 'db'>,
  filter: { activeOnly: boolean },
): Promise<LeaveTypeView[]> {
  const types = await repos.leaveTypes.list(deps.db, filter.activeOnly ? { active: true } : {});
  return types.map(leaveTypeView);
}

/** The person's balance of each active leave type with an allowance, in the year. */
export async function leaveBalances(
  deps: Pick<CoreDeps, 'db' | 'planning'>,
  person: Pick<Actor, 'id' | 'department'>,
  year: number,
): Promise<LeaveBalance[]> {
  const types = await repos.leaveTypes.list(deps.db, { active: true });
  return balancesOf(deps, person, types, year);
}

/**
 * An attachment's bytes, for the employee who filed it or an approver who sees them.
 * @throws DomainError NOT_FOUND otherwise.
 */
export async function requestAttachment(
  deps: Pick<CoreDeps, 'db'>,
  actor: Actor,
  id: number,
): Promise<{ contentType: string; base64: string }> {
  const missing = new DomainError('NOT_FOUND', `There is no attachment with id ${id}.`, 'id', {
    reason: 'ATTACHMENT_NOT_FOUND',
    params: { id: id },
  });
  const attachment = await repos.requests.attachmentById(deps.db, id);
  if (!attachment) throw missing;
  const request = await repos.requests.byId(deps.db, attachment.requestId);
  if (!request) throw missing;
  if (request.userId !== actor.id) {
    if (actor.role === 'employee') throw missing;
    const owner = await repos.users.byId(deps.db, request.userId);
    const scope = await scopeOf(deps, actor);
    if (
      !owner ||
      (scope.kind === 'managed' &&
        (owner.department === null || !scope.departments.includes(owner.department)))
    )
      throw missing;
  }
  return {
    contentType: attachment.contentType,
    base64: Buffer.from(attachment.data).toString('base64'),
  };
}
