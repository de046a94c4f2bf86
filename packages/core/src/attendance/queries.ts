import { repos, type AttendanceStatus } from '@absensi/db';
import type { Actor } from '../actor.js';
import type { Page } from '../page.js';
import { todaysPlan, type TodaysPlan } from '../schedules/roster.js';
import { departmentsFor, scopeOf } from '../auth/scope.js';
import type { CoreDeps } from '../deps.js';
import type { CompanySettings } from '../settings/settings-cache.js';
import { monthBounds, workDateOf } from './rules/index.js';
import { attendanceView, type AttendanceView } from './views.js';

export interface Today {
  serverTime: string;
  workDate: string;
  settings: CompanySettings;
  /** The open shift, which may have begun on an earlier day. */
  open: AttendanceView | null;
  /** Today's records, oldest first. */
  records: AttendanceView[];
  /** What the person is planned to do today: a shift with its times, a day off, a holiday. */
  plan: TodaysPlan;
}

/** What `today` serves from the day cache: everything but the clock and the settings. */
type CachedDay = Pick<Today, 'open' | 'records' | 'plan'>;

/** The caller's day read from the database: today's records, an open shift, today's plan. */
async function readDay(
  deps: Pick<CoreDeps, 'db' | 'planning'>,
  user: Actor,
  workDate: string,
  timeZone: string,
): Promise<CachedDay> {
  // One query for both: today's records and the open shift, which may have begun on an earlier day.
  const [rows, plan] = await Promise.all([
    repos.attendance.dayOfUser(deps.db, user.id, workDate),
    todaysPlan(deps, user, workDate, timeZone),
  ]);
  const open = rows.find((row) => row.openUserId !== null);
  return {
    open: open ? attendanceView(open) : null,
    records: rows.filter((row) => row.workDate === workDate).map(attendanceView),
    plan,
  };
}

/**
 * The caller's state now: the open shift if any, and today's records in the company's time zone.
 * Served from the day cache while nothing that shows in it changed (see DayCache); a cache that
 * fails is passed by, never fatal.
 */
export async function today(
  deps: Pick<CoreDeps, 'db' | 'settings' | 'clock' | 'planning' | 'dayCache'>,
  user: Actor,
): Promise<Today> {
  const settings = await deps.settings.get();
  const now = deps.clock();
  const workDate = workDateOf(now, settings.timeZone);
  const cache = deps.dayCache;
  const cached = cache ? await cache.read(user.id, workDate).catch(() => null) : null;
  let day: CachedDay;
  if (cached?.value) {
    day = JSON.parse(cached.value) as CachedDay;
  } else {
    day = await readDay(deps, user, workDate, settings.timeZone);
    if (cached)
      await cache!
        .write(user.id, workDate, cached.stamp, JSON.stringify(day))
        .catch(() => undefined);
  }
  return { serverTime: now.toISOString(), workDate, settings, ...day };
}

export interface MonthHistory extends Page<AttendanceView> {
  month: string;
  totals: { days: number; shifts: number; late: number; workedMinutes: number };
}

/** The caller's records of one month ("YYYY-MM", default this one), newest first, with its totals. */
export async function history(
  deps: Pick<CoreDeps, 'db' | 'settings' | 'clock'>,
  user: Actor,
  query: { month?: string | undefined; cursor?: number | undefined; limit: number },
): Promise<MonthHistory> {
  const settings = await deps.settings.get();
  const month = query.month ?? workDateOf(deps.clock(), settings.timeZone).slice(0, 7);
  const { from, to } = monthBounds(month);
  const rows = await repos.attendance.pageOfUser(deps.db, {
    userId: user.id,
    from,
    to,
    before: query.cursor,
    limit: query.limit + 1,
  });
  const items = rows.slice(0, query.limit).map(attendanceView);
  const views = (await repos.attendance.allOfUser(deps.db, { userId: user.id, from, to })).map(
    attendanceView,
  );
  return {
    month,
    items,
    nextCursor: rows.length > query.limit ? items[items.length - 1]!.id : null,
    totals: {
      days: new Set(views.map((view) => view.workDate)).size,
      shifts: views.length,
      late: views.filter((view) => view.status === 'late').length,
      workedMinutes: views.reduce((sum, view) => sum + (view.workedMinutes ?? 0), 0),
    },
  };
}

export type AttendanceRowView = AttendanceView & {
  user: { name: string; email: string; department: string | null };
};

/**
 * Records in a range of work dates, newest first, of the people the actor may see (a manager's
 * departments), filtered by person, department, status or open;
 * `total` is how many match on every page.
 */
export async function listAttendance(
  deps: Pick<CoreDeps, 'db'>,
  actor: Actor,
  query: {
    from: string;
    to: string;
    userId?: number | undefined;
    department?: string | undefined;
    status?: AttendanceStatus | undefined;
    open?: boolean | undefined;
    /** Only records made at this site. */
    siteId?: number | undefined;
    cursor?: number | undefined;
    limit: number;
  },
): Promise<Page<AttendanceRowView> & { total: number }> {
  const { cursor, limit, department, ...rest } = query;
  const filter = { ...rest, departments: departmentsFor(await scopeOf(deps, actor), department) };
  const [rows, total] = await Promise.all([
    repos.attendance.list(deps.db, { ...filter, before: cursor, limit: limit + 1 }),
    repos.attendance.countMatching(deps.db, filter),
  ]);
  const items = rows.slice(0, limit).map((row) => ({
    ...attendanceView(row),
    user: { name: row.user.name, email: row.user.email, department: row.user.department },
  }));
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null, total };
}
