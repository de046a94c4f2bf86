import { Redis, type RedisOptions } from 'ioredis';
import type { EventFeed, FeedEntry } from './feed.js';
import { appEventSchema, type AppEvent } from './types.js';

export const FEED_NAME = 'events';
/** Entries kept in the stream (approximately); replay further back comes from the database outbox. */
const DEFAULT_MAX_LENGTH = 100_000;

function parseEntries(entries: [string, string[]][]): FeedEntry[] {
  const parsed: FeedEntry[] = [];
  for (const [cursor, fields] of entries) {
    const index = fields.indexOf('e');
    const raw = index >= 0 ? fields[index + 1] : undefined;
    if (raw === undefined) continue;
    let result: ReturnType<typeof appEventSchema.safeParse> | null = null;
    try {
      result = appEventSchema.safeParse(JSON.parse(raw));
    } catch {
      result = null;
    }
    // An unreadable entry still occupies its place: readers must move past it, never re-read it forever.
    parsed.push({ cursor, event: result?.success ? result.data : null });
  }
  return parsed;
}

/** The `absensi-events` Redis stream. Appends go through one connection, blocking reads through another. */
export class RedisFeed implements EventFeed {
  readonly key: string;
  private readonly writer: Redis;
  private reader: Redis | null = null;

  constructor(
    private readonly url: string,
    prefix: string,
    private readonly options: RedisOptions = {},
    private readonly maxLength = DEFAULT_MAX_LENGTH,
  ) {
    this.key = `${prefix}${FEED_NAME}`;
    // Fail fast when Redis is away: the outbox keeps the events and the worker appends them later.
    this.writer = new Redis(url, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      commandTimeout: 2_000,
      ...options,
    });
    this.writer.on('error', () => undefined);
  }

  /** Resolves once connected; rejects after `ms` (a fresh connection needs a moment, a dead one never comes). */
  private async connected(ms: number): Promise<void> {
    if (this.writer.status === 'ready') return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.writer.off('ready', onReady);
        reject(new Error(`Redis not connected (${this.writer.status})`));
      }, ms);
      const onReady = () => {
        clearTimeout(timer);
        resolve();
      };
      this.writer.once('ready', onReady);
    });
  }

  async append(events: readonly AppEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.connected(500);
    const pipeline = this.writer.pipeline();
    for (const event of events) {
      pipeline.xadd(
        this.key,
        'MAXLEN',
        '~',
        String(this.maxLength),
        '*',
        'e',
        JSON.stringify(event),
      );
    }
    const results = await pipeline.exec();
    const failure = results?.find(([error]) => error !== null)?.[0];
    if (failure) throw failure;
  }

  async read(
    cursor: string,
    options: { count: number; blockMs: number; signal?: AbortSignal },
  ): Promise<FeedEntry[]> {
    const reader = (this.reader ??= this.connectReader());
    const abort = () => reader.disconnect();
    options.signal?.addEventListener('abort', abort, { once: true });
    try {
      const reply = await reader.xread(
        'COUNT',
        options.count,
        'BLOCK',
        options.blockMs,
        'STREAMS',
        this.key,
        cursor,
      );
      return reply?.[0] ? parseEntries(reply[0][1]) : [];
    } finally {
      options.signal?.removeEventListener('abort', abort);
      if (options.signal?.aborted) this.reader = null;
    }
  }

  private connectReader(): Redis {
    const reader = new Redis(this.url, { maxRetriesPerRequest: null, ...this.options });
    reader.on('error', () => undefined);
    return reader;
  }

  async tail(count: number): Promise<FeedEntry[]> {
    if (count <= 0) return []; // Redis answers COUNT 0 with nil, not an empty list
    await this.connected(5_000);
    const entries = await this.writer.xrevrange(this.key, '+', '-', 'COUNT', count);
    return parseEntries(entries.reverse());
  }

  async close(): Promise<void> {
    this.reader?.disconnect();
    this.writer.disconnect();
    return Promise.resolve();
  }
}
