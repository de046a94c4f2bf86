export { appRouter, type AppRouter } from './root.js';
export {
  createCallerFactory,
  describeZodError,
  type AppDeps,
  type Context,
  type SessionUser,
} from './trpc.js';
export { createLiveSocket, type LiveSocket, type LiveSocketOptions } from './live/socket.js';
export { SESSION_COOKIE } from '@absensi/runtime';
