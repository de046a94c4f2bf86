import type { Database } from '@absensi/db';

/**
 * How long this process's requests wait for a database connection, measured where they wait: from
 * asking the pool for a connection to getting one (Sequelize's `beforePoolAcquire` and
 * `afterPoolAcquire` hooks). The signal of admission control: when the pool is the bottleneck, the
 * oldest wait grows at once, long before the event loop looks busy.
 */
export class ConnectionWait {
  /** Each pending acquire (by its options object) and when it began; a Map keeps arrival order. */
  private readonly pending = new Map<object, number>();

  /**
   * `staleMs`: an acquire pending longer than this has failed (the pool's acquire timeout), which
   * Sequelize does not report to the hooks; it is forgotten instead of counting as a wait for ever.
   */
  constructor(
    private readonly staleMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A request began waiting for a connection. */
  began(key: object) {
    this.pending.set(key, this.now());
  }

  /** It got one. */
  ended(key: object) {
    this.pending.delete(key);
  }

  /** How long the longest waiting request has waited so far, ms; 0 when none waits. */
  oldestMs(): number {
    const now = this.now();
    for (const [key, since] of this.pending) {
      const age = now - since;
      if (age <= this.staleMs) return age;
      this.pending.delete(key);
    }
    return 0;
  }

  /** Requests waiting for a connection now. */
  get waiting(): number {
    return this.pending.size;
  }
}

/** The pool's acquire timeout in packages/db (10 s), plus a margin. */
const STALE_MS = 12_000;

/**
 * Measures the waits of `db`'s connection pool. A database without a pool (SQLite, one connection)
 * never calls the hooks, so its wait stays 0 and admission control counts requests in flight alone.
 */
export function watchConnectionWait(db: Database): ConnectionWait {
  const wait = new ConnectionWait(STALE_MS);
  db.sequelize.addHook('beforePoolAcquire', (options) => wait.began(options));
  db.sequelize.addHook('afterPoolAcquire', (_connection, options) => wait.ended(options));
  return wait;
}
