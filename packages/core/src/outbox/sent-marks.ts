/** Writes the sent marks of some events (ids) at an instant; the outbox's UPDATE, or a floor's. */
export type MarkWriter = (ids: readonly string[], sentAt: Date) => Promise<void>;

/** The narrow logger the marks need. */
interface WarnLogger {
  warn(object: object, message?: string): void;
}

const FLUSH_EVERY_MS = 200;
const MAX_IDS_PER_UPDATE = 500;

/**
 * Marks appended outbox events as sent, in batches, off the request path: one write of up to 500
 * ids per flush (every 200 ms) instead of one autocommit transaction per clock-in.
 *
 * A mark that never lands (the process dies first, or the database is away) only means the worker
 * appends that event again later; realtime keeps the first copy of each id, so no one sees it twice.
 * No imports: the bench's equal-work floor batches its marks with the same code.
 */
export class SentMarks {
  private pending: string[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: MarkWriter,
    private readonly log: WarnLogger,
    private readonly clock: () => Date = () => new Date(),
    /** How long a mark waits for others to share its write, ms. */
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
    this.flushing = this.flushing.then(() => this.writeAll(ids));
    return this.flushing;
  }

  private async writeAll(ids: string[]) {
    const sentAt = this.clock();
    for (let start = 0; start < ids.length; start += MAX_IDS_PER_UPDATE) {
      const batch = ids.slice(start, start + MAX_IDS_PER_UPDATE);
      try {
        await this.write(batch, sentAt);
      } catch (error) {
        this.log.warn(
          { err: error, events: batch.length },
          'events appended but not marked sent; the worker will append them again',
        );
      }
    }
  }
}
