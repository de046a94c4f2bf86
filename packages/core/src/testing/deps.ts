import { migrate, openDatabase, repos, type Database } from '@absensi/db';
import { createTempDatabase, type TestDialect } from '@absensi/db/testing';
import { MemoryFeed } from '@absensi/events';
import type { CoreDeps, Logger } from '../deps.js';
import { MemoryDayCache } from '../attendance/day-cache.js';
import { MemorySnapshotCache } from '../dashboard/snapshot-cache.js';
import { SentMarks } from '../outbox/sent-marks.js';
import { SettingsCache } from '../settings/settings-cache.js';
import { UserCache } from '../users/user-cache.js';
import { PlanningCache } from '../schedules/planning-cache.js';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * What use cases need, on a migrated database of their own (a temp SQLite file or MariaDB
 * database) with an in-process feed: for tests of use cases without HTTP. `close` drops it all.
 */
export async function useCaseDeps(
  dialect: TestDialect,
): Promise<CoreDeps & { feed: MemoryFeed; close(): Promise<void> }> {
  const temp = await createTempDatabase(dialect);
  const db: Database = await openDatabase({ DATABASE_URL: temp.url, DB_POOL_MAX: 4 });
  await migrate(db);
  const feed = new MemoryFeed();
  const sentMarks = new SentMarks((ids, sentAt) => repos.outbox.markSent(db, ids, sentAt), quiet);
  return {
    nodeId: 'core-test',
    db,
    feed,
    settings: new SettingsCache(db, 'Asia/Jakarta'),
    planning: new PlanningCache(db),
    loginLimiter: { reserve: () => Promise.resolve(0), succeeded: () => Promise.resolve() },
    log: quiet,
    clock: () => new Date(),
    sentMarks,
    users: new UserCache(),
    dashboardCache: new MemorySnapshotCache(60_000),
    dayCache: new MemoryDayCache(),
    async close() {
      await sentMarks.flush();
      await feed.close();
      await db.close();
      await temp.drop();
    },
  };
}
