import type { DayPart, LeaveRequest, LeaveType, RequestKind, RequestState } from '@absensi/db';

export interface LeaveTypeView {
  id: number;
  code: string;
  name: string;
  category: LeaveType['category'];
  /** Working days a year; null: not counted against an allowance. */
  yearlyAllowanceDays: number | null;
  attachment: LeaveType['attachment'];
  active: boolean;
}

export function leaveTypeView(type: LeaveType): LeaveTypeView {
  return {
    id: type.id,
    code: type.code,
    name: type.name,
    category: type.category,
    yearlyAllowanceDays: type.yearlyAllowanceDays,
    attachment: type.attachment,
    active: Boolean(type.active),
  };
}

export interface AttachmentView {
  id: number;
  contentType: string;
  sizeBytes: number;
}

export interface RequestView {
  id: number;
  userId: number;
  userName: string | null;
  department: string | null;
  kind: RequestKind;
  state: RequestState;
  leaveType: Pick<LeaveTypeView, 'id' | 'code' | 'name' | 'category'> | null;
  /** "YYYY-MM-DD": the leave's dates, or the date a correction or overtime is for. */
  startDate: string;
  endDate: string;
  part: DayPart;
  /** Working days taken from the allowance. */
  leaveDays: number;
  reason: string;
  attendanceId: number | null;
  /** ISO instants a correction asks for. */
  clockInAt: string | null;
  clockOutAt: string | null;
  overtimeMinutes: number | null;
  /** Set when a manager ordered the overtime. */
  orderedBy: number | null;
  decidedBy: number | null;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  createdAt: string;
  attachments: AttachmentView[];
}

const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);

export function requestView(
  row: LeaveRequest,
  context: {
    types: ReadonlyMap<number, LeaveType>;
    people: ReadonlyMap<number, { name: string; department: string | null }>;
    attachments: readonly (AttachmentView & { requestId: number })[];
  },
): RequestView {
  const type = row.leaveTypeId === null ? undefined : context.types.get(row.leaveTypeId);
  const person = context.people.get(row.userId);
  return {
    id: row.id,
    userId: row.userId,
    userName: person?.name ?? null,
    department: person?.department ?? null,
    kind: row.kind,
    state: row.state,
    leaveType: type
      ? { id: type.id, code: type.code, name: type.name, category: type.category }
      : null,
    startDate: row.startDate,
    endDate: row.endDate,
    part: row.part,
    leaveDays: Number(row.leaveDays),
    reason: row.reason,
    attendanceId: row.attendanceId,
    clockInAt: iso(row.clockInAt),
    clockOutAt: iso(row.clockOutAt),
    overtimeMinutes: row.overtimeMinutes,
    orderedBy: row.orderedBy,
    decidedBy: row.decidedBy,
    decidedByName:
      row.decidedBy === null ? null : (context.people.get(row.decidedBy)?.name ?? null),
    decidedAt: iso(row.decidedAt),
    decisionNote: row.decisionNote,
    createdAt: new Date(row.createdAt).toISOString(),
    attachments: context.attachments
      .filter((attachment) => attachment.requestId === row.id)
      .map(({ id, contentType, sizeBytes }) => ({ id, contentType, sizeBytes })),
  };
}
