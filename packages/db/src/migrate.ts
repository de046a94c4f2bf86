import { createConnection } from 'mysql2/promise';
import { SequelizeStorage, Umzug } from 'umzug';
import type { Database } from './connect.js';
import { mysqlUrl } from './connect.js';
import { migrations } from './migrations/index.js';

const MIGRATION_TABLE = 'schema_migrations';
const LOCK_NAME = 'absensi_migrations';
const LOCK_WAIT_SECONDS = 120;

function createMigrator(db: Database) {
  return new Umzug({
    migrations: migrations.map((migration) => ({ ...migration })),
    context: db.sequelize.getQueryInterface(),
    storage: new SequelizeStorage({ sequelize: db.sequelize, tableName: MIGRATION_TABLE }),
    logger: undefined,
  });
}

/** Names of migrations not yet applied; empty when the schema is current. */
export async function pendingMigrations(db: Database): Promise<string[]> {
  const pending = await createMigrator(db).pending();
  return pending.map((migration) => migration.name);
}

/**
 * Creates the MySQL database named in the URL when it is missing, so a fresh server needs nothing
 * done by hand. Needs the CREATE privilege; without it the database must exist already.
 */
export async function ensureMysqlDatabase(url: string, password?: string): Promise<void> {
  const target = mysqlUrl(url, password);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_$-]+$/.test(name))
    throw new Error(`Unusable database name in DATABASE_URL: "${name}"`);
  const connection = await createConnection({
    host: target.hostname,
    port: target.port === '' ? 3306 : Number(target.port),
    user: decodeURIComponent(target.username),
    password: decodeURIComponent(target.password),
    connectTimeout: 5_000,
  });
  try {
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await connection.end();
  }
}

/**
 * Applies pending migrations. On MySQL a named lock (GET_LOCK, released when its connection closes,
 * even if this process dies) makes concurrent runs wait for each other; the second then finds
 * nothing pending. SQLite is only used by a single process. `to` stops after the named migration.
 */
export async function migrate(db: Database, options: { to?: string } = {}): Promise<string[]> {
  const migrator = createMigrator(db);
  const up = async () =>
    (await migrator.up(options.to ? { to: options.to } : {})).map((migration) => migration.name);
  if (db.kind === 'sqlite') return up();

  return db.sequelize.transaction(async (lockHolder) => {
    const [rows] = await db.sequelize.query('SELECT GET_LOCK(?, ?) AS acquired', {
      replacements: [LOCK_NAME, LOCK_WAIT_SECONDS],
      transaction: lockHolder,
    });
    const acquired = (rows as { acquired: number | null }[])[0]?.acquired;
    if (acquired !== 1)
      throw new Error(`Another migration held the lock for ${LOCK_WAIT_SECONDS}s; try again`);
    try {
      return await up();
    } finally {
      await db.sequelize.query('SELECT RELEASE_LOCK(?)', {
        replacements: [LOCK_NAME],
        transaction: lockHolder,
      });
    }
  });
}
