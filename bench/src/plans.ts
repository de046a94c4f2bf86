/** The plans: how long, how hard and how often each scenario runs (full, quick, and the smoke test's). */
export interface Plan {
  name: string;
  /** How many times the rush, capacity and read measurements are repeated (the report gives medians). */
  repeats: number;
  /** Offered clock-ins per second of the open-loop rush steps, rising. */
  rushRates: number[];
  /** Length of one rush step, s. */
  stepSeconds: number;
  /** The closed-loop capacity step: clients, length (s) and at most this many clock-ins. */
  capacity: { concurrency: number; seconds: number; maxPerStep: number };
  /**
   * Closed-loop clock-ins before the measured repeats, in windows, each measured: a freshly started
   * Node process runs its code unoptimised until V8 has seen enough of it (the API node's CPU per
   * clock-in halves over its first few thousand requests), so the repeats measure warm servers and
   * the windows show the cold start.
   */
  warmup: { windows: number; seconds: number; concurrency: number; maxPerWindow: number };
  /** Closed-loop reads: clients, and length of one measurement, s. */
  reads: { concurrency: number; seconds: number };
  /** Subscriptions per level, rounds per level, events per round, longest wait for them (ms). */
  fanout: { levels: number[]; rounds: number; eventsPerRound: number; waitMs: number };
  /** The embedded node's rush: offered clock-ins/s, step length (s), and its capacity step. */
  embedded: {
    rates: number[];
    stepSeconds: number;
    capacity: { concurrency: number; seconds: number; maxPerStep: number };
  };
  /** The month's recap: employees and how many times it is built. */
  recap: { employees: number; runs: number };
  /** The big rush: this many clock-ins offered evenly over `seconds` s. */
  bigRush?: { count: number; seconds: number };
  /** Length of the profiled node's load, s. */
  profileSeconds?: number;
  /** Offered clock-ins per second to the profiled node: below its saturation, so the profile shows work, not queueing. */
  profileRate?: number;
  /** Longest wait for the servers to work off a saturated step before the next one, ms. */
  settleMs?: number;
  /**
   * Beyond capacity: new taps at these multiples of the measured capacity for `seconds` each, then
   * at most `drainSeconds` for the refused ones to be sent again and recorded.
   */
  overload?: { multiples: number[]; seconds: number; drainSeconds: number };
  /** Loopback source addresses the clients are bound to. */
  addresses: number;
}

export const PLANS = {
  full: {
    name: 'full',
    repeats: 3,
    rushRates: [50, 100, 200, 400, 800],
    stepSeconds: 5,
    // Clients: nginx.conf's write cap (more would only be refused at once, see bench/src/nginx.ts).
    capacity: { concurrency: 24, seconds: 5, maxPerStep: 10_000 },
    warmup: { windows: 4, seconds: 8, concurrency: 24, maxPerWindow: 8_000 },
    reads: { concurrency: 64, seconds: 5 },
    fanout: { levels: [1_000, 5_000, 10_000], rounds: 3, eventsPerRound: 5, waitMs: 10_000 },
    embedded: {
      rates: [50, 100, 200, 400],
      stepSeconds: 5,
      capacity: { concurrency: 64, seconds: 5, maxPerStep: 10_000 },
    },
    recap: { employees: 1_000, runs: 3 },
    bigRush: { count: 50_000, seconds: 60 },
    overload: { multiples: [1.5, 2, 4], seconds: 30, drainSeconds: 180 },
    addresses: 16,
  },
  quick: {
    name: 'quick',
    repeats: 2,
    rushRates: [20, 40],
    stepSeconds: 2,
    capacity: { concurrency: 24, seconds: 2, maxPerStep: 1_000 },
    warmup: { windows: 1, seconds: 3, concurrency: 24, maxPerWindow: 1_500 },
    reads: { concurrency: 16, seconds: 1.5 },
    fanout: { levels: [1_000], rounds: 2, eventsPerRound: 2, waitMs: 5_000 },
    embedded: {
      rates: [20, 40],
      stepSeconds: 2,
      capacity: { concurrency: 16, seconds: 2, maxPerStep: 1_000 },
    },
    recap: { employees: 1_000, runs: 1 },
    settleMs: 3_000,
    overload: { multiples: [1.5, 2, 4], seconds: 5, drainSeconds: 60 },
    addresses: 8,
  },
  smoke: {
    name: 'smoke',
    repeats: 1,
    rushRates: [10],
    stepSeconds: 1,
    capacity: { concurrency: 4, seconds: 1, maxPerStep: 20 },
    warmup: { windows: 1, seconds: 1, concurrency: 2, maxPerWindow: 10 },
    reads: { concurrency: 2, seconds: 1 },
    fanout: { levels: [10], rounds: 1, eventsPerRound: 2, waitMs: 5_000 },
    embedded: {
      rates: [10],
      stepSeconds: 1,
      capacity: { concurrency: 2, seconds: 1, maxPerStep: 10 },
    },
    recap: { employees: 20, runs: 1 },
    overload: { multiples: [2], seconds: 1, drainSeconds: 30 },
    addresses: 4,
  },
} satisfies Record<string, Plan>;
