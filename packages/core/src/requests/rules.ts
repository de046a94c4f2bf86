/**
 * Pure rules of requests: what a leave takes from the allowance, and which attachments are kept.
 */
import type { DayPlan } from '../schedules/rules.js';

/** The largest attachment kept, in bytes (a phone photo of a doctor's note, downscaled). */
export const MAX_ATTACHMENT_BYTES = 180 * 1024;

export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** The image type the bytes really are (by their signature), or null for anything else. */
export function sniffImage(bytes: Uint8Array): AttachmentType | null {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/**
 * Working days a leave takes from the allowance: the dates the person is scheduled to work (off
 * days and holidays do not count), half of one for a half-day leave.
 */
export function leaveDaysOf(
  plans: readonly DayPlan[],
  part: 'full' | 'first_half' | 'second_half',
): number {
  const workDays = plans.filter((plan) => plan.kind === 'work').length;
  return part === 'full' ? workDays : workDays * 0.5;
}

/** The longest leave one request may ask for, in calendar days. */
export const MAX_LEAVE_SPAN_DAYS = 366;
