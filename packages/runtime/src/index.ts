export {
  coreDeps,
  connectInfrastructure,
  liveSocketSettings,
  type Infrastructure,
} from './infrastructure.js';
export { createLogger } from './logger.js';
export { runEntry, type EntryOptions, type Running } from './entry.js';
export { closeConnectionsWhenClosing } from './close-connections.js';
export { RateLimitedLogins, type LoginLimits } from './login-limiter.js';
export { RedisSnapshotCache } from './caches/redis-snapshot-cache.js';
export { RedisDayCache } from './caches/redis-day-cache.js';
export {
  CacheNotices,
  NOTICE_PING_MS,
  NOTICE_TRUST_MS,
  type CacheNotice,
} from './caches/cache-notices.js';
export * from './session/index.js';
export { resolveSessionSecret } from './session/secret.js';
export {
  InProcessUserChanges,
  RedisUserChanges,
  type UserChange,
  type UserChangeBus,
} from './user-changes.js';
export { clientAddressOf, proxyTrust, type ProxyTrust } from './client-address.js';
export { ConnectionWait, watchConnectionWait } from './admission/connection-wait.js';
export { pushServiceOf, redisPushCursor, runPushSender, type PushCursorStore } from './push.js';
