import { z } from 'zod';
import { markNotificationsRead, myNotifications } from '@absensi/core';
import { protectedProcedure, router } from '../trpc.js';
import { id, pageLimit } from './inputs.js';

/** What happened to the caller: requests decided, records corrected, overtime ordered. */
export const notificationsRouter = router({
  list: protectedProcedure
    .input(z.object({ before: id.optional(), limit: pageLimit }).optional())
    .query(({ ctx, input }) => myNotifications(ctx.deps, ctx.user, input ?? { limit: 50 })),

  /** Marks the caller's notifications read, up to `upTo` (all when absent). */
  markRead: protectedProcedure
    .input(z.object({ upTo: id.optional() }).optional())
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.deps, ctx.user, input ?? {})),
});
