/** The audit_log table: who changed what, when, why, and the values before and after. */
import type { Database, Tx } from '../connect.js';
import type { AuditLog } from '../models/index.js';

export interface AuditEntry {
  actorId: number;
  action: string;
  entityType: string;
  entityId: number;
  reason: string;
  /** The values before and after, as JSON (null when there is nothing to show). */
  before: string | null;
  after: string | null;
}

/** Writes one entry, in the transaction of the change it records. */
export async function insert(db: Database, entry: AuditEntry, tx: Tx): Promise<void> {
  await db.models.AuditLog.create(entry, { transaction: tx });
}

/** The entries about one entity, oldest first. */
export function ofEntity(db: Database, entityType: string, entityId: number): Promise<AuditLog[]> {
  return db.models.AuditLog.findAll({ where: { entityType, entityId }, order: [['id', 'ASC']] });
}
