import { z } from 'zod';
import { GEOFENCE_POLICIES } from '@absensi/db';
import {
  assignSites,
  auditTrail,
  createSite,
  deactivateSite,
  listSites,
  siteAssignmentsOf,
  updateSite,
} from '@absensi/core';
import { adminProcedure, managerProcedure, router } from '../../trpc.js';
import { changesOf, displayName, ianaTimeZone, id, latitude, longitude } from '../inputs.js';

const geofencePolicy = z.enum(GEOFENCE_POLICIES, { message: 'must be off, flag or require' });
const radiusM = z
  .number({ message: 'must be a number' })
  .int({ message: 'must be a whole number of metres' })
  .min(10, { message: 'must be from 10 to 100000 metres' })
  .max(100_000, { message: 'must be from 10 to 100000 metres' });
const maxAccuracyM = z
  .number({ message: 'must be a number' })
  .int({ message: 'must be a whole number of metres' })
  .min(0, { message: 'must be from 0 to 5000 metres' })
  .max(5_000, { message: 'must be from 0 to 5000 metres' });

export const sitesRouter = router({
  /** Every site by name, with how many employees are assigned to each. */
  list: managerProcedure
    .input(z.object({ active: z.boolean().optional() }).default({}))
    .query(({ ctx, input }) => listSites(ctx.deps, input)),

  create: adminProcedure
    .input(
      z.object({
        name: displayName(120),
        lat: latitude,
        lng: longitude,
        radiusM,
        timeZone: ianaTimeZone,
        geofencePolicy: geofencePolicy.default('flag'),
        maxAccuracyM: maxAccuracyM.default(100),
      }),
    )
    .mutation(({ ctx, input }) => createSite(ctx.deps, ctx.user, input)),

  /** Changes a site; `active: true` reactivates one. */
  update: adminProcedure
    .input(
      changesOf({
        name: displayName(120).optional(),
        lat: latitude.optional(),
        lng: longitude.optional(),
        radiusM: radiusM.optional(),
        timeZone: ianaTimeZone.optional(),
        geofencePolicy: geofencePolicy.optional(),
        maxAccuracyM: maxAccuracyM.optional(),
        active: z.boolean().optional(),
      }),
    )
    .mutation(({ ctx, input: { id: siteId, ...changes } }) =>
      updateSite(ctx.deps, ctx.user, siteId, changes),
    ),

  deactivate: adminProcedure
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => deactivateSite(ctx.deps, ctx.user, input.id)),

  /** Sets the sites an employee works at (empty: none), one primary (by default the first). */
  assign: adminProcedure
    .input(
      z.object({
        userId: id,
        siteIds: z.array(id).max(50, { message: 'must name at most 50 sites' }),
        primarySiteId: id.nullable().optional(),
      }),
    )
    .mutation(({ ctx, input }) => assignSites(ctx.deps, ctx.user, input)),

  /** An employee's sites, inactive ones included, the primary first. */
  ofUser: adminProcedure
    .input(z.object({ userId: id }))
    .query(({ ctx, input }) => siteAssignmentsOf(ctx.deps, input.userId)),

  /** The audit trail of one site: who changed what, when. */
  audit: adminProcedure
    .input(z.object({ id }))
    .query(({ ctx, input }) => auditTrail(ctx.deps, 'site', input.id)),
});
