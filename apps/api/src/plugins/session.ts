import fastifyCookie, { Signer } from '@fastify/cookie';
import fastifySession from '@fastify/session';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SessionClaim } from '@absensi/core';
import { SESSION_COOKIE, type RequestSession, type SessionStore } from '@absensi/runtime';

declare module 'fastify' {
  interface Session {
    userId?: number;
    /** The account's session generation at sign-in (see RequestSession.generation). */
    generation?: number;
  }
}

export interface SessionOptions {
  sessions: SessionStore;
  sessionSecret: string;
  sessionTtlHours: number;
  cookieSecure: boolean;
}

/** How many signed cookies (and signed ids) one process remembers; all forgotten when full. */
const REMEMBERED_SIGNATURES = 20_000;

/**
 * The cookie signer (@fastify/cookie's, HMAC-SHA256), remembering what it verified and signed.
 * `@fastify/session` computes two HMACs per request: it verifies the cookie, then signs the session
 * id again to compare it with the cookie. A signed value and its id never change under one secret,
 * so a cookie verified once is known by its exact text afterwards; a text never verified (a forged
 * or altered one) is not in the map and is checked in full.
 */
export class RememberingSigner {
  private readonly signer: Signer;
  /** Signed cookie text → the session id it verified as. */
  private readonly verified = new Map<string, string>();
  /** Session id → its signed text. */
  private readonly signed = new Map<string, string>();

  constructor(secret: string) {
    this.signer = new Signer(secret, 'sha256');
  }

  sign(value: string): string {
    let signed = this.signed.get(value);
    if (signed === undefined) {
      signed = this.signer.sign(value);
      if (this.signed.size >= REMEMBERED_SIGNATURES) this.signed.clear();
      this.signed.set(value, signed);
    }
    return signed;
  }

  unsign(signedValue: string): { valid: boolean; renew: boolean; value: string | null } {
    const known = this.verified.get(signedValue);
    if (known !== undefined) return { valid: true, renew: false, value: known };
    const result = this.signer.unsign(signedValue);
    if (result.valid && !result.renew && result.value !== null) {
      if (this.verified.size >= REMEMBERED_SIGNATURES) this.verified.clear();
      this.verified.set(signedValue, result.value);
    }
    return result;
  }
}

/** The signed, HttpOnly session cookie, with the session itself in the configured store. */
export async function registerSessions(app: FastifyInstance, options: SessionOptions) {
  await app.register(fastifyCookie);
  await app.register(fastifySession, {
    // A signer object in place of the secret: the same HMAC, computed once per cookie.
    secret: new RememberingSigner(options.sessionSecret),
    cookieName: SESSION_COOKIE,
    // Our stores keep the same callback contract; the plugin's type only names its own Session shape.
    store: options.sessions as unknown as fastifySession.SessionStore,
    saveUninitialized: false,
    // Written at sign-in only: a rolling session would write to Redis and the database on every request.
    rolling: false,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: options.cookieSecure,
      path: '/',
      maxAge: options.sessionTtlHours * 3_600_000,
    },
  });
}

/** Who the session of one HTTP request says is signed in (see signedInActor). */
export function sessionClaim(request: FastifyRequest): SessionClaim {
  return {
    userId: request.session.get('userId') ?? null,
    generation: request.session.get('generation') ?? 0,
  };
}

/** The session of one HTTP request, as procedures see it. */
export function requestSession(request: FastifyRequest): RequestSession {
  return {
    ...sessionClaim(request),
    async signIn(userId, generation) {
      await request.session.regenerate();
      request.session.set('userId', userId);
      request.session.set('generation', generation);
      await request.session.save();
    },
    async signOut() {
      await request.session.destroy();
    },
  };
}
