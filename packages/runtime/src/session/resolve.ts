import { Signer } from '@fastify/cookie';
import { parseCookie } from 'cookie';
import type { SessionClaim } from '@absensi/core';
import { readSession } from './stores.js';
import { SESSION_COOKIE, type SessionStore } from './types.js';

/**
 * The user behind a signed session id, as found in the cookie header of a WebSocket upgrade or in
 * connection params: how realtime knows who connected, from the same sessions the API wrote. Null
 * for a bad signature, an unknown or expired session, or one nobody signed in to.
 */
export async function claimFromSignedSession(
  signedSessionId: string | undefined,
  secret: string,
  store: SessionStore,
): Promise<(SessionClaim & { userId: number }) | null> {
  if (!signedSessionId) return null;
  const unsigned = new Signer(secret).unsign(signedSessionId);
  if (!unsigned.valid || unsigned.value === null) return null;
  const session = await readSession(store, unsigned.value);
  const expires = (session?.cookie as { expires?: string } | undefined)?.expires;
  if (expires && new Date(expires) <= new Date()) return null;
  if (typeof session?.userId !== 'number') return null;
  return { userId: session.userId, generation: session.generation ?? 0 };
}

export function sessionCookieFrom(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  return parseCookie(cookieHeader)[SESSION_COOKIE];
}
