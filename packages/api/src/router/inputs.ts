import { z } from 'zod';
import { canonicalTimeZone, FIRST_HOLIDAY_YEAR, LAST_HOLIDAY_YEAR } from '@absensi/core';

export const idempotencyKey = z.uuid({ message: 'must be a UUID made once for this tap' });
export const isoInstant = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 date-time such as 2026-11-24T08:00:00+07:00',
});
export const localDate = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });
export const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month as YYYY-MM' });
export const localTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time as HH:MM (24-hour)' });
export const id = z.number({ message: 'must be a number' }).int().positive();
export const pageLimit = z.number().int().min(1).max(200).default(50);
export const email = z
  .email({ message: 'must be an email address' })
  .max(191)
  .transform((value) => value.toLowerCase());
export const password = z.string().min(8, { message: 'must be at least 8 characters' }).max(200);
export const personName = z.string().trim().min(1, { message: 'must not be empty' }).max(120);
export const department = z.string().trim().max(120).nullable();

export const location = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  accuracy: z.number().min(0).max(1_000_000).optional(),
});

export const tapInput = z.object({
  idempotencyKey,
  /** The phone's clock at the tap. */
  at: isoInstant.optional(),
  /** The phone's clock when the request left; with `at`, the server finds the tap's true time. */
  sentAt: isoInstant.optional(),
  location: location.optional(),
  note: z.string().trim().max(500).optional(),
});

/**
 * A name people read (a site's, a holiday's): trimmed, not empty, at most `max` characters, and no
 * control characters or line breaks, which would break lists, exports and notifications.
 */
export const displayName = (max: number) =>
  z
    .string({ message: 'must be text' })
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(max, { message: `must be at most ${max} characters` })
    .refine((value) => !/[\p{Cc}\p{Zl}\p{Zp}]/u.test(value), {
      message: 'must not contain control characters or line breaks',
    });
export const latitude = z
  .number({ message: 'must be a number' })
  .min(-90, { message: 'must be a latitude in degrees, from -90 to 90' })
  .max(90, { message: 'must be a latitude in degrees, from -90 to 90' });
export const longitude = z
  .number({ message: 'must be a number' })
  .min(-180, { message: 'must be a longitude in degrees, from -180 to 180' })
  .max(180, { message: 'must be a longitude in degrees, from -180 to 180' });
/** An IANA time zone, turned into its canonical name ("asia/makassar" → "Asia/Makassar"). */
export const ianaTimeZone = z
  .string({ message: 'must be text' })
  .trim()
  .max(64)
  .transform((name, context) => {
    const canonical = canonicalTimeZone(name);
    if (canonical !== null) return canonical;
    context.addIssue({
      code: 'custom',
      message: 'must be an IANA time zone such as Asia/Jakarta, Asia/Makassar or Asia/Jayapura',
    });
    return z.NEVER;
  });
const yearRange = `from ${FIRST_HOLIDAY_YEAR} to ${LAST_HOLIDAY_YEAR}`;
export const calendarYear = z
  .number({ message: 'must be a number' })
  .int({ message: `must be a year ${yearRange}` })
  .min(FIRST_HOLIDAY_YEAR, { message: `must be a year ${yearRange}` })
  .max(LAST_HOLIDAY_YEAR, { message: `must be a year ${yearRange}` });
/** A calendar date "YYYY-MM-DD" in a year from 2000 to 2100. */
export const calendarDate = localDate.refine(
  (date) => {
    // Only the year of a date written as YYYY-MM-DD: the format's own message covers the rest.
    if (!/^\d{4}-/.test(date)) return true;
    const year = Number(date.slice(0, 4));
    return year >= FIRST_HOLIDAY_YEAR && year <= LAST_HOLIDAY_YEAR;
  },
  { message: `must be a date in a year ${yearRange}` },
);

/** An update's input: the `id` of what changes, and its fields, at least one of them given. */
export function changesOf<Fields extends z.ZodRawShape>(fields: Fields) {
  return z
    .object({ id, ...fields })
    .refine(
      (input: Record<string, unknown>) =>
        Object.entries(input).some(([field, value]) => field !== 'id' && value !== undefined),
      { message: 'must change at least one field' },
    );
}
