import { z } from 'zod';
import {
  markNotificationsRead,
  myNotifications,
  pushKey,
  subscribePush,
  unsubscribePush,
} from '@absensi/core';
import { protectedProcedure, router } from '../trpc.js';
import { id, pageLimit } from './inputs.js';

/** A push service's endpoint for one browser, as the browser's PushSubscription gives it. */
const endpoint = z
  .url({ protocol: /^https?$/, message: 'must be the https URL of a push service' })
  .max(2048, { message: 'must be at most 2048 characters' });
/** A base64url key of the browser's subscription. */
const base64url = (max: number) =>
  z
    .string()
    .min(16, { message: 'must be a base64url key' })
    .max(max)
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, { message: 'must be a base64url key' });

/** What happened to the caller: requests decided, records corrected, overtime ordered. */
export const notificationsRouter = router({
  list: protectedProcedure
    .input(z.object({ before: id.optional(), limit: pageLimit }).optional())
    .query(({ ctx, input }) => myNotifications(ctx.deps, ctx.user, input ?? { limit: 50 })),

  /** Marks the caller's notifications read, up to `upTo` (all when absent). */
  markRead: protectedProcedure
    .input(z.object({ upTo: id.optional() }).optional())
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.deps, ctx.user, input ?? {})),

  /** The server's public VAPID key for Web Push, or null when push is off here. */
  pushKey: protectedProcedure.query(({ ctx }) => pushKey(ctx.deps)),

  /** Shows the caller's notifications on this browser while the app is closed (Web Push). */
  subscribePush: protectedProcedure
    .input(
      z.object({
        endpoint,
        keys: z.object({ p256dh: base64url(200), auth: base64url(100) }),
        lang: z.enum(['id', 'en'], { message: 'must be id or en' }).default('id'),
      }),
    )
    .mutation(({ ctx, input }) => subscribePush(ctx.deps, ctx.user, input)),

  /** Stops showing the caller's notifications on this browser. */
  unsubscribePush: protectedProcedure
    .input(z.object({ endpoint }))
    .mutation(({ ctx, input }) => unsubscribePush(ctx.deps, ctx.user, input)),
});
