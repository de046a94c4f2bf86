/** Employees handed out to the steps, each once (a clock-in needs someone not yet clocked in). */
import type { Plan } from './plans.js';
import type { Employee } from './setup.js';

/** Takes employees off a list, each once. */
export class Roster {
  private next = 0;
  constructor(private readonly employees: Employee[]) {}
  take(count: number): Employee[] {
    const taken = this.employees.slice(this.next, this.next + count);
    this.next += taken.length;
    return taken;
  }
  get left() {
    return this.employees.length - this.next;
  }
}

/** Clock-ins one side can take in a plan: its rush steps and `perRepeatExtra` per repeat, and the warm-up. */
export function employeesNeeded(plan: Plan, perRepeatExtra: number) {
  const perRepeat =
    plan.rushRates.reduce((sum, rate) => sum + rate * plan.stepSeconds, 0) + perRepeatExtra;
  return plan.repeats * perRepeat + plan.warmup.windows * plan.warmup.maxPerWindow;
}

/** Clock-ins a side measured only closed loop (warm-up and capacity steps) can take in a plan. */
export function capacityEmployeesNeeded(plan: Plan) {
  return plan.repeats * plan.capacity.maxPerStep + plan.warmup.windows * plan.warmup.maxPerWindow;
}
