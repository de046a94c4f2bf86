import { z } from 'zod';
import { createLeaveType, listLeaveTypes, updateLeaveType } from '@absensi/core';
import { adminProcedure, managerProcedure, router } from '../../trpc.js';
import { id, visibleText } from '../inputs.js';

const leaveType = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9_]{1,12}$/, { message: 'must be 1-12 capital letters, digits or _' }),
  name: visibleText({ max: 80 }),
  category: z.enum(['annual', 'sick', 'permit', 'business_travel', 'other'], {
    message: 'must be annual, sick, permit, business_travel or other',
  }),
  /** Working days a year; null: not counted against an allowance. */
  yearlyAllowanceDays: z.number().int().min(0).max(366).nullable().default(null),
  attachment: z
    .enum(['none', 'optional', 'required'], { message: 'must be none, optional or required' })
    .default('none'),
});

export const leaveTypesRouter = router({
  /** Every leave type, retired ones too (active false). */
  list: managerProcedure.query(({ ctx }) => listLeaveTypes(ctx.deps, { activeOnly: false })),

  create: adminProcedure
    .input(leaveType)
    .mutation(({ ctx, input }) => createLeaveType(ctx.deps, ctx.user, input)),

  update: adminProcedure
    .input(
      leaveType
        .partial()
        .extend({ id, active: z.boolean().optional() })
        .refine((input) => Object.keys(input).some((key) => key !== 'id'), {
          message: 'must change at least one field',
          params: { issue: 'NOTHING_CHANGED' },
        }),
    )
    .mutation(({ ctx, input: { id: leaveTypeId, ...changes } }) =>
      updateLeaveType(ctx.deps, ctx.user, leaveTypeId, changes),
    ),
});
