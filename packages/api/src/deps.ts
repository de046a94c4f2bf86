import type { Database } from '@absensi/db';
import type { EventFeed, LiveHub } from '@absensi/events';
import type { LoginLimiter } from './login-limiter.js';
import type { SettingsCache } from './services/settings.js';
import type { SentMarks } from './services/sent-marks.js';
import type { SnapshotCache } from './services/snapshot-cache.js';
import type { UserCache } from './services/user-cache.js';

/** The narrow logger the router needs; pino's and Fastify's loggers fit it. */
export interface Logger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

/** A background job the router can start (the worker's queue in the cluster, in-process in `npm start`). */
export interface JobStarter {
  startExport(input: {
    ownerId: number;
    month: string;
    format: 'csv' | 'xlsx';
  }): Promise<{ jobId: string }>;
  /** Path of a finished export file the owner may download, or null. */
  exportFile?(jobId: string, ownerId: number): Promise<{ path: string; fileName: string } | null>;
}

/** What every procedure may use; built once per process and shared by every request. */
export interface AppDeps {
  readonly nodeId: string;
  readonly db: Database;
  readonly feed: EventFeed;
  readonly settings: SettingsCache;
  readonly loginLimiter: LoginLimiter;
  readonly log: Logger;
  readonly clock: () => Date;
  /** Where subscriptions are served (realtime, or the embedded process); absent on HTTP-only API nodes. */
  readonly live?: LiveHub;
  readonly jobs?: JobStarter;
  /** Signed-in users seen lately; without it every request reads its user. */
  readonly users?: UserCache;
  /** Marks appended events sent, in batches off the request path. */
  readonly sentMarks: SentMarks;
  /** The dashboard snapshot, cached briefly and invalidated by attendance events. */
  readonly dashboardCache?: SnapshotCache;
  /** Called after every procedure with its path and outcome, for metrics. */
  readonly observe?: (sample: {
    path: string;
    type: string;
    durationMs: number;
    code: string;
  }) => void;
}
