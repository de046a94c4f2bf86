export * from './types.js';
export {
  DatabaseSessionStore,
  RedisSessionStore,
  ResilientSessionStore,
  readSession,
} from './stores.js';
export { sessionCookieFrom, userIdFromSignedSession } from './resolve.js';
