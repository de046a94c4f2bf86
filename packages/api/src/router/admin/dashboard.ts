import { dashboard } from '@absensi/core';
import { adminProcedure } from '../../trpc.js';

export const dashboardProcedure = adminProcedure.query(({ ctx }) => dashboard(ctx.deps));
