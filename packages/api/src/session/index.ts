export * from './types.js';
export { DatabaseSessionStore, RedisSessionStore, readSession } from './stores.js';
export { sessionCookieFrom, userIdFromSignedSession } from './resolve.js';
