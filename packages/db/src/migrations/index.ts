import { initial } from './0001-initial.js';
import { reportFiles } from './0002-report-files.js';
import { timeRecord } from './0003-time-record.js';
import { sessionGeneration } from './0004-session-generation.js';
import { sitesHolidays } from './0005-sites-holidays.js';
import { schedules } from './0006-schedules.js';
import { absences } from './0007-absences.js';
import { pushSubscriptions } from './0008-push-subscriptions.js';
import { statusLeaveShare } from './0009-status-leave-share.js';
import type { Migration } from './types.js';

/** Every migration, in order. Append; never edit one that has shipped. */
export const migrations: readonly Migration[] = [
  initial,
  reportFiles,
  timeRecord,
  sessionGeneration,
  sitesHolidays,
  schedules,
  absences,
  pushSubscriptions,
  statusLeaveShare,
];

/** The name of every migration, in order: what a fresh database applies. */
export const MIGRATION_NAMES: readonly string[] = migrations.map((migration) => migration.name);
