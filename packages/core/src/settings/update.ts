import { repos } from '@absensi/db';
import type { Actor } from '../actor.js';
import { writeAudit } from '../audit/write.js';
import { afterCommit } from '../changes.js';
import type { CoreDeps } from '../deps.js';
import type { CompanySettings } from './settings-cache.js';

/** An admin's change of the company settings; the change and its audit row commit together. */
export async function updateSettings(
  deps: Pick<CoreDeps, 'db' | 'settings' | 'feed' | 'log' | 'sentMarks' | 'dashboardCache'>,
  admin: Actor,
  changes: Partial<CompanySettings>,
): Promise<CompanySettings> {
  const before = await deps.settings.get();
  const defined = Object.fromEntries(
    Object.entries(changes).filter(([, value]) => value !== undefined),
  ) as Partial<CompanySettings>;
  const after: CompanySettings = { ...before, ...defined };
  await deps.db.transaction(async (tx) => {
    await repos.settings.save(deps.db, after, admin.id, tx);
    await writeAudit(
      deps,
      {
        actorId: admin.id,
        action: 'settings.update',
        entityType: 'settings',
        entityId: 1,
        reason: 'settings changed',
        before,
        after,
      },
      tx,
    );
  });
  deps.settings.remember(after);
  await afterCommit(deps, { settings: true });
  return after;
}
