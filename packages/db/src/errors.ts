import { ConnectionError, TimeoutError, UniqueConstraintError } from 'sequelize';

/** A write refused by a unique index: the same key or the same open shift again. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof UniqueConstraintError;
}

const LOST_CONNECTION_CODES = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ER_CON_COUNT_ERROR',
]);

/** The database could not be reached (or stopped answering): the server's trouble, worth a retry later. */
export function isDatabaseOutage(error: unknown): boolean {
  if (error instanceof ConnectionError || error instanceof TimeoutError) return true;
  const code = (error as { parent?: { code?: string } } | null)?.parent?.code;
  return code !== undefined && LOST_CONNECTION_CODES.has(code);
}
