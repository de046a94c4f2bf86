/**
 * The shift rules a clock-in applies, for the equal-work floor: the company's policy from the
 * settings row (read at most every 5 s per process, as the API nodes cache it), the work date in the
 * company's time zone, and lateness against the shift start plus grace minutes.
 */
import type { Pool, RowDataPacket } from 'mysql2/promise';
import { DEFAULT_SETTINGS } from '@absensi/db';

export interface ShiftPolicy {
  timeZone: string;
  /** Local shift start, "HH:MM". */
  shiftStart: string;
  graceMinutes: number;
}

export interface ClockInRules {
  /** "YYYY-MM-DD" in the company's time zone. */
  workDate: string;
  status: 'on_time' | 'late';
  /** Minutes after the shift start when late, else 0. */
  lateMinutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Work date and lateness of a clock-in at `instant`. Local minutes since midnight stand in for the
 * instant of the shift start, which is the same but on a day the zone changes its offset.
 */
export function clockInRules(instant: Date, policy: ShiftPolicy): ClockInRules {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(policy.timeZone).formatToParts(instant))
    parts[part.type] = part.value;
  const workDate = `${parts.year}-${parts.month}-${parts.day}`;
  const [startHour, startMinute] = policy.shiftStart.split(':').map(Number);
  const minutesAfterStart =
    Number(parts.hour) * 60 + Number(parts.minute) - (startHour! * 60 + startMinute!);
  return minutesAfterStart <= policy.graceMinutes
    ? { workDate, status: 'on_time', lateMinutes: 0 }
    : { workDate, status: 'late', lateMinutes: minutesAfterStart };
}

/** The settings row's policy, read again when older than `ttlMs` (ms); the defaults when there is no row. */
export class PolicyCache {
  private cached: { policy: ShiftPolicy; at: number } | null = null;

  constructor(
    private readonly pool: Pool,
    private readonly fallbackTimeZone: string,
    private readonly ttlMs = 5_000,
  ) {}

  async get(): Promise<ShiftPolicy> {
    if (this.cached && Date.now() - this.cached.at < this.ttlMs) return this.cached.policy;
    const [rows] = await this.pool.execute<RowDataPacket[]>(
      'SELECT time_zone, shift_start, grace_minutes FROM settings WHERE id = 1',
    );
    const row = rows[0];
    const policy: ShiftPolicy = row
      ? {
          timeZone: String(row.time_zone),
          shiftStart: String(row.shift_start),
          graceMinutes: Number(row.grace_minutes),
        }
      : {
          timeZone: this.fallbackTimeZone,
          shiftStart: DEFAULT_SETTINGS.shiftStart,
          graceMinutes: DEFAULT_SETTINGS.graceMinutes,
        };
    this.cached = { policy, at: Date.now() };
    return policy;
  }
}
