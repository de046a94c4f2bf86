import { buildDashboard } from '../../services/dashboard.js';
import { adminProcedure } from '../../trpc.js';

export const dashboardProcedure = adminProcedure.query(({ ctx }) => buildDashboard(ctx.deps));
