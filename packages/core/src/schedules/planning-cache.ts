import { repos, type Database, type EmployeeSiteRow } from '@absensi/db';
import type { AssignmentRule, PatternRule, PlanningRules, ShiftTypeRule } from './rules.js';

/**
 * How many people with roster overrides (from a few days ago on), or site assignments, the cache
 * holds; past that it holds none and every clock-in reads its own (as it did before it held any).
 */
export const MAX_PEOPLE_HELD = 50_000;

/** Overrides dated this many days before the load's UTC date or later are held by user. */
const OVERRIDE_DAYS_BACK = 3;

/** Who has a roster override or a site, as of one load: anyone else's clock-in skips those reads. */
interface PeopleWith {
  /** Every override dated on or after this ("YYYY-MM-DD") is of someone in `overrides`. */
  overridesFrom: string;
  /** null: more than MAX_PEOPLE_HELD, so unknown. */
  overrides: ReadonlySet<number> | null;
  /** Each person's active sites, the primary first (absent: none); null: more than MAX_PEOPLE_HELD assignments. */
  sites: ReadonlyMap<number, readonly EmployeeSiteRow[]> | null;
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
    private readonly maxPeopleHeld = MAX_PEOPLE_HELD,
  ) {}

  async get(): Promise<PlanningRules> {
    return (await this.current()).rules;
  }

  /**
   * Whether any of these people may have a roster override dated `from` ("YYYY-MM-DD") or later:
   * false only when the cache knows none has (then their overrides need no read).
   */
  async mayHaveOverrides(userIds: readonly number[], from: string): Promise<boolean> {
    const { overrides, overridesFrom } = (await this.current()).peopleWith;
    if (!overrides || from < overridesFrom) return true;
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
    if (this.cached && Date.now() - this.cached.at < this.ttlMs) return this.cached.value;
    const value = this.load();
    this.cached = { value, at: Date.now() };
    value.catch(() => {
      if (this.cached?.value === value) this.cached = null;
    });
    return value;
  }

  private async load(): Promise<Loaded> {
    const overridesFrom = new Date(Date.now() - OVERRIDE_DAYS_BACK * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const [types, schedules, assignments, holidays, withOverrides, withSites] = await Promise.all([
      repos.schedules.shiftTypes(this.db),
      repos.schedules.schedules(this.db),
      repos.schedules.assignments(this.db),
      repos.holidays.between(this.db, { from: '2000-01-01', to: '2099-12-31' }),
      repos.schedules.usersWithOverridesFrom(this.db, overridesFrom, this.maxPeopleHeld),
      repos.sites.activeOfEveryone(this.db, this.maxPeopleHeld),
    ]);
    const peopleWith: PeopleWith = {
      overridesFrom,
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
