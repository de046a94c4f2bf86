import { z } from 'zod';
import { createShiftType, listShiftTypes, updateShiftType } from '@absensi/core';
import { adminProcedure, managerProcedure, router } from '../../trpc.js';
import { id, localTime } from '../inputs.js';

const minutes = (max: number) => z.number().int().min(0).max(max);
const shiftType = z.object({
  name: z.string().trim().min(1, { message: 'must not be empty' }).max(60),
  code: z
    .string()
    .trim()
    .regex(/^[\p{L}\p{N}]{1,8}$/u, { message: 'must be 1-8 letters or digits' }),
  startTime: localTime,
  endTime: localTime,
  lateGraceMinutes: minutes(240).default(0),
  earlyLeaveGraceMinutes: minutes(240).default(0),
  breakMinutes: minutes(480).default(0),
  /** How long after the end an open shift is closed automatically. */
  autoClockOutAfterMinutes: z
    .number()
    .int()
    .min(0)
    .max(12 * 60)
    .default(120),
  overtimeMinimumMinutes: minutes(240).default(30),
  overtimeRoundingMinutes: z.number().int().min(1).max(60).default(15),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, { message: 'must be a colour as #RRGGBB' })
    .default('#2f6fdd'),
});

export const shiftsRouter = router({
  /** Every shift type, retired ones too (active false). */
  list: managerProcedure.query(({ ctx }) => listShiftTypes(ctx.deps)),

  create: adminProcedure
    .input(shiftType)
    .mutation(({ ctx, input }) => createShiftType(ctx.deps, ctx.user, input)),

  update: adminProcedure
    .input(
      shiftType
        .partial()
        .extend({ id, active: z.boolean().optional() })
        .refine((input) => Object.keys(input).some((key) => key !== 'id'), {
          message: 'must change at least one field',
        }),
    )
    .mutation(({ ctx, input: { id: shiftTypeId, ...changes } }) =>
      updateShiftType(ctx.deps, ctx.user, shiftTypeId, changes),
    ),
});
