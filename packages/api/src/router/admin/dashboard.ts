import { z } from 'zod';
import { dashboard, snapshotJson, type Dashboard } from '@absensi/core';
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
  .query(async ({ ctx, input }): Promise<Dashboard> => {
    const picture = await dashboard(ctx.deps, ctx.user, input ?? {});
    // The company's snapshot is shared by every reader and its JSON is kept with it: over HTTP it
    // goes out as that text instead of being serialised again per reader (see Context).
    const json = ctx.preSerialized && snapshotJson(picture);
    return json ? (ctx.preSerialized!(json) as Dashboard) : picture;
  });
