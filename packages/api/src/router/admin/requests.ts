import { z } from 'zod';
import { decideRequest, listRequests, orderOvertime } from '@absensi/core';
import { managerProcedure, router } from '../../trpc.js';
import { id, localDate, pageLimit, visibleText } from '../inputs.js';
import { requestReason, requestState } from '../requests.js';

/** Requests of the approver's people: admins see everyone's, managers their departments'. */
export const adminRequestsRouter = router({
  list: managerProcedure
    .input(
      z
        .object({
          state: requestState.optional(),
          kind: z
            .enum(['leave', 'correction', 'overtime'], {
              message: 'must be leave, correction or overtime',
            })
            .optional(),
          department: visibleText({ max: 120 }).optional(),
          from: localDate.optional(),
          to: localDate.optional(),
          before: id.optional(),
          limit: pageLimit,
        })
        .refine((input) => !input.from || !input.to || input.from <= input.to, {
          message: 'must not be before from',
          path: ['to'],
        }),
    )
    .query(({ ctx, input }) => listRequests(ctx.deps, ctx.user, input)),

  /** Approves or declines a pending request, with a note for the employee. */
  decide: managerProcedure
    .input(
      z.object({
        id,
        decision: z.enum(['approve', 'decline'], { message: 'must be approve or decline' }),
        note: visibleText({ max: 500, multiline: true }).optional(),
      }),
    )
    .mutation(({ ctx, input }) => decideRequest(ctx.deps, ctx.user, input)),

  /** Orders overtime for an employee on a date (an approved overtime request). */
  orderOvertime: managerProcedure
    .input(
      z.object({
        userId: id,
        date: localDate,
        minutes: z
          .number()
          .int()
          .min(1)
          .max(16 * 60)
          .optional(),
        note: requestReason,
      }),
    )
    .mutation(({ ctx, input }) => orderOvertime(ctx.deps, ctx.user, input)),
});
