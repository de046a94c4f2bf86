import { Signer } from '@fastify/cookie';
import { parseCookie } from 'cookie';
import { readSession } from './stores.js';
import { SESSION_COOKIE, type SessionStore } from './types.js';

/**
 * The user id behind a signed session id, as found in the cookie header of a WebSocket upgrade or
 * in connection params: how realtime knows who connected, from the same sessions the API wrote.
 */
export async function userIdFromSignedSession(
  signedSessionId: string | undefined,
  secret: string,
  store: SessionStore,
): Promise<number | null> {
  if (!signedSessionId) return null;
  const unsigned = new Signer(secret).unsign(signedSessionId);
  if (!unsigned.valid || unsigned.value === null) return null;
  const session = await readSession(store, unsigned.value);
  const expires = (session?.cookie as { expires?: string } | undefined)?.expires;
  if (expires && new Date(expires) <= new Date()) return null;
  return typeof session?.userId === 'number' ? session.userId : null;
}

export function sessionCookieFrom(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  return parseCookie(cookieHeader)[SESSION_COOKIE];
}
