export { appRouter, type AppRouter } from './root.js';
export { createCallerFactory, describeZodError, type Context, type SessionUser } from './trpc.js';
export type { AppDeps, JobStarter, Logger } from './deps.js';
export { LoginLimiter } from './login-limiter.js';
export { SettingsCache, type CompanySettings } from './services/settings.js';
export { publishEvents, recordEvents, republishUnsent } from './services/outbox.js';
export { attendanceEvent } from './services/attendance.js';
export { attendanceView, type AttendanceView, type UserView } from './services/views.js';
export * from './session/index.js';
export * as rules from './rules/index.js';
export { closeForgottenShifts } from './services/auto-clock-out.js';
export { closeConnectionsWhenClosing } from './close-connections.js';
export { createLiveSocket, type LiveSocket, type LiveSocketOptions } from './live-socket.js';
export {
  appDeps,
  connectInfrastructure,
  createLogger,
  type Infrastructure,
} from './infrastructure.js';
export { resolveSessionSecret } from './session/secret.js';
