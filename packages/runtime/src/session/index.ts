export * from './types.js';
export {
  DatabaseSessionStore,
  RedisSessionStore,
  ResilientSessionStore,
  readSession,
} from './stores.js';
export { claimFromSignedSession, sessionCookieFrom } from './resolve.js';
