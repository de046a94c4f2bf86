export { coreDeps, connectInfrastructure, type Infrastructure } from './infrastructure.js';
export { createLogger } from './logger.js';
export { runEntry, type EntryOptions, type Running } from './entry.js';
export { closeConnectionsWhenClosing } from './close-connections.js';
export { RateLimitedLogins } from './login-limiter.js';
export { RedisSnapshotCache } from './caches/redis-snapshot-cache.js';
export * from './session/index.js';
export { resolveSessionSecret } from './session/secret.js';
