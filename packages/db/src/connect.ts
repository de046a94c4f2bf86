import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Sequelize, Transaction } from 'sequelize';
import { databaseKind, type Config, type DatabaseKind } from '@absensi/config';
import { initModels, type Models } from './models/index.js';

/** A database transaction, handed to repository functions that must run inside one. */
export type Tx = Transaction;

export interface Database {
  readonly kind: DatabaseKind;
  readonly sequelize: Sequelize;
  readonly models: Models;
  /** Runs `work` in one transaction; on SQLite, write transactions take turns (one writer at a time). */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export type DatabaseOptions = Pick<Config, 'DATABASE_URL' | 'DB_POOL_MAX'> &
  Partial<Pick<Config, 'DATABASE_PASSWORD'>> & { logging?: false | ((sql: string) => void) };

/** Where a sqlite: URL points, relative to the working directory. */
export function sqlitePath(url: string): string {
  const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
  return path === ':memory:' ? path : resolve(path);
}

/** mysql:// URL with DATABASE_PASSWORD (a Docker secret) put in when it is given apart. */
export function mysqlUrl(url: string, password?: string): URL {
  const parsed = new URL(url.replace(/^mariadb:/, 'mysql:'));
  if (password !== undefined) parsed.password = encodeURIComponent(password);
  return parsed;
}

function createSequelize(options: DatabaseOptions): Sequelize {
  const logging = options.logging ?? false;
  const common = { logging, define: { underscored: true }, benchmark: false } as const;
  if (databaseKind(options) === 'sqlite') {
    const storage = sqlitePath(options.DATABASE_URL);
    if (storage !== ':memory:') mkdirSync(dirname(storage), { recursive: true });
    return new Sequelize({
      ...common,
      dialect: 'sqlite',
      storage,
      transactionType: Transaction.TYPES.IMMEDIATE,
    });
  }
  const url = mysqlUrl(options.DATABASE_URL, options.DATABASE_PASSWORD);
  return new Sequelize({
    ...common,
    dialect: 'mysql',
    host: url.hostname,
    port: url.port === '' ? 3306 : Number(url.port),
    username: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: url.pathname.replace(/^\//, ''),
    timezone: '+00:00',
    pool: { max: options.DB_POOL_MAX, min: 0, idle: 10_000, acquire: 10_000, evict: 5_000 },
    dialectOptions: {
      connectTimeout: 5_000,
      charset: 'utf8mb4',
      supportBigNumbers: true,
      decimalNumbers: true,
    },
    retry: { max: 0 },
  });
}

/** A promise chain that lets one task run at a time. */
function createTurnstile() {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = last.then(task, task);
    last = run.catch(() => undefined);
    return run;
  };
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const sequelize = createSequelize(options);
  const models = initModels(sequelize);
  const kind = databaseKind(options);
  if (kind === 'sqlite') {
    // WAL lets readers go on while one writer commits; it is a property of the file and persists.
    await sequelize.query('PRAGMA journal_mode = WAL');
    await sequelize.query('PRAGMA busy_timeout = 5000');
  }
  const oneWriter = createTurnstile();
  return {
    kind,
    sequelize,
    models,
    async transaction(work) {
      const attempt = () => sequelize.transaction((transaction) => work(transaction));
      // InnoDB may pick a transaction as a deadlock victim when many insert into one unique index at
      // once; the work is all-or-nothing, so running it again is safe.
      for (let tries = 1; ; tries += 1) {
        try {
          return await (kind === 'sqlite' ? oneWriter(attempt) : attempt());
        } catch (error) {
          if (tries >= 5 || !isRetryableTransactionError(error)) throw error;
          await new Promise((resolve) => setTimeout(resolve, 5 * tries + Math.random() * 20));
        }
      }
    },
    async ping() {
      try {
        await sequelize.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close: () => sequelize.close(),
  };
}

/** Errors after which the same transaction may simply be tried again. */
export function isRetryableTransactionError(error: unknown): boolean {
  const code = (error as { parent?: { code?: string } } | null)?.parent?.code;
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT' || code === 'SQLITE_BUSY';
}
