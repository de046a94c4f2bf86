import { Op } from 'sequelize';
import { isAttendanceEvent, type AppEvent, type AttendanceEvent } from '@absensi/events';
import type { AppDeps } from '../deps.js';
import { localHour, workDateOf } from '../rules/index.js';
import { tapTime } from './views.js';

export interface Dashboard {
  generatedAt: string;
  workDate: string;
  timeZone: string;
  counts: {
    employees: number;
    present: number;
    lateToday: number;
    notYetIn: number;
    clockedOut: number;
  };
  present: {
    userId: number;
    name: string;
    department: string | null;
    since: string;
    status: 'on_time' | 'late';
    node: string;
  }[];
  notYetIn: { userId: number; name: string; department: string | null }[];
  /** Clock-ins today by local hour of the tap, 24 buckets. */
  clockInsByHour: number[];
  byNode: { node: string; clockIns: number; clockOuts: number }[];
  latest: AttendanceEvent[];
}

/** The admin's picture of today: who is in, who is late, who has not come, and what happened last. */
export async function buildDashboard(
  deps: Pick<AppDeps, 'db' | 'settings' | 'clock'>,
): Promise<Dashboard> {
  const { User, Attendance, EventRow } = deps.db.models;
  const settings = await deps.settings.get();
  const now = deps.clock();
  const workDate = workDateOf(now, settings.timeZone);
  const [employees, todayRows, openRows, latestRows] = await Promise.all([
    User.findAll({
      where: { active: true, role: 'employee' },
      attributes: ['id', 'name', 'department'],
      order: [['name', 'ASC']],
    }),
    Attendance.findAll({ where: { workDate } }),
    Attendance.findAll({
      where: { openUserId: { [Op.ne]: null } },
      include: [{ model: User, as: 'user', attributes: ['name', 'department'] }],
    }),
    EventRow.findAll({
      where: { type: { [Op.in]: ['AttendanceCreated', 'AttendanceUpdated'] } },
      order: [['id', 'DESC']],
      limit: 20,
    }),
  ]);

  const cameToday = new Set(todayRows.map((row) => row.userId));
  const notYetIn = employees
    .filter((employee) => !cameToday.has(employee.id))
    .map((employee) => ({
      userId: employee.id,
      name: employee.name,
      department: employee.department,
    }));

  const clockInsByHour = Array.from({ length: 24 }, () => 0);
  const nodes = new Map<string, { clockIns: number; clockOuts: number }>();
  const nodeCounts = (node: string) => {
    let counts = nodes.get(node);
    if (!counts) nodes.set(node, (counts = { clockIns: 0, clockOuts: 0 }));
    return counts;
  };
  for (const row of todayRows) {
    const hour = localHour(
      tapTime(row.clockInAt, row.clockInClientAt, row.clockInSource),
      settings.timeZone,
    );
    clockInsByHour[hour] = (clockInsByHour[hour] ?? 0) + 1;
    nodeCounts(row.clockInNode).clockIns += 1;
    if (row.clockOutNode) nodeCounts(row.clockOutNode).clockOuts += 1;
  }

  const present = openRows.map((row) => {
    const user = (row as typeof row & { user?: { name: string; department: string | null } }).user;
    return {
      userId: row.userId,
      name: user?.name ?? '',
      department: user?.department ?? null,
      since: tapTime(row.clockInAt, row.clockInClientAt, row.clockInSource).toISOString(),
      status: row.status,
      node: row.clockInNode,
    };
  });

  return {
    generatedAt: now.toISOString(),
    workDate,
    timeZone: settings.timeZone,
    counts: {
      employees: employees.length,
      present: present.length,
      lateToday: todayRows.filter((row) => row.status === 'late').length,
      notYetIn: notYetIn.length,
      clockedOut: todayRows.filter((row) => row.clockOutAt !== null).length,
    },
    present,
    notYetIn,
    clockInsByHour,
    byNode: [...nodes.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([node, counts]) => ({ node, ...counts })),
    latest: latestRows.map((row) => JSON.parse(row.payload) as AppEvent).filter(isAttendanceEvent),
  };
}
