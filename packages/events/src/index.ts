export * from './types.js';
export { newEventId, eventIdTime } from './ids.js';
export type { EventFeed, FeedEntry } from './feed.js';
export { MemoryFeed } from './memory-feed.js';
export { RedisFeed, FEED_NAME } from './redis-feed.js';
export { LiveHub, SubscriberTooSlowError, type HubSink, type HubSubscription } from './hub.js';
export * from './ingest.js';
