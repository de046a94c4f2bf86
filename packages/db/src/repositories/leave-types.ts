/** The leave_types table: the kinds of absence employees may ask for. */
import type { Database, Tx } from '../connect.js';
import type { LeaveType } from '../models/index.js';

/** Every leave type by code; only the active ones when `active` is true. */
export function list(db: Database, filter: { active?: boolean } = {}): Promise<LeaveType[]> {
  return db.models.LeaveType.findAll({
    where: filter.active === undefined ? {} : { active: filter.active },
    order: [['id', 'ASC']],
  });
}

export function byId(db: Database, id: number, tx?: Tx): Promise<LeaveType | null> {
  return db.models.LeaveType.findByPk(id, { transaction: tx ?? null });
}

export type NewLeaveType = Pick<
  LeaveType,
  'code' | 'name' | 'category' | 'yearlyAllowanceDays' | 'attachment'
>;

/** Creates an active leave type; a taken code surfaces as a unique violation. */
export function create(db: Database, type: NewLeaveType, tx: Tx): Promise<LeaveType> {
  return db.models.LeaveType.create(type, { transaction: tx });
}

export type LeaveTypeChanges = Partial<NewLeaveType & Pick<LeaveType, 'active'>>;

export async function update(type: LeaveType, changes: LeaveTypeChanges, tx: Tx): Promise<void> {
  await type.update(changes, { transaction: tx });
}
