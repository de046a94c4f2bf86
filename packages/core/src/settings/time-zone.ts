/** An IANA zone name as written ("Area/Location", "Etc/GMT-7"), or UTC: not an offset, not "local". */
const IANA_NAME = /^(?:UTC|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+)$/;

/**
 * The IANA time zone a name stands for, in its canonical spelling ("asia/jakarta" →
 * "Asia/Jakarta"), or null when it is no IANA zone this runtime knows: offsets such as "UTC+7" or
 * "+07:00", "local", names Intl does not know. Intl is what every browser and the exports format
 * times with, so a zone it refuses would break them.
 */
export function canonicalTimeZone(name: string): string | null {
  if (!IANA_NAME.test(name)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
