import type { Database } from '../connect.js';

/**
 * Renames a table out of the way so that every statement on it fails, as a lost table or a broken
 * disk would; returns the function that puts it back. For tests of what a failure rolls back.
 */
export async function hideTable(db: Database, table: string): Promise<() => Promise<void>> {
  const hidden = `${table}_hidden_by_test`;
  const rename = (from: string, to: string) =>
    db.sequelize.query(`ALTER TABLE \`${from}\` RENAME TO \`${to}\``);
  await rename(table, hidden);
  return async () => {
    await rename(hidden, table);
  };
}
