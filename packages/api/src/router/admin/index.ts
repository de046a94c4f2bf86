import { router } from '../../trpc.js';
import { adminAttendanceRouter } from './attendance.js';
import { dashboardProcedure } from './dashboard.js';
import { holidaysRouter } from './holidays.js';
import { reportsRouter } from './reports.js';
import { schedulesRouter } from './schedules.js';
import { settingsRouter } from './settings.js';
import { shiftsRouter } from './shifts.js';
import { sitesRouter } from './sites.js';
import { usersRouter } from './users.js';
import { adminRequestsRouter } from './requests.js';
import { leaveTypesRouter } from './leave-types.js';
import { recapRouter } from './recap.js';

export const adminRouter = router({
  dashboard: dashboardProcedure,
  users: usersRouter,
  attendance: adminAttendanceRouter,
  settings: settingsRouter,
  reports: reportsRouter,
  shifts: shiftsRouter,
  schedules: schedulesRouter,
  sites: sitesRouter,
  holidays: holidaysRouter,
  requests: adminRequestsRouter,
  leaveTypes: leaveTypesRouter,
  recap: recapRouter,
});
