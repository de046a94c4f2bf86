import type { AttendanceView } from '../../api/types';

/** What the audit trail compares of a record, as the audit log kept it before and after. */
export type AuditSnapshot = Partial<
  Pick<
    AttendanceView,
    | 'workDate'
    | 'clockInAt'
    | 'clockOutAt'
    | 'status'
    | 'lateMinutes'
    | 'clockOutKind'
    | 'clockInNote'
  >
>;

export type AuditField = 'workDate' | 'clockIn' | 'clockOut' | 'status' | 'ended' | 'note';

export interface AuditChange {
  field: AuditField;
  /** The record before (null: there was none, the shift was added) and after. */
  before: AuditSnapshot | null;
  after: AuditSnapshot | null;
}

/** Each field's value, to tell whether it changed: the status with its lateness. */
const VALUE_OF: Record<AuditField, (snapshot: AuditSnapshot) => unknown> = {
  workDate: (s) => s.workDate,
  clockIn: (s) => s.clockInAt,
  clockOut: (s) => s.clockOutAt,
  status: (s) => (s.status === undefined ? undefined : `${s.status} ${s.lateMinutes ?? 0}`),
  ended: (s) => s.clockOutKind,
  note: (s) => s.clockInNote,
};

/** The audit log's record (`unknown` on the wire) as a snapshot, or null when there was none. */
function snapshotOf(value: unknown): AuditSnapshot | null {
  return typeof value === 'object' && value !== null ? value : null;
}

/** The fields an audited change altered, in reading order (for an added shift: what it has). */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const was = snapshotOf(before);
  const is = snapshotOf(after);
  const fields = Object.keys(VALUE_OF) as AuditField[];
  return fields
    .filter((field) => {
      const old = was ? (VALUE_OF[field](was) ?? null) : null;
      const now = is ? (VALUE_OF[field](is) ?? null) : null;
      return old !== now;
    })
    .map((field) => ({ field, before: was, after: is }));
}
