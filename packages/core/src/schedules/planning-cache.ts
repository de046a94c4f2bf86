import { repos, type Database, type EmployeeSiteRow } from '@absensi/db';
import type { AssignmentRule, PatternRule, PlanningRules, ShiftTypeRule } from './rules.js';

/**
 * What the cache holds beyond the rules, at most; past a limit it holds none of that kind and every
 * clock-in reads its own, as before it held any. Loading 10,000 site assignments cost ~0.1 s of
 * the process's CPU (MariaDB, 2026-12-02), once per `ttlMs` while clock-ins come: a small
 * company's sites are held, a large one's read per tap.
 */
export const HELD_AT_MOST = { rosteredPeople: 10_000, siteAssignments: 5_000 };

/**
 * Overrides dated from this many days before the load's UTC date to this many after are held by
 * person: a clock-in now reads the days around its local date, in any zone.
 */
const OVERRIDE_DAYS_BACK = 3;
const OVERRIDE_DAYS_AHEAD = 2;

/** Who has a roster override, and everyone's sites, as of one load. */
interface PeopleWith {
  /** Every override dated in this range ("YYYY-MM-DD", inclusive) is of someone in `overrides`. */
  overridesIn: { from: string; to: string };
  /** null: more than `rosteredPeople`, so unknown. */
  overrides: ReadonlySet<number> | null;
  /** Each person's active sites, the primary first (absent: none); null: too many to hold. */
  sites: ReadonlyMap<number, readonly EmployeeSiteRow[]> | null;
}

/**
 * The dates ("YYYY-MM-DD", inclusive) whose overrides a load at `nowMs` holds by person: from
 * OVERRIDE_DAYS_BACK UTC days before to OVERRIDE_DAYS_AHEAD after, wide enough for the days a
 * clock-in reads (the day before its local date to the day after) in any zone, UTC−12 to UTC+14.
 */
export function overrideWindow(nowMs: number): { from: string; to: string } {
  const utcDate = (days: number) => new Date(nowMs + days * 86_400_000).toISOString().slice(0, 10);
  return { from: utcDate(-OVERRIDE_DAYS_BACK), to: utcDate(OVERRIDE_DAYS_AHEAD) };
}

interface Loaded {
  rules: PlanningRules;
  peopleWith: PeopleWith;
}

/**
 * The shift types, active schedules, assignments and holidays, read at most every `ttlMs` per
 * process: every clock-in needs them, they are small, and they change rarely. With them, who has a
 * roster override, and everyone's sites, so that a clock-in needs neither read. A change made
 * through this process is seen at once (`invalidate`, called after commit: `schedules` for the
 * roster, `calendar` for sites); one made elsewhere within `ttlMs`, as for the schedules.
 */
export class PlanningCache {
  private cached: { value: Promise<Loaded>; at: number } | null = null;

  constructor(
    private readonly db: Database,
    private readonly ttlMs = 5_000,
    private readonly heldAtMost = HELD_AT_MOST,
  ) {}

  async get(): Promise<PlanningRules> {
    return (await this.current()).rules;
  }

  /**
   * Whether any of these people may have a roster override dated in `range` ("YYYY-MM-DD",
   * inclusive): false only when the cache knows none has (then their overrides need no read).
   */
  async mayHaveOverrides(
    userIds: readonly number[],
    range: { from: string; to: string },
  ): Promise<boolean> {
    const { overrides, overridesIn } = (await this.current()).peopleWith;
    if (!overrides || range.from < overridesIn.from || range.to > overridesIn.to) return true;
    return userIds.some((id) => overrides.has(id));
  }

  /**
   * The person's active sites, the primary first, then by name (`repos.sites.activeOfUser`'s
   * order); null when the cache holds no one's (too many assignments): then read them.
   */
  async sitesOf(userId: number): Promise<readonly EmployeeSiteRow[] | null> {
    const { sites } = (await this.current()).peopleWith;
    return sites ? (sites.get(userId) ?? []) : null;
  }

  invalidate(): void {
    this.cached = null;
  }

  private current(): Promise<Loaded> {
    // performance.now(): a wall clock set back would keep the cache for as long.
    if (this.cached && performance.now() - this.cached.at < this.ttlMs) return this.cached.value;
    const value = this.load();
    this.cached = { value, at: performance.now() };
    value.catch(() => {
      if (this.cached?.value === value) this.cached = null;
    });
    return value;
  }

  private async load(): Promise<Loaded> {
    const overridesIn = overrideWindow(Date.now());
    const [types, schedules, assignments, holidays, withOverrides, withSites] = await Promise.all([
      repos.schedules.shiftTypes(this.db),
      repos.schedules.schedules(this.db),
      repos.schedules.assignments(this.db),
      repos.holidays.between(this.db, { from: '2000-01-01', to: '2099-12-31' }),
      repos.schedules.usersWithOverridesBetween(
        this.db,
        overridesIn,
        this.heldAtMost.rosteredPeople,
      ),
      repos.sites.activeOfEveryone(this.db, this.heldAtMost.siteAssignments),
    ]);
    const peopleWith: PeopleWith = {
      overridesIn,
      overrides: withOverrides && new Set(withOverrides),
      sites: withSites,
    };
    const shiftTypes = new Map<number, ShiftTypeRule>(
      types.map((type) => [
        type.id,
        {
          id: type.id,
          name: type.name,
          code: type.code,
          color: type.color,
          startTime: type.startTime,
          endTime: type.endTime,
          lateGraceMinutes: type.lateGraceMinutes,
          earlyLeaveGraceMinutes: type.earlyLeaveGraceMinutes,
          breakMinutes: type.breakMinutes,
          autoClockOutAfterMinutes: type.autoClockOutAfterMinutes,
          overtimeMinimumMinutes: type.overtimeMinimumMinutes,
          overtimeRoundingMinutes: type.overtimeRoundingMinutes,
        },
      ]),
    );
    const patterns = new Map<number, PatternRule>(
      schedules
        .filter(({ schedule }) => Boolean(schedule.active))
        .map(({ schedule, days }) => [
          schedule.id,
          {
            id: schedule.id,
            kind: schedule.kind,
            cycleDays: schedule.cycleDays,
            anchorDate: schedule.anchorDate,
            days,
          },
        ]),
    );
    const rules: AssignmentRule[] = assignments.map((assignment) => ({
      scheduleId: assignment.scheduleId,
      userId: assignment.userId,
      department: assignment.department,
      validFrom: assignment.validFrom,
      validTo: assignment.validTo,
    }));
    return {
      rules: {
        shiftTypes,
        patterns,
        assignments: rules,
        holidays: holidays.map((holiday) => ({
          date: holiday.date,
          name: holiday.name,
          kind: holiday.kind,
          siteId: holiday.siteId,
        })),
      },
      peopleWith,
    };
  }
}
