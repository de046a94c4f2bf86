import type { Inputs, Outputs } from '../../api/types';

export type Site = Outputs['admin']['sites']['list'][number];
export type Policy = Site['geofencePolicy'];

/** Indonesia's three zones first (WIB, WITA, WIT); any other IANA zone may be typed. */
export const INDONESIAN_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;

/** The site form's fields, numbers as the inputs hold them. */
export interface SiteDraft {
  name: string;
  lat: string;
  lng: string;
  radiusM: string;
  timeZone: string;
  geofencePolicy: Policy;
  maxAccuracyM: string;
  active: boolean;
}

export function siteDraftOf(site: Site | null): SiteDraft {
  return {
    name: site?.name ?? '',
    lat: site ? String(site.lat) : '',
    lng: site ? String(site.lng) : '',
    radiusM: String(site?.radiusM ?? 100),
    timeZone: site?.timeZone ?? 'Asia/Jakarta',
    geofencePolicy: site?.geofencePolicy ?? 'flag',
    maxAccuracyM: String(site?.maxAccuracyM ?? 100),
    active: site?.active ?? true,
  };
}

/**
 * Reads "-6.2, 106.8" (as a map app copies a position) into latitude and longitude, or null when
 * the text is not two numbers.
 */
export function parseCoordinates(text: string): { lat: string; lng: string } | null {
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*[,;\s]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  return match ? { lat: match[1]!, lng: match[2]! } : null;
}

/** `admin.sites.create`'s input from the form (a comma taken as a decimal point). */
export function siteInput(draft: SiteDraft): Inputs['admin']['sites']['create'] {
  const number = (text: string) => Number(text.trim().replace(',', '.'));
  return {
    name: draft.name,
    lat: number(draft.lat),
    lng: number(draft.lng),
    radiusM: Math.round(number(draft.radiusM)),
    timeZone: draft.timeZone.trim(),
    geofencePolicy: draft.geofencePolicy,
    maxAccuracyM: Math.round(number(draft.maxAccuracyM)),
  };
}
