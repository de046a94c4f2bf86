/**
 * A time zone this browser can format times in. A zone Intl refuses (one saved before the server
 * checked zones, such as "UTC+7", or a name this browser's zone data lacks) would throw a
 * RangeError in every screen that shows a time: it is replaced by DEFAULT_ZONE, and the app says
 * so (ZoneNotice) instead of showing its crash page to everyone.
 */
import { DEFAULT_ZONE } from './default-zone.js';

const known = new Map<string, boolean>();
const refused = new Set<string>();
const listeners = new Set<() => void>();

function accepted(zone: string): boolean {
  let ok = known.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      ok = true;
    } catch {
      ok = false;
    }
    known.set(zone, ok);
  }
  return ok;
}

/** `zone` when this browser knows it, else DEFAULT_ZONE (and the refused zone is remembered). */
export function usableZone(zone: string | null | undefined): string {
  if (!zone) return DEFAULT_ZONE;
  if (accepted(zone)) return zone;
  if (!refused.has(zone)) {
    refused.add(zone);
    // Told after the render that asked (this runs inside one): React allows no update meanwhile.
    queueMicrotask(() => {
      for (const listener of listeners) listener();
    });
  }
  return DEFAULT_ZONE;
}

/** The zones refused so far, and a way to hear of the next one (for ZoneNotice). */
export const refusedZones = {
  get list(): string[] {
    return [...refused];
  },
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
};
