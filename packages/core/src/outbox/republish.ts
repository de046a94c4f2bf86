import { repos } from '@absensi/db';
import type { AppEvent } from '@absensi/events';
import { afterCommit } from '../changes.js';
import type { CoreDeps } from '../deps.js';

/** Appends outbox events that were never sent (oldest first), in batches; returns how many went out. */
export async function republishUnsent(
  deps: Pick<CoreDeps, 'db' | 'feed' | 'log' | 'clock' | 'dashboardCache' | 'sentMarks' | 'users'>,
  options: { olderThanMs: number; batchSize: number },
): Promise<number> {
  const writtenBy = new Date(deps.clock().getTime() - options.olderThanMs);
  const rows = await repos.outbox.unsent(deps.db, { writtenBy, limit: options.batchSize });
  if (rows.length === 0) return 0;
  const events = rows.map((row) => JSON.parse(row.payload) as AppEvent);
  return (await afterCommit(deps, { events })) ? events.length : 0;
}

/**
 * The newest `limit` events of the outbox, oldest first: what a restarted embedded process loads
 * into its live hub, so that clients resuming with their last event id get exactly what they missed.
 */
export async function recentEvents(deps: Pick<CoreDeps, 'db'>, limit: number): Promise<AppEvent[]> {
  const rows = await repos.outbox.latest(deps.db, limit);
  return rows.map((row) => JSON.parse(row.payload) as AppEvent).reverse();
}
