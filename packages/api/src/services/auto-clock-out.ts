import { Op } from 'sequelize';
import type { AppEvent } from '@absensi/events';
import type { AppDeps } from '../deps.js';
import { forgottenShiftClosure } from '../rules/index.js';
import { sessionUserOf } from '../trpc.js';
import { attendanceEvent } from './attendance.js';
import { publishEvents, recordEvents } from './outbox.js';

/**
 * Closes every open shift whose auto clock-out time has passed, marked `auto`, each in its own
 * transaction (a shift its employee closed meanwhile is left alone). Returns how many were closed.
 */
export async function closeForgottenShifts(
  deps: Pick<AppDeps, 'db' | 'feed' | 'log' | 'clock' | 'nodeId' | 'settings' | 'sentMarks'>,
): Promise<number> {
  const settings = await deps.settings.get();
  const now = deps.clock();
  const { Attendance, User } = deps.db.models;
  const open = await Attendance.findAll({
    where: { openUserId: { [Op.ne]: null } },
    attributes: ['id', 'clockInAt'],
  });
  let closed = 0;
  for (const candidate of open) {
    const closure = forgottenShiftClosure(
      new Date(candidate.clockInAt),
      now,
      settings.timeZone,
      settings.autoClockOutHour,
    );
    if (!closure.due) continue;
    const events: AppEvent[] = await deps.db.transaction(async (transaction) => {
      const row = await Attendance.findOne({
        where: { id: candidate.id, openUserId: { [Op.ne]: null } },
        lock: transaction.LOCK.UPDATE,
        transaction,
      });
      if (!row) return [];
      const user = await User.findByPk(row.userId, { transaction });
      if (!user) return [];
      await row.update(
        {
          clockOutAt: closure.clockOutAt,
          clockOutKind: 'auto',
          clockOutNode: deps.nodeId,
          clockOutSource: 'online',
          clockOutClientAt: null,
          openUserId: null,
        },
        { transaction },
      );
      const emitted = [
        attendanceEvent(
          'AttendanceUpdated',
          row,
          sessionUserOf(user),
          deps.nodeId,
          'auto_clock_out',
        ),
      ];
      await recordEvents(deps, emitted, transaction);
      return emitted;
    });
    if (events.length > 0) {
      closed += 1;
      await publishEvents(deps, events);
    }
  }
  if (closed > 0) deps.log.info({ closed }, 'closed forgotten shifts');
  return closed;
}
