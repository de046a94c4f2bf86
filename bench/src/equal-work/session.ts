/**
 * The session step of the equal-work floor, done as @fastify/session does it for the API: the
 * signed session id from the cookie, verified with @fastify/cookie's Signer (HMAC-SHA256), the
 * session JSON from Redis under `${prefix}sess:<id>`, refused once its cookie has expired.
 */
import { Signer } from '@fastify/cookie';
import type { Redis } from 'ioredis';
import { SESSION_COOKIE } from '@absensi/api';
import { cookieValue } from '../cookies.js';

interface StoredSession {
  userId?: unknown;
  cookie?: { expires?: string | null; originalExpires?: string | null };
}

export class SessionReader {
  private readonly signer: Signer;

  constructor(
    secret: string,
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    this.signer = new Signer(secret);
  }

  /** The signed-in user's id behind a Cookie header, or null: no cookie, a bad signature, no session, expired. */
  async userIdOf(cookieHeader: string | undefined): Promise<number | null> {
    const signed = cookieValue(cookieHeader, SESSION_COOKIE);
    if (!signed) return null;
    const unsigned = this.signer.unsign(signed);
    if (!unsigned.valid || unsigned.value === null) return null;
    const raw = await this.redis.get(`${this.prefix}sess:${unsigned.value}`);
    if (raw === null) return null;
    const session = JSON.parse(raw) as StoredSession;
    const expires = session.cookie?.originalExpires ?? session.cookie?.expires;
    if (expires && new Date(expires).getTime() <= Date.now()) return null;
    return typeof session.userId === 'number' ? session.userId : null;
  }
}
