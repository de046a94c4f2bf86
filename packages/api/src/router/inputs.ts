import { z } from 'zod';

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
