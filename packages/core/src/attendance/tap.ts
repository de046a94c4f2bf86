import type { Source } from '@absensi/db';
import { DomainError } from '../errors.js';
import { effectiveTapTime } from './rules/index.js';

/** One tap of the Clock in / Clock out button, as the PWA sends it. */
export interface TapInput {
  /** A UUID the PWA made once for this tap: a resend gets the first answer. */
  idempotencyKey: string;
  /** The phone's clock at the tap (ISO 8601). */
  at?: string | undefined;
  /** The phone's clock when the request left (ISO 8601). */
  sentAt?: string | undefined;
  /** Where the phone was, in degrees, and how sure it was, in metres. */
  location?: { lat: number; lng: number; accuracy?: number | undefined } | undefined;
  note?: string | undefined;
}

/** The instants of a tap as recorded: the effective time and what it was computed from. */
export interface RecordedTap {
  effectiveAt: Date;
  source: Source;
  receivedAt: Date;
  deviceAt: Date | null;
  deviceSentAt: Date | null;
}

const REFUSALS = {
  too_old:
    'This tap was made more than 3 days ago and can no longer be sent. Ask your administrator to record it.',
  sent_before_tap: 'sentAt: must not be before at (the phone sends a tap after making it)',
  sent_without_tap: 'at: is required with sentAt',
} as const;

/**
 * The tap's effective time, received now (see effectiveTapTime).
 * @throws DomainError INVALID for a tap older than 3 days or inconsistent phone times.
 */
export function recordedTap(receivedAt: Date, input: Pick<TapInput, 'at' | 'sentAt'>): RecordedTap {
  const deviceAt = input.at === undefined ? undefined : new Date(input.at);
  const deviceSentAt = input.sentAt === undefined ? undefined : new Date(input.sentAt);
  const tap = effectiveTapTime({ receivedAt, deviceAt, deviceSentAt });
  if (!tap.ok)
    throw new DomainError(
      'INVALID',
      REFUSALS[tap.reason],
      tap.reason === 'too_old' ? 'at' : 'sentAt',
      tap.reason === 'too_old'
        ? { reason: 'TAP_TOO_OLD', params: { days: 3 } }
        : {
            reason:
              tap.reason === 'sent_before_tap' ? 'TAP_SENT_BEFORE_MADE' : 'TAP_SENT_WITHOUT_TIME',
          },
    );
  return {
    effectiveAt: tap.effectiveAt,
    source: tap.source,
    receivedAt,
    deviceAt: deviceAt ?? null,
    deviceSentAt: deviceSentAt ?? null,
  };
}

/**
 * How a message names an instant in the zone: "08:00" on the local day of `today` (when given),
 * else "24 Nov 08:00".
 */
export function localMoment(instant: Date, timeZone: string, today?: Date): string {
  const day = (date: Date) => date.toLocaleDateString('en-CA', { timeZone });
  const sameDay = today !== undefined && day(instant) === day(today);
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    ...(sameDay ? {} : { day: 'numeric', month: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(instant);
}
