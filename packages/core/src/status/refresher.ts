import { workDateOf } from '../attendance/rules/time.js';
import type { CoreDeps } from '../deps.js';
import { nextDate } from '../schedules/rules.js';
import { recomputeStatuses, type StatusRange } from './recompute.js';

type Deps = Pick<CoreDeps, 'db' | 'planning' | 'settings' | 'clock' | 'log'>;

/** The first day of the month before `date`'s ("YYYY-MM-DD"): how far back a plan change reaches. */
export function startOfPreviousMonth(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const previous = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
  return `${previous.year}-${String(previous.month).padStart(2, '0')}-01`;
}

/**
 * Recomputes daily statuses off the request path after something that decides them changed: a
 * correction or an added shift (that person's date), a schedule, roster, shift type or holiday
 * (everyone, from the start of last month to today: what the next payroll reads). Requests queue
 * up while one runs and are merged into one pass; a failure is logged (the recap recomputes what
 * it shows, and the worker's periodic pass the last days).
 */
export class StatusRefresher {
  private pending: StatusRange[] = [];
  private running: Promise<void> | null = null;

  constructor(private readonly deps: Deps) {}

  /** One person's work dates. */
  refreshDays(userId: number, dates: readonly string[]): void {
    const sorted = [...dates].sort();
    if (sorted.length === 0) return;
    this.enqueue({ userIds: [userId], from: sorted[0]!, to: sorted[sorted.length - 1]! });
  }

  /** Everyone's dates from the start of last month to today. */
  refreshRecentMonths(): void {
    this.enqueue({ from: '', to: '' });
  }

  /** Resolves once nothing is queued or running (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private enqueue(range: StatusRange) {
    this.pending.push(range);
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
  }

  private async drain() {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      try {
        await recomputeStatuses(this.deps, await this.merged(batch));
      } catch (error) {
        this.deps.log.error({ err: error }, 'daily statuses not recomputed');
      }
    }
  }

  /** One range covering a batch: everyone when any asks for everyone, else the people named. */
  private async merged(batch: readonly StatusRange[]): Promise<StatusRange> {
    const settings = await this.deps.settings.get();
    const today = workDateOf(this.deps.clock(), settings.timeZone);
    const everyone = batch.some((range) => range.userIds === undefined);
    const resolved = batch.map((range) =>
      range.userIds === undefined
        ? { ...range, from: startOfPreviousMonth(today), to: today }
        : range,
    );
    const from = resolved.reduce((min, range) => (range.from < min ? range.from : min), today);
    const to = resolved.reduce(
      (max, range) => (range.to > max ? range.to : max),
      nextDate(from, 0),
    );
    return {
      from,
      to: to > today ? today : to,
      userIds: everyone ? undefined : [...new Set(batch.flatMap((range) => range.userIds ?? []))],
    };
  }
}
