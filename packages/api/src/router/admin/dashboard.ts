import { buildDashboard } from '../../services/dashboard.js';
import { cachedSnapshot } from '../../services/snapshot-cache.js';
import { adminProcedure } from '../../trpc.js';

export const dashboardProcedure = adminProcedure.query(({ ctx }) =>
  cachedSnapshot(ctx.deps.dashboardCache, () => buildDashboard(ctx.deps)),
);
