import type { Transaction } from 'sequelize';
import type { AppDeps } from '../deps.js';

/** Records an admin's change; the dashboard snapshot may show what changed, so it is dropped too. */
export async function writeAudit(
  deps: Pick<AppDeps, 'db' | 'dashboardCache'>,
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
  await deps.dashboardCache?.invalidate().catch(() => undefined);
}
