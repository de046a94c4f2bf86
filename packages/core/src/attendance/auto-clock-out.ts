import { repos } from '@absensi/db';
import type { AppEvent } from '@absensi/events';
import { afterCommit } from '../changes.js';
import type { CoreDeps } from '../deps.js';
import { notify } from '../notifications/notify.js';
import { recordEvents } from '../outbox/publish.js';
import { attendanceEvent } from './events.js';
import { forgottenShiftClosure, lastAutoClockOutBoundary } from './rules/index.js';

const PAGE_SIZE = 500;

/**
 * Closes every open shift whose auto clock-out time has passed (its scheduled end plus the shift
 * type's allowance, set at clock-in; for shifts recorded before schedules, the company's auto
 * clock-out hour after the clock-in), marked `auto`, each in its own transaction under its
 * employee's lock (a shift its employee closed meanwhile is left alone). Returns how many closed.
 */
export async function closeForgottenShifts(
  deps: Pick<
    CoreDeps,
    'db' | 'feed' | 'log' | 'clock' | 'nodeId' | 'settings' | 'sentMarks' | 'dashboardCache'
  >,
): Promise<number> {
  const settings = await deps.settings.get();
  const now = deps.clock();
  // The database picks the due shifts, a page at a time, rather than every open shift of the day
  // being loaded (one per employee at work).
  const legacyBegunBefore = lastAutoClockOutBoundary(
    now,
    settings.timeZone,
    settings.autoClockOutHour,
  );
  let closed = 0;
  let after = 0;
  for (;;) {
    const page = await repos.attendance.openDue(deps.db, {
      now,
      legacyBegunBefore,
      after,
      limit: PAGE_SIZE,
    });
    for (const candidate of page) closed += await closeOne(candidate);
    if (page.length < PAGE_SIZE) break;
    after = page[page.length - 1]!.id;
  }
  if (closed > 0) deps.log.info({ closed }, 'closed forgotten shifts');
  return closed;

  /** 1 when this shift was closed now, 0 when its employee closed it meanwhile. */
  async function closeOne(candidate: {
    id: number;
    userId: number;
    clockInAt: Date;
    autoClockOutAt: Date | null;
  }): Promise<number> {
    const closure = candidate.autoClockOutAt
      ? { due: candidate.autoClockOutAt <= now, clockOutAt: candidate.autoClockOutAt }
      : forgottenShiftClosure(
          candidate.clockInAt,
          now,
          settings.timeZone,
          settings.autoClockOutHour,
        );
    if (!closure.due) return 0;
    const events: AppEvent[] = await deps.db.transaction(async (tx) => {
      // The employee's lock first, as every write of their shifts takes it: a clock-out tap
      // arriving now either comes before (and this finds the shift closed) or after (and replaces
      // the automatic end).
      await repos.users.lock(deps.db, candidate.userId, tx);
      const row = await repos.attendance.byId(deps.db, candidate.id, { tx, lock: true });
      if (!row || row.openUserId === null) return [];
      const user = await repos.users.byId(deps.db, row.userId, tx);
      if (!user) return [];
      await repos.attendance.update(
        row,
        {
          clockOutAt: closure.clockOutAt,
          clockOutReceivedAt: now,
          clockOutKind: 'auto',
          clockOutNode: deps.nodeId,
          clockOutSource: 'online',
          clockOutClientAt: null,
          clockOutClientSentAt: null,
          openUserId: null,
        },
        tx,
      );
      const emitted: AppEvent[] = [
        attendanceEvent('AttendanceUpdated', row, user, deps.nodeId, 'auto_clock_out'),
      ];
      await recordEvents(deps, emitted, tx);
      // The employee forgot to clock out: they are told, and can ask for a correction.
      emitted.push(
        await notify(deps, tx, {
          userId: row.userId,
          kind: 'auto_clocked_out',
          details: {
            attendanceId: row.id,
            workDate: row.workDate,
            clockOutAt: closure.clockOutAt.toISOString(),
          },
        }),
      );
      return emitted;
    });
    if (events.length === 0) return 0;
    await afterCommit(deps, { events });
    return 1;
  }
}
