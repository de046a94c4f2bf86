/**
 * The `Retry-After` a node gives the calls it refuses, grown with how far it is beyond its capacity.
 *
 * A refused tap is not dropped: the phone keeps it and sends it again after `Retry-After` (plus
 * jitter). With a fixed wait, every refused tap comes back after that wait whatever the load, so
 * at twice or four times the capacity the retries became most of the traffic (6–8 sendings per tap
 * at 2 s). The node's own ratio of calls refused to calls taken says how long its backlog of
 * refused calls would take to serve: at four times its capacity it takes one call in four and
 * refuses three, so it asks them to come back after three times the least wait; once it takes every
 * call again, the wait falls back to the least within one window.
 */
export interface RetryAdviceOptions {
  /** The least wait, seconds (ADMISSION_RETRY_AFTER_SECONDS). */
  leastSeconds: number;
  /** The longest wait, seconds; the PWA honours at most 60. */
  mostSeconds: number;
  /** The span the ratio is counted over, ms, in four steps. */
  windowMs?: number;
  now?: () => number;
}

const STEPS = 4;

/** Counts of calls taken and refused over a sliding window of four steps. */
export class RetryAdvice {
  private readonly taken = new Array<number>(STEPS).fill(0);
  private readonly refused = new Array<number>(STEPS).fill(0);
  private step = 0;
  private stepStartedMs: number;
  private readonly stepMs: number;
  private readonly now: () => number;

  constructor(private readonly options: RetryAdviceOptions) {
    this.stepMs = (options.windowMs ?? 2_000) / STEPS;
    this.now = options.now ?? (() => performance.now());
    this.stepStartedMs = this.now();
    if (options.mostSeconds < options.leastSeconds)
      throw new RangeError(
        `The longest Retry-After (${options.mostSeconds} s) is shorter than the least (${options.leastSeconds} s).`,
      );
  }

  /** A call was taken. */
  tookOne() {
    this.advance();
    this.taken[this.step]! += 1;
  }

  /** A call was refused. */
  refusedOne() {
    this.advance();
    this.refused[this.step]! += 1;
  }

  /**
   * The wait to ask of a refused caller now, whole seconds: the least wait times the ratio of
   * calls refused to calls taken over the window (at least 1), capped at the longest wait.
   */
  seconds(): number {
    this.advance();
    const taken = sum(this.taken);
    const refused = sum(this.refused);
    const ratio = Math.max(1, refused / Math.max(1, taken));
    return Math.min(this.options.mostSeconds, Math.ceil(this.options.leastSeconds * ratio));
  }

  /** Moves to the step of now, emptying the steps that passed. */
  private advance() {
    const now = this.now();
    const passed = Math.floor((now - this.stepStartedMs) / this.stepMs);
    if (passed <= 0) return;
    for (let i = 0; i < Math.min(passed, STEPS); i++) {
      this.step = (this.step + 1) % STEPS;
      this.taken[this.step] = 0;
      this.refused[this.step] = 0;
    }
    this.stepStartedMs += passed * this.stepMs;
  }
}

function sum(counts: number[]): number {
  let total = 0;
  for (const count of counts) total += count;
  return total;
}
