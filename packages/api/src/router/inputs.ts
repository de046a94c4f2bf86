import { z } from 'zod';

/**
 * Dates an attendance record can have: from 2000 to 2099 (as written, in the date's own zone). A
 * year such as 0000 or 9999 is a typing slip, and would count billions of worked minutes.
 */
export const YEARS = { earliest: 2000, latest: 2099 } as const;
const SANE_YEAR = {
  message: `must be in the years ${YEARS.earliest} to ${YEARS.latest}`,
};
/** The year of a value written from its year on (only that: the format's own message covers the rest). */
const saneYear = (value: string) => {
  if (!/^\d{4}/.test(value)) return true;
  const year = Number(value.slice(0, 4));
  return year >= YEARS.earliest && year <= YEARS.latest;
};
import {
  canonicalTimeZone,
  EXPORT_LANGUAGES,
  FIRST_HOLIDAY_YEAR,
  LAST_HOLIDAY_YEAR,
} from '@absensi/core';

export const idempotencyKey = z.uuid({ message: 'must be a UUID made once for this tap' });
export const isoInstant = z.iso
  .datetime({
    offset: true,
    message: 'must be an ISO 8601 date-time such as 2026-11-24T08:00:00+07:00',
  })
  .refine(saneYear, SANE_YEAR);
export const localDate = z.iso
  .date({ message: 'must be a date as YYYY-MM-DD' })
  .refine(saneYear, SANE_YEAR);
export const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month as YYYY-MM' })
  .refine(saneYear, SANE_YEAR);
/** The language of an exported file's headers and words: Indonesian unless the admin reads English. */
export const exportLanguage = z
  .enum(EXPORT_LANGUAGES, { message: 'must be id or en' })
  .default('id');
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
/** Bidi embeddings, overrides and isolates: they make text display in another order than it reads. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;
const CONTROLS = /\p{Cc}/u;
const CONTROLS_BUT_LINE_BREAKS = /(?![\n\r\t])\p{Cc}/u;
/** Half of a character (a lone UTF-16 surrogate): no database stores it as text. */
const BROKEN = /\p{Cs}/u;
/** What shows nothing: text of only these is empty, however long. */
const INVISIBLE =
  /[\s\u00AD\u115F\u1160\u180E\u200B-\u200F\u2060-\u2064\u3164\uFEFF\uFFA0]|\u034F/gu;

/**
 * Text a person typed for others to read (a name, a department, a note): trimmed, at most `max`
 * characters, with something visible in it (at least `min` characters once invisible ones are taken
 * out), no control characters (a multi-line note keeps line breaks and tabs), no bidi overrides
 * and no broken characters.
 */
export function visibleText(options: {
  max: number;
  min?: number;
  minMessage?: string;
  multiline?: boolean;
}) {
  const min = options.min ?? 1;
  return z
    .string({ message: 'must be text' })
    .trim()
    .max(options.max, { message: `must be at most ${options.max} characters` })
    .refine((value) => !BROKEN.test(value), {
      message: 'must be readable text (it holds a broken character)',
    })
    .refine((value) => !(options.multiline ? CONTROLS_BUT_LINE_BREAKS : CONTROLS).test(value), {
      message: options.multiline
        ? 'must not contain control characters (line breaks and tabs are fine)'
        : 'must not contain control characters such as line breaks or tabs',
    })
    .refine((value) => !BIDI_CONTROLS.test(value), {
      message:
        'must not contain characters that reverse the text direction (U+202A–U+202E, U+2066–U+2069)',
    })
    .refine((value) => value.replace(INVISIBLE, '').length >= min, {
      message: options.minMessage ?? 'must not be empty',
    });
}

export const personName = visibleText({ max: 120 });
/** A department's name, or null for none. */
export const department = visibleText({ max: 120 }).nullable();
/** A note on a record (one or more lines). */
export const note = visibleText({ max: 500, multiline: true });
/** Why a record was corrected, for its audit trail. */
export const reason = visibleText({
  max: 500,
  min: 5,
  minMessage: 'must say why, in at least 5 characters',
  multiline: true,
});

/** An IANA time zone name, stored in its canonical spelling ("asia/jakarta" → "Asia/Jakarta"). */
export const timeZone = z.string({ message: 'must be text' }).transform((value, context) => {
  const zone = canonicalTimeZone(value.trim());
  if (zone) return zone;
  context.addIssue({
    code: 'custom',
    message: 'must be an IANA time zone such as Asia/Jakarta (not an offset such as UTC+7)',
  });
  return z.NEVER;
});

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
  note: note.optional(),
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
/** A calendar date "YYYY-MM-DD" in a year from 2000 to 2099. */
export const calendarDate = localDate;

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
