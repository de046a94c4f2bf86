import { repos, type Tx } from '@absensi/db';
import type { CoreDeps } from '../deps.js';

export type AuditedEntity =
  | 'user'
  | 'attendance'
  | 'settings'
  | 'shift_type'
  | 'schedule'
  | 'schedule_assignment'
  | 'roster'
  | 'site'
  | 'holiday'
  | 'request'
  | 'leave_type';

export interface AuditRecord {
  actorId: number;
  /** What was done, e.g. `user.update`, `attendance.correct`. */
  action: string;
  entityType: AuditedEntity;
  entityId: number;
  /** Why, in the actor's words or the system's. */
  reason: string;
  before: unknown;
  after: unknown;
}

/** Records a change in the audit log, in the transaction of the change itself. */
export async function writeAudit(deps: Pick<CoreDeps, 'db'>, record: AuditRecord, tx: Tx) {
  await repos.audit.insert(
    deps.db,
    {
      ...record,
      before: record.before === null ? null : JSON.stringify(record.before),
      after: record.after === null ? null : JSON.stringify(record.after),
    },
    tx,
  );
}

export interface AuditEntryView {
  id: number;
  at: string;
  actorId: number;
  actorName: string | null;
  action: string;
  reason: string;
  before: unknown;
  after: unknown;
}

/** The audit trail of one entity, oldest first: who changed what, when and why. */
export async function auditTrail(
  deps: Pick<CoreDeps, 'db'>,
  entityType: AuditedEntity,
  entityId: number,
): Promise<AuditEntryView[]> {
  const entries = await repos.audit.ofEntity(deps.db, entityType, entityId);
  const names = await repos.users.namesOf(
    deps.db,
    entries.map((entry) => entry.actorId),
  );
  return entries.map((entry) => ({
    id: entry.id,
    at: new Date(entry.createdAt).toISOString(),
    actorId: entry.actorId,
    actorName: names.get(entry.actorId) ?? null,
    action: entry.action,
    reason: entry.reason,
    before: entry.before === null ? null : (JSON.parse(entry.before) as unknown),
    after: entry.after === null ? null : (JSON.parse(entry.after) as unknown),
  }));
}
