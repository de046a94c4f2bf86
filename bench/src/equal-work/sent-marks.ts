/**
 * Outbox rows marked sent after their feed append, as the API nodes do it: core's SentMarks (one
 * write per 200 ms per process, off the request path), writing with the floor's own mysql2 pool.
 */
import type { Pool } from 'mysql2/promise';
import { SentMarks } from '@absensi/core/sent-marks';

export function floorSentMarks(pool: Pool): SentMarks {
  return new SentMarks(
    async (ids, sentAt) => {
      await pool.query('UPDATE events SET sent_at = ? WHERE id IN (?)', [sentAt, ids]);
    },
    { warn: (object, message) => console.warn(message, object) },
  );
}
