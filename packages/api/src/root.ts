import { router } from './trpc.js';
import { adminRouter } from './router/admin/index.js';
import { attendanceRouter } from './router/attendance.js';
import { authRouter } from './router/auth.js';
import { liveRouter } from './router/live.js';
import { notificationsRouter } from './router/notifications.js';
import { requestsRouter } from './router/requests.js';

export const appRouter = router({
  auth: authRouter,
  attendance: attendanceRouter,
  admin: adminRouter,
  live: liveRouter,
  requests: requestsRouter,
  notifications: notificationsRouter,
});

export type AppRouter = typeof appRouter;
