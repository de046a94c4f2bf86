/**
 * Web Push: a person's phones (browsers) that allowed notifications, and sending each new
 * notification to them while the app is closed. Sent with `web-push` (RFC 8291 encryption,
 * aes128gcm, VAPID), well kept and what every Node server uses; a subscription the push service
 * says is gone (404, 410) is forgotten.
 */
import webpush from 'web-push';
import { repos } from '@absensi/db';
import type { AppEvent, NotificationCreated } from '@absensi/events';
import type { Actor } from '../actor.js';
import type { CoreDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { pushText, type PushLang } from './push-text.js';

/** Web Push as configured (VAPID_* set), with what sends one message. */
export interface PushService {
  publicKey: string;
  /** Tests only: endpoints on http://127.0.0.1 are accepted. */
  allowLoopback: boolean;
  send(subscription: PushTarget, payload: string): Promise<PushResult>;
}

export interface PushTarget {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** What the push service said: taken, gone for good (forget the subscription), or failed. */
export type PushResult =
  { status: 'sent' } | { status: 'gone' } | { status: 'failed'; reason: string };

/** How long a push service keeps a message for a phone that is off (seconds): a day. */
export const PUSH_TTL_SECONDS = 24 * 60 * 60;

/** The push service over `web-push` with the server's VAPID keys. */
export function webPushService(settings: {
  publicKey: string;
  privateKey: string;
  subject: string;
  allowLoopback: boolean;
}): PushService {
  const vapidDetails = {
    subject: settings.subject,
    publicKey: settings.publicKey,
    privateKey: settings.privateKey,
  };
  return {
    publicKey: settings.publicKey,
    allowLoopback: settings.allowLoopback,
    async send(subscription, payload) {
      // web-push encrypts (aes128gcm) and signs (VAPID); the POST itself goes through fetch, which
      // also reaches the loopback receiver tests use (web-push's own transport is https only).
      const request = webpush.generateRequestDetails(subscription, payload, {
        vapidDetails,
        TTL: PUSH_TTL_SECONDS,
        contentEncoding: 'aes128gcm',
        urgency: 'normal',
      });
      // fetch sets the length of the body itself.
      const headers = Object.fromEntries(
        Object.entries(request.headers as Record<string, string | number>)
          .filter(([name]) => name.toLowerCase() !== 'content-length')
          .map(([name, value]) => [name, String(value)]),
      );
      try {
        const response = await fetch(request.endpoint, {
          method: request.method,
          headers,
          body: request.body ? new Uint8Array(request.body) : null,
          signal: AbortSignal.timeout(10_000),
        });
        await response.arrayBuffer().catch(() => undefined);
        if (response.ok) return { status: 'sent' };
        if (response.status === 404 || response.status === 410) return { status: 'gone' };
        return { status: 'failed', reason: `HTTP ${response.status}` };
      } catch (error) {
        return { status: 'failed', reason: (error as Error).message || String(error) };
      }
    },
  };
}

/** The server's public VAPID key for the app's subscribe call, or null when push is off. */
export function pushKey(deps: { push?: PushService | undefined }): string | null {
  return deps.push?.publicKey ?? null;
}

function requirePush(deps: { push?: PushService | undefined }): PushService {
  if (!deps.push)
    throw new DomainError(
      'PRECONDITION_FAILED',
      'Notifications on the phone are not set up on this server (VAPID keys).',
      undefined,
      { reason: 'PUSH_NOT_SET_UP' },
    );
  return deps.push;
}

/**
 * Keeps the caller's browser subscription (the same endpoint taken over when another person
 * signed in on that phone).
 * @throws DomainError PRECONDITION_FAILED when push is off; INVALID for an endpoint that is not
 * https (http://127.0.0.1 only where the test-only flag allows it).
 */
export async function subscribePush(
  deps: Pick<CoreDeps, 'db' | 'clock'> & { push?: PushService | undefined },
  actor: Actor,
  input: PushTarget & { lang: PushLang },
): Promise<{ subscribed: true }> {
  const push = requirePush(deps);
  const url = new URL(input.endpoint);
  const loopback = url.protocol === 'http:' && url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(loopback && push.allowLoopback))
    throw new DomainError(
      'INVALID',
      'endpoint: must be an https URL of a push service',
      'endpoint',
      { reason: 'PUSH_ENDPOINT_NOT_HTTPS' },
    );
  await repos.pushSubscriptions.save(
    deps.db,
    {
      userId: actor.id,
      endpoint: input.endpoint,
      p256dh: input.keys.p256dh,
      auth: input.keys.auth,
      lang: input.lang,
    },
    deps.clock(),
  );
  return { subscribed: true };
}

/** Forgets the caller's subscription of one browser; returns whether there was one. */
export async function unsubscribePush(
  deps: Pick<CoreDeps, 'db'>,
  actor: Actor,
  input: { endpoint: string },
): Promise<{ removed: boolean }> {
  return { removed: await repos.pushSubscriptions.removeOf(deps.db, actor.id, input.endpoint) };
}

/**
 * Sends each new notification among `events` to its person's phones; forgets a subscription its
 * push service says is gone, and notes on each when the last push went through or failed.
 * Returns how many pushes went through. Never throws for one phone's failure.
 */
export async function sendPushes(
  deps: Pick<CoreDeps, 'db' | 'clock' | 'log'> & { push?: PushService | undefined },
  events: readonly AppEvent[],
): Promise<number> {
  const push = deps.push;
  if (!push) return 0;
  let sent = 0;
  const notes = events.filter(
    (event): event is NotificationCreated => event.type === 'NotificationCreated',
  );
  for (const note of notes) {
    const subscriptions = await repos.pushSubscriptions.ofUser(deps.db, note.data.userId);
    for (const subscription of subscriptions) {
      const lang: PushLang = subscription.lang === 'en' ? 'en' : 'id';
      const payload = JSON.stringify({
        ...pushText(note.data.kind, note.data.details, lang),
        tag: `notification-${note.data.notificationId}`,
        url: '/notifications',
      });
      const result = await push.send(
        {
          endpoint: subscription.endpoint,
          keys: { p256dh: subscription.p256dh, auth: subscription.auth },
        },
        payload,
      );
      if (result.status === 'gone') {
        await repos.pushSubscriptions.removeById(deps.db, subscription.id);
        continue;
      }
      if (result.status === 'sent') sent += 1;
      else deps.log.warn({ subscription: subscription.id, reason: result.reason }, 'push not sent');
      await repos.pushSubscriptions.markOutcome(deps.db, subscription.id, {
        at: deps.clock(),
        failure: result.status === 'failed' ? result.reason : undefined,
      });
    }
  }
  return sent;
}
