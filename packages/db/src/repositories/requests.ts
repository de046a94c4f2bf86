/** The requests and request_attachments tables: what employees ask for, and its decision. */
import { Op, type WhereOptions } from 'sequelize';
import type { Database, Tx } from '../connect.js';
import type {
  LeaveRequest,
  RequestAttachment,
  RequestKind,
  RequestState,
} from '../models/index.js';

export type NewRequest = Pick<
  LeaveRequest,
  | 'userId'
  | 'kind'
  | 'state'
  | 'leaveTypeId'
  | 'startDate'
  | 'endDate'
  | 'part'
  | 'leaveDays'
  | 'reason'
  | 'attendanceId'
  | 'clockInAt'
  | 'clockOutAt'
  | 'overtimeMinutes'
  | 'orderedBy'
  | 'clientKey'
> &
  Partial<Pick<LeaveRequest, 'decidedBy' | 'decidedAt' | 'decisionNote'>>;

/** Files a request; a client key used before by the same person surfaces as a unique violation. */
export function create(db: Database, request: NewRequest, tx: Tx): Promise<LeaveRequest> {
  return db.models.LeaveRequest.create(request, { transaction: tx });
}

/** One request, or null; `lock` takes a row lock for the rest of `tx`. */
export function byId(
  db: Database,
  id: number,
  options: { tx?: Tx; lock?: boolean } = {},
): Promise<LeaveRequest | null> {
  return db.models.LeaveRequest.findByPk(id, {
    transaction: options.tx ?? null,
    ...(options.lock && options.tx ? { lock: options.tx.LOCK.UPDATE } : {}),
  });
}

export function byClientKey(
  db: Database,
  userId: number,
  clientKey: string,
  tx?: Tx,
): Promise<LeaveRequest | null> {
  return db.models.LeaveRequest.findOne({ where: { userId, clientKey }, transaction: tx ?? null });
}

export type RequestChanges = Partial<
  Pick<
    LeaveRequest,
    'state' | 'decidedBy' | 'decidedAt' | 'decisionNote' | 'attendanceId' | 'leaveDays'
  >
>;

export async function update(
  request: LeaveRequest,
  changes: RequestChanges,
  tx: Tx,
): Promise<void> {
  await request.update(changes, { transaction: tx });
}

export interface RequestFilter {
  userId?: number | undefined;
  /** Only requests of these people (a manager's). */
  userIds?: readonly number[] | undefined;
  state?: RequestState | undefined;
  kind?: RequestKind | undefined;
  /** Requests touching a date in [from, to]. */
  from?: string | undefined;
  to?: string | undefined;
  before?: number | undefined;
  limit: number;
}

/** Requests matching the filter, newest first. */
export function list(db: Database, filter: RequestFilter): Promise<LeaveRequest[]> {
  const where: WhereOptions<LeaveRequest>[] = [];
  if (filter.userId !== undefined) where.push({ userId: filter.userId });
  if (filter.userIds !== undefined) where.push({ userId: { [Op.in]: [...filter.userIds] } });
  if (filter.state) where.push({ state: filter.state });
  if (filter.kind) where.push({ kind: filter.kind });
  if (filter.from) where.push({ endDate: { [Op.gte]: filter.from } });
  if (filter.to) where.push({ startDate: { [Op.lte]: filter.to } });
  if (filter.before !== undefined) where.push({ id: { [Op.lt]: filter.before } });
  return db.models.LeaveRequest.findAll({
    where: { [Op.and]: where },
    order: [['id', 'DESC']],
    limit: filter.limit,
  });
}

/** Approved (and, with `pending`, pending) requests of these people touching [from, to]. */
export function standing(
  db: Database,
  query: {
    userIds: readonly number[];
    from: string;
    to: string;
    kinds?: readonly RequestKind[];
    pending?: boolean;
  },
  tx?: Tx,
): Promise<LeaveRequest[]> {
  return db.models.LeaveRequest.findAll({
    where: {
      userId: { [Op.in]: [...query.userIds] },
      state: { [Op.in]: query.pending ? ['approved', 'pending'] : ['approved'] },
      ...(query.kinds ? { kind: { [Op.in]: [...query.kinds] } } : {}),
      startDate: { [Op.lte]: query.to },
      endDate: { [Op.gte]: query.from },
    },
    order: [['id', 'ASC']],
    transaction: tx ?? null,
  });
}

export function attach(
  db: Database,
  attachment: Pick<RequestAttachment, 'requestId' | 'contentType' | 'sizeBytes' | 'data'>,
  tx: Tx,
): Promise<RequestAttachment> {
  return db.models.RequestAttachment.create(attachment, { transaction: tx });
}

/** The attachments of some requests, without their bytes. */
export async function attachmentsOf(
  db: Database,
  requestIds: readonly number[],
): Promise<Pick<RequestAttachment, 'id' | 'requestId' | 'contentType' | 'sizeBytes'>[]> {
  if (requestIds.length === 0) return [];
  return db.models.RequestAttachment.findAll({
    attributes: ['id', 'requestId', 'contentType', 'sizeBytes'],
    where: { requestId: { [Op.in]: [...requestIds] } },
    order: [['id', 'ASC']],
  });
}

export function attachmentById(db: Database, id: number): Promise<RequestAttachment | null> {
  return db.models.RequestAttachment.findByPk(id);
}
