import type { Transaction } from 'sequelize';
import type { AppDeps } from '../deps.js';

export async function writeAudit(
  deps: Pick<AppDeps, 'db'>,
  entry: {
    actorId: number;
    action: string;
    entityType: 'user' | 'attendance' | 'settings';
    entityId: number;
    reason: string;
    before: unknown;
    after: unknown;
  },
  transaction?: Transaction,
) {
  await deps.db.models.AuditLog.create(
    {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      reason: entry.reason,
      before: entry.before === null ? null : JSON.stringify(entry.before),
      after: entry.after === null ? null : JSON.stringify(entry.after),
    },
    transaction ? { transaction } : {},
  );
}
