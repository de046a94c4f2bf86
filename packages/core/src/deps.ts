import type { Database } from '@absensi/db';
import type { EventFeed } from '@absensi/events';
import type { DayCache } from './attendance/day-cache.js';
import type { LoginLimiter } from './auth/login-limiter.js';
import type { SnapshotCache } from './dashboard/snapshot-cache.js';
import type { SentMarks } from './outbox/sent-marks.js';
import type { JobStarter } from './reports/job-starter.js';
import type { PushService } from './notifications/push.js';
import type { PlanningCache } from './schedules/planning-cache.js';
import type { SettingsCache } from './settings/settings-cache.js';
import type { UserCache } from './users/user-cache.js';

/** The narrow logger use cases need; pino's and Fastify's loggers fit it. */
export interface Logger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

/**
 * What use cases work with, built once per process by @absensi/runtime and shared by every request
 * and job. Each use case takes only the part it needs (`Pick<CoreDeps, …>`), so a test or the worker
 * can hand it exactly that.
 */
export interface CoreDeps {
  /** This process's name (APP_NODE_ID): in the rows it writes and the events it emits. */
  readonly nodeId: string;
  readonly db: Database;
  readonly feed: EventFeed;
  readonly settings: SettingsCache;
  /** Shift types, schedules and assignments, cached briefly. */
  readonly planning: PlanningCache;
  readonly loginLimiter: LoginLimiter;
  readonly log: Logger;
  readonly clock: () => Date;
  /** Marks appended events sent, in batches off the request path. */
  readonly sentMarks: SentMarks;
  /** Signed-in users seen lately; without it every request reads its user. */
  readonly users?: UserCache | undefined;
  /** The dashboard snapshot, cached briefly and dropped when what it shows changes. */
  readonly dashboardCache?: SnapshotCache | undefined;
  /** Each employee's day (`attendance.today`), dropped when it changes; without it every call reads it. */
  readonly dayCache?: DayCache | undefined;
  /** Background jobs (the worker's queue in the cluster, in-process in `npm start`). */
  readonly jobs?: JobStarter | undefined;
  /** Web Push, when VAPID keys are configured; without it, push is off. */
  readonly push?: PushService | undefined;
}
