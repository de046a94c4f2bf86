import { isUniqueViolation, repos, type NewLeaveType } from '@absensi/db';
import type { Actor } from '../actor.js';
import { writeAudit } from '../audit/write.js';
import type { CoreDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { leaveTypeView, type LeaveTypeView } from './views.js';

const taken = (code: string) =>
  new DomainError('CONFLICT', `A leave type with the code ${code} already exists.`, 'code', {
    reason: 'LEAVE_TYPE_CODE_TAKEN',
    params: { code },
  });

/**
 * An admin adds a leave type.
 * @throws DomainError CONFLICT for a code in use.
 */
export async function createLeaveType(
  deps: Pick<CoreDeps, 'db'>,
  admin: Actor,
  input: NewLeaveType,
): Promise<LeaveTypeView> {
  try {
    return await deps.db.transaction(async (tx) => {
      const view = leaveTypeView(await repos.leaveTypes.create(deps.db, input, tx));
      await writeAudit(
        deps,
        {
          actorId: admin.id,
          action: 'leave_type.create',
          entityType: 'leave_type',
          entityId: view.id,
          reason: 'created',
          before: null,
          after: view,
        },
        tx,
      );
      return view;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken(input.code);
    throw error;
  }
}

/**
 * An admin changes a leave type or retires it (active false); requests already filed keep it.
 * @throws DomainError NOT_FOUND, CONFLICT for a code in use.
 */
export async function updateLeaveType(
  deps: Pick<CoreDeps, 'db'>,
  admin: Actor,
  id: number,
  changes: repos.leaveTypes.LeaveTypeChanges,
): Promise<LeaveTypeView> {
  try {
    return await deps.db.transaction(async (tx) => {
      const type = await repos.leaveTypes.byId(deps.db, id, tx);
      if (!type)
        throw new DomainError('NOT_FOUND', `There is no leave type with id ${id}.`, 'id', {
          reason: 'LEAVE_TYPE_NOT_FOUND',
          params: { id: id },
        });
      const before = leaveTypeView(type);
      const defined = Object.fromEntries(
        Object.entries(changes).filter(([, value]) => value !== undefined),
      );
      await repos.leaveTypes.update(type, defined, tx);
      const after = leaveTypeView(type);
      await writeAudit(
        deps,
        {
          actorId: admin.id,
          action: 'leave_type.update',
          entityType: 'leave_type',
          entityId: id,
          reason: 'updated',
          before,
          after,
        },
        tx,
      );
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error) && changes.code) throw taken(changes.code);
    throw error;
  }
}
