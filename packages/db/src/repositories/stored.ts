import type { Database } from '../connect.js';

/**
 * A Date as a DATE(3) column stores it, milliseconds kept (a bare Date bind loses them on MySQL):
 * UTC text, with the offset suffix Sequelize writes on SQLite.
 */
export function stored(db: Database, date: Date | null): string | null {
  if (date === null) return null;
  const iso = date.toISOString();
  const text = `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
  return db.kind === 'sqlite' ? `${text} +00:00` : text;
}

/** `text` as a LIKE pattern matching it anywhere, with `%`, `_` and `!` taken literally (ESCAPE '!'). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (char) => `!${char}`)}%`;
}
