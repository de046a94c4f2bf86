/**
 * The geofence rule: how far a tap stood from an employee's sites, whether that counts as inside,
 * and what the site's policy makes of it. Pure functions; distances in metres, coordinates in
 * degrees (WGS-84), accuracies in metres as the phone reports them (the radius of 68 % confidence).
 */
import { getDistance, getPreciseDistance } from 'geolib';
import type { GeofencePolicy, GeofenceVerdict } from '@absensi/db';
import type { Refusal } from '../error-reasons.js';

export type { GeofencePolicy, GeofenceVerdict };

/** A position: latitude in [-90, 90] and longitude in [-180, 180] degrees. */
export interface GeoPoint {
  lat: number;
  lng: number;
}

/** The position of a tap, with the phone's accuracy in metres when it gave one. */
export interface PunchLocation extends GeoPoint {
  accuracy?: number | null | undefined;
}

/** What the geofence rule needs of a site. */
export interface GeofenceSite extends GeoPoint {
  id: number;
  name: string;
  /** The geofence's radius around (lat, lng), metres. */
  radiusM: number;
  /** The most of a phone's reported accuracy that may widen the geofence, metres. */
  maxAccuracyM: number;
  geofencePolicy: GeofencePolicy;
}

function assertPoint(point: GeoPoint, label: string) {
  if (!Number.isFinite(point.lat) || point.lat < -90 || point.lat > 90)
    throw new RangeError(`${label}: latitude must be a number of degrees in [-90, 90]`);
  if (!Number.isFinite(point.lng) || point.lng < -180 || point.lng > 180)
    throw new RangeError(`${label}: longitude must be a number of degrees in [-180, 180]`);
}

/**
 * The distance between two positions along the surface of the WGS-84 ellipsoid, in metres rounded
 * to the centimetre: geolib's Vincenty formula (accurate to well under a millimetre), or its
 * great-circle distance on a sphere of the equatorial radius (within 0.5 %) for the nearly
 * antipodal pairs where Vincenty's iteration does not converge.
 * @throws RangeError for a latitude outside [-90, 90] or a longitude outside [-180, 180] degrees.
 */
export function distanceMetres(a: GeoPoint, b: GeoPoint): number {
  assertPoint(a, 'from');
  assertPoint(b, 'to');
  const from = { latitude: a.lat, longitude: a.lng };
  const to = { latitude: b.lat, longitude: b.lng };
  let metres = getPreciseDistance(from, to, 0.01);
  if (Number.isNaN(metres)) metres = getDistance(from, to, 0.01);
  return Math.round(metres * 100) / 100;
}

/**
 * How much a phone's reported accuracy widens a geofence, in metres: the accuracy, at most
 * `maxAccuracyM`; nothing when the phone gave none (or gave nonsense: negative, not a number).
 */
export function accuracyAllowance(accuracy: number | null | undefined, maxAccuracyM: number) {
  if (accuracy === null || accuracy === undefined || !(accuracy > 0)) return 0;
  return Math.min(accuracy, Math.max(0, maxAccuracyM));
}

/** Where a tap stood against the employee's sites. */
export interface GeofenceCheck<S extends GeofenceSite = GeofenceSite> {
  /**
   * The site the tap counts for: the nearest of those it is inside, else the nearest of all; with
   * no position, the first site given (the primary one, from `sitesOfUser`); null with no site.
   */
  site: S | null;
  /** Metres from that site's centre; null with no position or no site. */
  distanceMetres: number | null;
  /** The phone's accuracy in metres, as reported (null when it gave none). */
  accuracyMetres: number | null;
  /** `inside` when distance ≤ radius + min(accuracy, maxAccuracyM); `unknown` with no position or no site. */
  verdict: GeofenceVerdict;
}

/**
 * Checks a tap's position against the employee's sites (`sites`, the primary first). A tap is
 * inside a site when its distance from the centre is at most the radius plus the phone's accuracy,
 * counting at most the site's `maxAccuracyM` of it. Of several sites, the nearest one the tap is
 * inside counts, else the nearest one.
 * @throws RangeError for coordinates out of range (see distanceMetres).
 */
export function geofenceCheck<S extends GeofenceSite>(
  punch: PunchLocation | null | undefined,
  sites: readonly S[],
): GeofenceCheck<S> {
  const accuracyMetres =
    punch?.accuracy !== undefined && punch?.accuracy !== null && Number.isFinite(punch.accuracy)
      ? punch.accuracy
      : null;
  if (!punch || sites.length === 0)
    return { site: sites[0] ?? null, distanceMetres: null, accuracyMetres, verdict: 'unknown' };
  const measured = sites.map((site) => {
    const distance = distanceMetres(punch, site);
    const reach = site.radiusM + accuracyAllowance(punch.accuracy, site.maxAccuracyM);
    return { site, distance, inside: distance <= reach };
  });
  const nearestFirst = (a: (typeof measured)[number], b: (typeof measured)[number]) =>
    a.distance - b.distance;
  const insideOf = measured.filter((entry) => entry.inside).sort(nearestFirst);
  const chosen = insideOf[0] ?? [...measured].sort(nearestFirst)[0]!;
  return {
    site: chosen.site,
    distanceMetres: chosen.distance,
    accuracyMetres,
    verdict: chosen.inside ? 'inside' : 'outside',
  };
}

/** What the tap's geofence check means for it: recorded, recorded with a flag, or refused. */
export type GeofenceOutcome = 'allowed' | 'flagged' | 'refused';

export interface GeofenceDecision {
  outcome: GeofenceOutcome;
  /** The policy applied. */
  policy: GeofencePolicy;
  verdict: GeofenceVerdict;
  /** Id of the site the check counted for, or null. */
  siteId: number | null;
  /** Metres from that site's centre, or null. */
  distanceMetres: number | null;
  /** For `flagged` and `refused`: why, in a sentence the employee can act on. */
  reason: string | null;
  /** The same, as a reason code and its params (the client words it), or null when allowed. */
  refusal: Refusal | null;
}

/** "85 m", "1.3 km": a distance as a person reads it. */
export function formatDistance(metres: number): string {
  return metres < 1_000 ? `${Math.round(metres)} m` : `${(metres / 1_000).toFixed(1)} km`;
}

function outsideReason<S extends GeofenceSite>(check: GeofenceCheck<S>, site: S): string {
  const allowance = accuracyAllowance(check.accuracyMetres, site.maxAccuracyM);
  const reach =
    allowance > 0
      ? `within ${formatDistance(site.radiusM)} (plus ${formatDistance(allowance)} for your phone's accuracy)`
      : `within ${formatDistance(site.radiusM)}`;
  return `You are ${formatDistance(check.distanceMetres ?? 0)} from ${site.name}; you need to be ${reach}.`;
}

/**
 * Applies a geofence policy to a check (by default the policy of the site it counted for; with no
 * site, `off`):
 * - `off`: allowed, whatever the position;
 * - `flag`: allowed inside; outside or without a position, recorded with a flag;
 * - `require`: allowed inside; outside (with the distance in the reason) or without a position,
 *   refused.
 */
export function geofenceDecision<S extends GeofenceSite>(
  check: GeofenceCheck<S>,
  policy: GeofencePolicy = check.site?.geofencePolicy ?? 'off',
): GeofenceDecision {
  const base = {
    policy,
    verdict: check.verdict,
    siteId: check.site?.id ?? null,
    distanceMetres: check.distanceMetres,
  };
  if (policy === 'off' || check.verdict === 'inside')
    return { ...base, outcome: 'allowed', reason: null, refusal: null };
  const site = check.site;
  const refusal: Refusal =
    check.verdict === 'outside' && site
      ? {
          reason: 'OUTSIDE_GEOFENCE',
          params: {
            distanceMetres: Math.round(check.distanceMetres ?? 0),
            radiusMetres: site.radiusM,
            allowanceMetres: Math.round(accuracyAllowance(check.accuracyMetres, site.maxAccuracyM)),
            siteName: site.name,
          },
        }
      : site
        ? { reason: 'LOCATION_NEEDED', params: { siteName: site.name } }
        : { reason: 'NO_SITE_ASSIGNED' };
  const reason =
    check.verdict === 'outside' && site
      ? outsideReason(check, site)
      : site
        ? `${site.name} needs your location to record attendance. Turn on location for this app and try again.`
        : 'Your location could not be checked: you are assigned to no site.';
  return { ...base, outcome: policy === 'require' ? 'refused' : 'flagged', reason, refusal };
}
