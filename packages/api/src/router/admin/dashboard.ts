import { z } from 'zod';
import { dashboard } from '@absensi/core';
import { managerProcedure } from '../../trpc.js';
import { id } from '../inputs.js';

/** Today's picture: the whole company for an admin, a manager's people; optionally one department. */
export const dashboardProcedure = managerProcedure
  .input(
    z
      .object({
        department: z.string().trim().min(1).max(120).optional(),
        /** The people whose primary site it is. */
        siteId: id.optional(),
      })
      .optional(),
  )
  .query(({ ctx, input }) => dashboard(ctx.deps, ctx.user, input ?? {}));
