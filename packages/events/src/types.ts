import { z } from 'zod';

const eventId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, { message: 'must be a ULID' });
const isoInstant = z.iso.datetime({ offset: true });

/** What a dashboard needs to show one attendance record without asking the API again. */
export const attendanceSnapshotSchema = z.object({
  attendanceId: z.number().int(),
  userId: z.number().int(),
  userName: z.string(),
  department: z.string().nullable(),
  workDate: z.string(),
  status: z.enum(['on_time', 'late', 'unscheduled']),
  lateMinutes: z.number().int(),
  clockInAt: isoInstant,
  clockInNode: z.string(),
  clockOutAt: isoInstant.nullable(),
  clockOutNode: z.string().nullable(),
  clockOutKind: z.enum(['manual', 'auto', 'correction', 'deactivation']).nullable(),
  /** Added by an admin, or corrected by one (absent in events from before these fields). */
  origin: z.enum(['tap', 'admin']).optional(),
  corrected: z.boolean().optional(),
  /** The site of the clock-in, whether it was inside its geofence, and how far away (metres). */
  siteId: z.number().int().nullable().optional(),
  clockInGeofence: z.enum(['inside', 'outside', 'unknown']).nullable().optional(),
  clockInDistanceM: z.number().nullable().optional(),
});
export type AttendanceSnapshot = z.infer<typeof attendanceSnapshotSchema>;

const envelope = {
  id: eventId,
  occurredAt: isoInstant,
  /** The node that wrote the change (APP_NODE_ID). */
  nodeId: z.string(),
};

export const attendanceCreatedSchema = z.object({
  ...envelope,
  type: z.literal('AttendanceCreated'),
  data: attendanceSnapshotSchema,
});

export const ATTENDANCE_CHANGES = [
  'clock_out',
  'auto_clock_out',
  'correction',
  'deactivation',
] as const;
export const attendanceUpdatedSchema = z.object({
  ...envelope,
  type: z.literal('AttendanceUpdated'),
  data: attendanceSnapshotSchema.extend({ change: z.enum(ATTENDANCE_CHANGES) }),
});

export const JOB_STATES = ['queued', 'running', 'succeeded', 'failed'] as const;
export const jobProgressSchema = z.object({
  ...envelope,
  type: z.literal('JobProgress'),
  data: z.object({
    jobId: z.string(),
    /** The admin who started the job; only they receive its progress. */
    ownerId: z.number().int(),
    state: z.enum(JOB_STATES),
    percent: z.number().min(0).max(100),
    message: z.string().nullable(),
    downloadUrl: z.string().nullable(),
  }),
});

export const NOTIFICATION_KINDS = [
  'request_decided',
  'request_filed',
  'record_corrected',
  'auto_clocked_out',
  'overtime_ordered',
] as const;
/** Something happened to a person: they receive it live and find it in their notifications. */
export const notificationCreatedSchema = z.object({
  ...envelope,
  type: z.literal('NotificationCreated'),
  data: z.object({
    /** Whom it is for. */
    userId: z.number().int(),
    notificationId: z.number().int(),
    kind: z.enum(NOTIFICATION_KINDS),
    /** What it says, by kind: ids, dates, states; the app words it in the reader's language. */
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  }),
});

export const REQUEST_STATE_VALUES = ['pending', 'approved', 'declined', 'cancelled'] as const;
/** A request was filed, decided or cancelled: the approvers' lists follow it live. */
export const requestChangedSchema = z.object({
  ...envelope,
  type: z.literal('RequestChanged'),
  data: z.object({
    requestId: z.number().int(),
    /** The employee who asked. */
    userId: z.number().int(),
    department: z.string().nullable(),
    kind: z.enum(['leave', 'correction', 'overtime']),
    state: z.enum(REQUEST_STATE_VALUES),
  }),
});

export const appEventSchema = z.discriminatedUnion('type', [
  attendanceCreatedSchema,
  attendanceUpdatedSchema,
  jobProgressSchema,
  notificationCreatedSchema,
  requestChangedSchema,
]);

export type AttendanceCreated = z.infer<typeof attendanceCreatedSchema>;
export type AttendanceUpdated = z.infer<typeof attendanceUpdatedSchema>;
export type JobProgress = z.infer<typeof jobProgressSchema>;
export type AppEvent = z.infer<typeof appEventSchema>;
export type AppEventType = AppEvent['type'];
export type AttendanceEvent = AttendanceCreated | AttendanceUpdated;
export type NotificationCreated = z.infer<typeof notificationCreatedSchema>;
export type NotificationKind = NotificationCreated['data']['kind'];
export type RequestChanged = z.infer<typeof requestChangedSchema>;

export function isAttendanceEvent(event: AppEvent): event is AttendanceEvent {
  return event.type === 'AttendanceCreated' || event.type === 'AttendanceUpdated';
}

/** The user an event is about: employees see only their own attendance, job progress goes to its owner. */
export function eventSubject(event: AppEvent): number {
  return event.type === 'JobProgress' ? event.data.ownerId : event.data.userId;
}
