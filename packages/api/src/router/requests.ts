import { z } from 'zod';
import {
  cancelRequest,
  fileRequest,
  leaveBalances,
  listLeaveTypes,
  myRequests,
  requestAttachment,
  MAX_ATTACHMENT_BYTES,
} from '@absensi/core';
import { protectedProcedure, router } from '../trpc.js';
import { id, isoInstant, localDate, pageLimit, visibleText } from './inputs.js';

export const requestReason = visibleText({ max: 500, multiline: true });
const clientKey = z.uuid({ message: 'must be a UUID made once for this request' }).optional();
export const requestState = z.enum(['pending', 'approved', 'declined', 'cancelled'], {
  message: 'must be pending, approved, declined or cancelled',
});
// Base64 of at most MAX_ATTACHMENT_BYTES (4 characters per 3 bytes).
const attachment = z.object({
  contentType: z.enum(['image/jpeg', 'image/png', 'image/webp'], {
    message: 'must be a JPEG, PNG or WebP photo',
  }),
  base64: z
    .string()
    .max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 4, {
      message: `must be a photo of at most ${MAX_ATTACHMENT_BYTES / 1024} KB`,
    })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'must be base64' }),
});

const filed = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('leave'),
      leaveTypeId: id,
      startDate: localDate,
      endDate: localDate,
      part: z
        .enum(['full', 'first_half', 'second_half'], {
          message: 'must be full, first_half or second_half',
        })
        .default('full'),
      reason: requestReason,
      attachment: attachment.optional(),
      clientKey,
    }),
    z.object({
      kind: z.literal('correction'),
      date: localDate,
      attendanceId: id.optional(),
      clockInAt: isoInstant.optional(),
      clockOutAt: isoInstant.optional(),
      reason: requestReason,
      clientKey,
    }),
    z.object({
      kind: z.literal('overtime'),
      date: localDate,
      minutes: z
        .number()
        .int()
        .min(1)
        .max(16 * 60)
        .optional(),
      reason: requestReason,
      clientKey,
    }),
  ],
  { message: 'kind must be leave, correction or overtime' },
);

/** An employee's own requests: leave, corrections of a punch, overtime. */
export const requestsRouter = router({
  /** Files a request; the same clientKey files it once. */
  file: protectedProcedure
    .input(filed)
    .mutation(({ ctx, input }) => fileRequest(ctx.deps, ctx.user, input)),

  /** Withdraws one of the caller's pending requests. */
  cancel: protectedProcedure
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => cancelRequest(ctx.deps, ctx.user, input.id)),

  /** The caller's requests, newest first. */
  mine: protectedProcedure
    .input(z.object({ state: requestState.optional(), before: id.optional(), limit: pageLimit }))
    .query(({ ctx, input }) => myRequests(ctx.deps, ctx.user, input)),

  /** The caller's leave balances in a year (this year by default). */
  balances: protectedProcedure
    .input(z.object({ year: z.number().int().min(2000).max(2099).optional() }).optional())
    .query(({ ctx, input }) =>
      leaveBalances(ctx.deps, ctx.user, input?.year ?? ctx.deps.clock().getUTCFullYear()),
    ),

  /** The leave types an employee may ask for. */
  leaveTypes: protectedProcedure.query(({ ctx }) => listLeaveTypes(ctx.deps, { activeOnly: true })),

  /** An attachment's photo, for the employee who filed it or an approver of their team. */
  attachment: protectedProcedure
    .input(z.object({ id }))
    .query(({ ctx, input }) => requestAttachment(ctx.deps, ctx.user, input.id)),
});
