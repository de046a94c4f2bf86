/**
 * Overtime: the minutes worked beyond the scheduled shift (all of them on a rest day or a
 * holiday), counted from a threshold and rounded down, and the weighted hours payroll multiplies
 * by the hourly wage (1/173 of the monthly wage). Pure: rules that decide pay.
 *
 * The default rule set is Indonesia's PP 35/2021 (Peraturan Pemerintah No. 35 Tahun 2021, art.
 * 31–32): on a work day the first hour counts 1.5× and every further hour 2×; on a weekly rest day
 * or a public holiday, in a 6-day week hours 1–7 count 2×, the 8th 3×, the 9th–11th 4× (when the
 * holiday falls on the shortest work day: 1–5 2×, the 6th 3×, 7th–9th 4×), and in a 5-day week
 * hours 1–8 2×, the 9th 3×, the 10th–12th 4×. Overtime on a work day is limited to 4 hours a day
 * and 18 a week (art. 26), not counting rest days and holidays.
 */

/** One band of overtime hours and what each hour in it is worth. */
export interface Band {
  /** Hours of overtime this band covers (the last band may be Infinity). */
  hours: number;
  multiplier: number;
}

export interface OvertimeRuleSet {
  name: string;
  workDay: readonly Band[];
  restDaySixDayWeek: readonly Band[];
  restDaySixDayWeekShortestDay: readonly Band[];
  restDayFiveDayWeek: readonly Band[];
  /** Legal limits on work days, hours. */
  dailyLimitHours: number;
  weeklyLimitHours: number;
}

export const PP_35_2021: OvertimeRuleSet = {
  name: 'PP 35/2021',
  workDay: [
    { hours: 1, multiplier: 1.5 },
    { hours: Infinity, multiplier: 2 },
  ],
  restDaySixDayWeek: [
    { hours: 7, multiplier: 2 },
    { hours: 1, multiplier: 3 },
    { hours: Infinity, multiplier: 4 },
  ],
  restDaySixDayWeekShortestDay: [
    { hours: 5, multiplier: 2 },
    { hours: 1, multiplier: 3 },
    { hours: Infinity, multiplier: 4 },
  ],
  restDayFiveDayWeek: [
    { hours: 8, multiplier: 2 },
    { hours: 1, multiplier: 3 },
    { hours: Infinity, multiplier: 4 },
  ],
  dailyLimitHours: 4,
  weeklyLimitHours: 18,
};

/** The rule sets a company can choose from (settings.overtimeRules), by key. */
export const OVERTIME_RULE_SETS = { PP_35_2021 } as const satisfies Record<string, OvertimeRuleSet>;
export type OvertimeRuleSetKey = keyof typeof OVERTIME_RULE_SETS;
export const OVERTIME_RULE_SET_KEYS = Object.keys(OVERTIME_RULE_SETS) as [OvertimeRuleSetKey];
export function isOvertimeRuleSetKey(key: string): key is OvertimeRuleSetKey {
  return Object.hasOwn(OVERTIME_RULE_SETS, key);
}
export type WorkWeek = 'five_day' | 'six_day';

/** The kind of day overtime falls on, for the bands that weigh it. */
export type OvertimeDay =
  | { kind: 'work_day' }
  | { kind: 'rest_day'; week: 'five_day' | 'six_day'; shortestWorkDay?: boolean };

/** The bands of a day under a rule set. */
export function bandsFor(rules: OvertimeRuleSet, day: OvertimeDay): readonly Band[] {
  if (day.kind === 'work_day') return rules.workDay;
  if (day.week === 'five_day') return rules.restDayFiveDayWeek;
  return day.shortestWorkDay ? rules.restDaySixDayWeekShortestDay : rules.restDaySixDayWeek;
}

/**
 * Weighted hours of `minutes` of overtime on a day: each part of an hour weighs what its band says
 * (90 minutes on a work day: 1 × 1.5 + 0.5 × 2 = 2.5).
 */
export function weightedHours(minutes: number, bands: readonly Band[]): number {
  let left = Math.max(0, minutes) / 60;
  let weighted = 0;
  for (const band of bands) {
    if (left <= 0) break;
    const taken = Math.min(left, band.hours);
    weighted += taken * band.multiplier;
    left -= taken;
  }
  return Math.round(weighted * 1000) / 1000;
}

/** How a shift type counts overtime: the minutes below which none counts, and the rounding step. */
export interface OvertimePolicy {
  /** Overtime shorter than this counts as none (minutes). */
  minimumMinutes: number;
  /** Counted overtime is rounded down to a multiple of this (minutes; 1: no rounding). */
  roundingMinutes: number;
}

/**
 * Overtime minutes of a shift: on a work day, minutes worked after the scheduled end (a late start
 * is not made up by staying later: payroll pays time beyond the schedule) plus minutes before the
 * scheduled start; on a rest day or holiday, every minute worked. Below the policy's minimum none
 * counts; the rest is rounded down to the policy's step.
 */
export function overtimeMinutes(
  worked: { clockInAt: Date; clockOutAt: Date },
  scheduled: { start: Date; end: Date } | null,
  policy: OvertimePolicy,
): number {
  const minutes = (from: Date, to: Date) =>
    Math.max(0, Math.floor((to.getTime() - from.getTime()) / 60_000));
  const raw = scheduled
    ? minutes(scheduled.end, worked.clockOutAt) + minutes(worked.clockInAt, scheduled.start)
    : minutes(worked.clockInAt, worked.clockOutAt);
  if (raw < policy.minimumMinutes) return 0;
  const step = Math.max(1, policy.roundingMinutes);
  return Math.floor(raw / step) * step;
}

export interface LimitFlags {
  /** More than the daily limit on a work day. */
  overDailyLimit: boolean;
  /** More than the weekly limit, counting work days only. */
  overWeeklyLimit: boolean;
}

/**
 * The legal-limit flags of each day's overtime in one week: a work day over `dailyLimitHours`, and
 * every work day from the one that takes the week's work-day overtime past `weeklyLimitHours`.
 * `days`: the week's overtime, in date order.
 */
export function limitFlags(
  rules: Pick<OvertimeRuleSet, 'dailyLimitHours' | 'weeklyLimitHours'>,
  days: readonly { minutes: number; day: OvertimeDay }[],
): LimitFlags[] {
  let weekMinutes = 0;
  return days.map(({ minutes, day }) => {
    if (day.kind !== 'work_day') return { overDailyLimit: false, overWeeklyLimit: false };
    weekMinutes += minutes;
    return {
      overDailyLimit: minutes > rules.dailyLimitHours * 60,
      overWeeklyLimit: minutes > 0 && weekMinutes > rules.weeklyLimitHours * 60,
    };
  });
}

/** Why overtime for a date cannot be filed again (a reason code of ERROR_REASONS). */
export type OvertimeClaimRefusal = 'OVERTIME_ALREADY_APPROVED' | 'OVERTIME_ALREADY_CLAIMED';

/**
 * Whether one more overtime request may be filed for a person's date, given the overtime requests
 * already standing for that date (their states; cancelled and declined ones do not stand): pay is
 * counted once per date, so a date with approved overtime refuses with OVERTIME_ALREADY_APPROVED
 * (whatever else is pending), one with a claim still pending with OVERTIME_ALREADY_CLAIMED, and
 * one with neither takes the claim (null). The caller decides under the person's row lock, so two
 * claims sent at once see each other.
 */
export function overtimeClaimRefusal(
  standing: readonly { state: string }[],
): OvertimeClaimRefusal | null {
  if (standing.some((request) => request.state === 'approved')) return 'OVERTIME_ALREADY_APPROVED';
  if (standing.some((request) => request.state === 'pending')) return 'OVERTIME_ALREADY_CLAIMED';
  return null;
}
