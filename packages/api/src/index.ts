export { appRouter, type AppRouter } from './root.js';
export {
  containsNul,
  createCallerFactory,
  describeZodError,
  MAX_BATCH_CALLS,
  type AppDeps,
  type Context,
  type SessionUser,
} from './trpc.js';
export {
  CLOSE_SIGNED_OUT,
  createLiveSocket,
  type LiveSocket,
  type LiveSocketOptions,
} from './live/socket.js';
export { SESSION_COOKIE } from '@absensi/runtime';
