import { repos, type Tx, type User } from '@absensi/db';
import type { AppEvent } from '@absensi/events';
import { writeAudit } from '../audit/write.js';
import type { CoreDeps } from '../deps.js';
import { recordEvents } from '../outbox/publish.js';
import { attendanceEvent } from './events.js';
import { attendanceView } from './views.js';

/**
 * Closes the employee's open shift now, marked `deactivation`, inside the transaction that
 * deactivates them (the caller holds their lock), with an audit row and an event so that the
 * dashboards stop counting them present. Returns the events written (none when no shift was open).
 */
export async function closeOnDeactivation(
  deps: Pick<CoreDeps, 'db' | 'clock' | 'nodeId'>,
  employee: User,
  actorId: number,
  tx: Tx,
): Promise<AppEvent[]> {
  const open = await repos.attendance.openOf(deps.db, employee.id, { tx, lock: true });
  if (!open) return [];
  const before = attendanceView(open);
  const now = deps.clock();
  await repos.attendance.update(
    open,
    {
      clockOutAt: now < open.clockInAt ? new Date(open.clockInAt) : now,
      clockOutReceivedAt: now,
      clockOutClientAt: null,
      clockOutClientSentAt: null,
      clockOutNode: deps.nodeId,
      clockOutSource: 'online',
      clockOutKind: 'deactivation',
      openUserId: null,
    },
    tx,
  );
  await writeAudit(
    deps,
    {
      actorId,
      action: 'attendance.close_on_deactivation',
      entityType: 'attendance',
      entityId: open.id,
      reason: 'The employee was deactivated while clocked in.',
      before,
      after: attendanceView(open),
    },
    tx,
  );
  const events = [
    attendanceEvent('AttendanceUpdated', open, employee, deps.nodeId, 'deactivation'),
  ];
  await recordEvents(deps, events, tx);
  return events;
}
