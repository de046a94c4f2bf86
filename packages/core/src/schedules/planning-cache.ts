import { repos, type Database } from '@absensi/db';
import type { AssignmentRule, PatternRule, PlanningRules, ShiftTypeRule } from './rules.js';

/**
 * The shift types, active schedules, assignments and holidays, read at most every `ttlMs` per
 * process:
 * every clock-in needs them, they are small, and they change rarely. A change made through this
 * process is seen at once (`invalidate`, called after commit); one made elsewhere within `ttlMs`.
 */
export class PlanningCache {
  private cached: { value: Promise<PlanningRules>; at: number } | null = null;

  constructor(
    private readonly db: Database,
    private readonly ttlMs = 5_000,
  ) {}

  get(): Promise<PlanningRules> {
    if (this.cached && Date.now() - this.cached.at < this.ttlMs) return this.cached.value;
    const value = this.load();
    this.cached = { value, at: Date.now() };
    value.catch(() => {
      if (this.cached?.value === value) this.cached = null;
    });
    return value;
  }

  invalidate(): void {
    this.cached = null;
  }

  private async load(): Promise<PlanningRules> {
    const [types, schedules, assignments, holidays] = await Promise.all([
      repos.schedules.shiftTypes(this.db),
      repos.schedules.schedules(this.db),
      repos.schedules.assignments(this.db),
      repos.holidays.between(this.db, { from: '2000-01-01', to: '2099-12-31' }),
    ]);
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
      shiftTypes,
      patterns,
      assignments: rules,
      holidays: holidays.map((holiday) => ({
        date: holiday.date,
        name: holiday.name,
        kind: holiday.kind,
        siteId: holiday.siteId,
      })),
    };
  }
}
