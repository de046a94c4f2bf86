import fastifyCookie from '@fastify/cookie';
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

/** The signed, HttpOnly session cookie, with the session itself in the configured store. */
export async function registerSessions(app: FastifyInstance, options: SessionOptions) {
  await app.register(fastifyCookie);
  await app.register(fastifySession, {
    secret: options.sessionSecret,
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
