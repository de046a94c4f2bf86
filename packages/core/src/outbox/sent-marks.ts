import { repos, type Database } from '@absensi/db';
import type { Logger } from '../deps.js';

const FLUSH_EVERY_MS = 200;
const MAX_IDS_PER_UPDATE = 500;

/**
 * Marks appended outbox events as sent, in batches, off the request path: one
 * `UPDATE … WHERE id IN (…)` per flush instead of one autocommit transaction per clock-in.
 *
 * A mark that never lands (the process dies first, or the database is away) only means the worker
 * appends that event again later; realtime keeps the first copy of each id, so no one sees it twice.
 */
export class SentMarks {
  private pending: string[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly log: Pick<Logger, 'warn'>,
    private readonly clock: () => Date = () => new Date(),
    private readonly everyMs = FLUSH_EVERY_MS,
  ) {}

  mark(ids: readonly string[]): void {
    this.pending.push(...ids);
    this.timer ??= setTimeout(() => void this.flush(), this.everyMs);
  }

  /** Writes every mark taken so far; resolves when they are written (or given up on). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const ids = this.pending;
    this.pending = [];
    this.flushing = this.flushing.then(() => this.write(ids));
    return this.flushing;
  }

  private async write(ids: string[]) {
    const sentAt = this.clock();
    for (let start = 0; start < ids.length; start += MAX_IDS_PER_UPDATE) {
      const batch = ids.slice(start, start + MAX_IDS_PER_UPDATE);
      try {
        await repos.outbox.markSent(this.db, batch, sentAt);
      } catch (error) {
        this.log.warn(
          { err: error, events: batch.length },
          'events appended but not marked sent; the worker will append them again',
        );
      }
    }
  }
}
