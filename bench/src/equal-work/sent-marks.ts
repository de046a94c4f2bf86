/**
 * Outbox rows marked sent after their feed append, as the API nodes do it (packages/api's
 * SentMarks): one `UPDATE … WHERE id IN (…)` per 200 ms per process, off the request path.
 */
import type { Pool } from 'mysql2/promise';

const MAX_IDS_PER_UPDATE = 500;

export class SentMarks {
  private pending: string[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly pool: Pool,
    /** How long a mark waits for others to share its UPDATE, ms. */
    private readonly everyMs = 200,
  ) {}

  mark(id: string): void {
    this.pending.push(id);
    this.timer ??= setTimeout(() => void this.flush(), this.everyMs);
  }

  /** Writes every mark taken so far; resolves when written (or given up on, with a warning). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const ids = this.pending;
    this.pending = [];
    this.flushing = this.flushing.then(() => this.write(ids));
    return this.flushing;
  }

  private async write(ids: string[]) {
    const sentAt = new Date();
    for (let start = 0; start < ids.length; start += MAX_IDS_PER_UPDATE) {
      const batch = ids.slice(start, start + MAX_IDS_PER_UPDATE);
      try {
        await this.pool.query('UPDATE events SET sent_at = ? WHERE id IN (?)', [sentAt, batch]);
      } catch (error) {
        console.warn(`${batch.length} events appended but not marked sent: ${String(error)}`);
      }
    }
  }
}
