import type { Config } from '@absensi/config';
import { openDatabase, type Database } from './connect.js';
import { ensureMysqlDatabase, migrate } from './migrate.js';
import { ensureFirstAdmin, ensureSettings, type FirstAdmin } from './seed.js';

export type PrepareOptions = Pick<
  Config,
  | 'DATABASE_URL'
  | 'DATABASE_PASSWORD'
  | 'DB_POOL_MAX'
  | 'ADMIN_EMAIL'
  | 'ADMIN_PASSWORD'
  | 'COMPANY_TZ'
>;

/** What the migration job does: the database, its schema, the settings row and the first admin. */
export async function prepareDatabase(
  config: PrepareOptions,
): Promise<{ db: Database; applied: string[]; admin: FirstAdmin }> {
  if (!config.DATABASE_URL.startsWith('sqlite:')) {
    await ensureMysqlDatabase(config.DATABASE_URL, config.DATABASE_PASSWORD);
  }
  const db = await openDatabase(config);
  try {
    const applied = await migrate(db);
    await ensureSettings(db, config.COMPANY_TZ);
    const admin = await ensureFirstAdmin(db, config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
    return { db, applied, admin };
  } catch (error) {
    await db.close();
    throw error;
  }
}
