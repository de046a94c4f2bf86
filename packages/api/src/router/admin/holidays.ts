import { z } from 'zod';
import { HOLIDAY_KINDS } from '@absensi/db';
import {
  auditTrail,
  confirmHolidays,
  createHoliday,
  deleteHoliday,
  listHolidays,
  proposeHolidays,
  updateHoliday,
} from '@absensi/core';
import { adminProcedure, router } from '../../trpc.js';
import { calendarDate, calendarYear, changesOf, displayName, id } from '../inputs.js';

const kind = z.enum(HOLIDAY_KINDS, { message: 'must be national, collective_leave or company' });
/** A site's id, or null for every site. */
const siteScope = id.nullable();

export const holidaysRouter = router({
  /** The holidays of a year by date: of every site, or those kept at one site (with its own). */
  list: adminProcedure
    .input(z.object({ year: calendarYear, siteId: id.optional() }))
    .query(({ ctx, input }) => listHolidays(ctx.deps, input)),

  create: adminProcedure
    .input(
      z.object({
        date: calendarDate,
        name: displayName(200),
        kind,
        siteId: siteScope.optional(),
      }),
    )
    .mutation(({ ctx, input }) => createHoliday(ctx.deps, ctx.user, input)),

  /** Changes a holiday; `siteId: null` makes it company-wide. */
  update: adminProcedure
    .input(
      changesOf({
        date: calendarDate.optional(),
        name: displayName(200).optional(),
        kind: kind.optional(),
        siteId: siteScope.optional(),
      }),
    )
    .mutation(({ ctx, input: { id: holidayId, ...changes } }) =>
      updateHoliday(ctx.deps, ctx.user, holidayId, changes),
    ),

  delete: adminProcedure
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => deleteHoliday(ctx.deps, ctx.user, input.id)),

  /** Indonesia's national holidays of the year, each marked with the holiday already on its date. */
  propose: adminProcedure
    .input(z.object({ year: calendarYear }))
    .query(({ ctx, input }) => proposeHolidays(ctx.deps, input)),

  /** Adds the chosen proposals for every site; dates already holidays are skipped. */
  confirm: adminProcedure
    .input(
      z
        .object({
          year: calendarYear,
          dates: z
            .array(calendarDate)
            .min(1, { message: 'must choose at least one date' })
            .max(100, { message: 'must choose at most 100 dates' }),
        })
        .superRefine(({ year, dates }, context) => {
          dates.forEach((date, index) => {
            if (!date.startsWith(`${year}-`))
              context.addIssue({
                code: 'custom',
                message: `must be a date in ${year}`,
                path: ['dates', index],
              });
          });
        }),
    )
    .mutation(({ ctx, input }) => confirmHolidays(ctx.deps, ctx.user, input)),

  /** The audit trail of one holiday: who changed what, when (kept after it is deleted). */
  audit: adminProcedure
    .input(z.object({ id }))
    .query(({ ctx, input }) => auditTrail(ctx.deps, 'holiday', input.id)),
});
