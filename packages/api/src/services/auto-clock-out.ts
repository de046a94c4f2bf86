import { Op } from 'sequelize';
import type { AppEvent } from '@absensi/events';
import type { AppDeps } from '../deps.js';
import { forgottenShiftClosure, lastAutoClockOutBoundary } from '../rules/index.js';
import { sessionUserOf } from '../trpc.js';
import { attendanceEvent } from './attendance.js';
import { publishEvents, recordEvents } from './outbox.js';

const PAGE_SIZE = 500;

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
  // Only shifts begun before the last auto clock-out hour can be due: the database picks those, a
  // page at a time, rather than every open shift of the day being loaded (one per employee at work).
  const dueBefore = lastAutoClockOutBoundary(now, settings.timeZone, settings.autoClockOutHour);
  let closed = 0;
  let afterId = 0;
  for (;;) {
    const page = await Attendance.findAll({
      where: {
        id: { [Op.gt]: afterId },
        openUserId: { [Op.ne]: null },
        clockInAt: { [Op.lt]: dueBefore },
      },
      attributes: ['id', 'clockInAt'],
      order: [['id', 'ASC']],
      limit: PAGE_SIZE,
      raw: true,
    });
    for (const candidate of page) closed += await closeOne(candidate);
    if (page.length < PAGE_SIZE) break;
    afterId = page[page.length - 1]!.id;
  }
  if (closed > 0) deps.log.info({ closed }, 'closed forgotten shifts');
  return closed;

  /** 1 when this shift was closed now, 0 when its employee closed it meanwhile. */
  async function closeOne(candidate: {
    id: number;
    // A raw row: a Date from MySQL, a string from SQLite.
    clockInAt: Date | string;
  }): Promise<number> {
    const closure = forgottenShiftClosure(
      new Date(candidate.clockInAt),
      now,
      settings.timeZone,
      settings.autoClockOutHour,
    );
    if (!closure.due) return 0;
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
    if (events.length === 0) return 0;
    await publishEvents(deps, events);
    return 1;
  }
}
