import type { Actor } from '../actor.js';
import type { CoreDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { sitesOfUser } from '../sites/queries.js';
import { geofenceCheck, geofenceDecision, type GeofenceVerdict } from '../sites/rules.js';

/** Where a tap was, as the record keeps it, and the zone its schedule is read in. */
export interface PunchSite {
  /** The site the tap counts for (the nearest it is inside, else the nearest; the primary without a position). */
  siteId: number | null;
  /** That site's time zone; null when the employee has no site (the company's zone applies). */
  timeZone: string | null;
  /** Metres from the site's centre; null with no position or no site. */
  distanceM: number | null;
  /** inside, outside, unknown (no position); null when the employee has no site. */
  geofence: GeofenceVerdict | null;
}

/**
 * Checks a tap's position against the employee's sites, under the site's geofence policy: off
 * records it, flag records it with its verdict, require refuses a tap outside (or without a
 * position) with the distance in the message.
 * @throws DomainError INVALID naming `location` when the policy requires a position inside.
 */
export async function punchSite(
  deps: Pick<CoreDeps, 'db' | 'planning'>,
  user: Pick<Actor, 'id'>,
  location: { lat: number; lng: number; accuracy?: number | undefined } | undefined,
): Promise<PunchSite> {
  // Held for everyone by the planning cache unless there are too many assignments to hold.
  const sites = (await deps.planning.sitesOf(user.id)) ?? (await sitesOfUser(deps, user.id));
  const check = geofenceCheck(location ?? null, sites);
  const decision = geofenceDecision(check);
  if (decision.outcome === 'refused')
    throw new DomainError(
      'INVALID',
      decision.reason ?? 'This tap needs your location at your workplace.',
      'location',
      decision.refusal ?? { reason: 'NO_SITE_ASSIGNED' },
    );
  return {
    siteId: check.site?.id ?? null,
    timeZone: check.site?.timeZone ?? null,
    distanceM: check.distanceMetres,
    geofence: sites.length > 0 ? check.verdict : null,
  };
}

/** The employee's primary site (zone and holidays of a shift an admin records), or none. */
export async function primarySite(
  deps: Pick<CoreDeps, 'db'>,
  userId: number,
): Promise<{ siteId: number | null; timeZone: string | null }> {
  const [primary] = await sitesOfUser(deps, userId);
  return { siteId: primary?.id ?? null, timeZone: primary?.timeZone ?? null };
}
