import type { Database } from '@absensi/db';

/**
 * How long this process's requests wait for a database connection, measured where they wait: from
 * asking the pool for a connection to getting one (or failing to). The signal of admission control: when the pool is the bottleneck, the
 * oldest wait grows at once, long before the event loop looks busy.
 */
export class ConnectionWait {
  /** Each pending acquire (by its options object) and when it began; a Map keeps arrival order. */
  private readonly pending = new Map<object, number>();

  /** `staleMs`: a wait longer than this is forgotten (an acquire that never settled). */
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

/** Longer than the pool's acquire timeout in packages/db (10 s): a safety net, not the normal way out. */
const STALE_MS = 12_000;

/**
 * Measures the waits of `db`'s connection pool, around Sequelize's one way to a connection
 * (`connectionManager.getConnection`, used by queries and transactions alike): a wait ends when the
 * connection is had or the attempt fails (a database that refuses connections), so an outage leaves
 * no wait behind. SQLite's single connection is had at once, so its wait stays about 0 and
 * admission control counts requests in flight instead.
 */
export function watchConnectionWait(db: Database): ConnectionWait {
  const wait = new ConnectionWait(STALE_MS);
  const manager = db.sequelize.connectionManager;
  const acquire = manager.getConnection.bind(manager);
  manager.getConnection = async (options) => {
    const key = {};
    wait.began(key);
    try {
      return await acquire(options);
    } finally {
      wait.ended(key);
    }
  };
  return wait;
}
