export {
  openDatabase,
  sqlitePath,
  isRetryableTransactionError,
  type Database,
  type DatabaseOptions,
} from './connect.js';
export { ensureMysqlDatabase, migrate, pendingMigrations } from './migrate.js';
export { ensureFirstAdmin, ensureSettings, DEFAULT_SETTINGS, type FirstAdmin } from './seed.js';
export { generatePassword, hashPassword, verifyPassword } from './password.js';
export { prepareDatabase } from './prepare.js';
export { insertAction, insertOpenShift, insertOutboxEvents } from './inserts.js';
export { dayOfUser, sessionUserRow, type SessionUserRow } from './request-reads.js';
export * from './models/index.js';
