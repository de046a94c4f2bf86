import type { Assignment, EmployeeSiteRow, GeofencePolicy, Site } from '@absensi/db';

/** A site as clients see it: coordinates in degrees, radius and accuracy cap in metres. */
export interface SiteView {
  id: number;
  name: string;
  lat: number;
  lng: number;
  radiusM: number;
  /** IANA time zone, e.g. Asia/Makassar. */
  timeZone: string;
  geofencePolicy: GeofencePolicy;
  /** The most of a phone's reported accuracy that widens the geofence, metres. */
  maxAccuracyM: number;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/**
 * One of an employee's active sites as the clock-in path needs it: centre (degrees), radius and
 * accuracy cap (metres), geofence policy, IANA time zone, and whether it is their primary site.
 * It is a `GeofenceSite` for `geofenceCheck`.
 */
export type EmployeeSite = EmployeeSiteRow;

/** One of an employee's sites, and whether it is their primary one. */
export interface AssignedSiteView extends SiteView {
  isPrimary: boolean;
}

const iso = (date: Date) => new Date(date).toISOString();

export function siteView(site: Site): SiteView {
  return {
    id: site.id,
    name: site.name,
    lat: Number(site.lat),
    lng: Number(site.lng),
    radiusM: site.radiusM,
    timeZone: site.timeZone,
    geofencePolicy: site.geofencePolicy,
    maxAccuracyM: site.maxAccuracyM,
    active: Boolean(site.active),
    createdAt: iso(site.createdAt),
    updatedAt: iso(site.updatedAt),
  };
}

export function assignedSiteView(assignment: Assignment): AssignedSiteView {
  return { ...siteView(assignment.site), isPrimary: Boolean(assignment.isPrimary) };
}
