import { describe, expect, it } from 'vitest';
import type { LeaveOnDate, PlanKind } from '../status/rules.js';
import { listedOnLeave } from './on-leave.js';

const leave = (part: LeaveOnDate['part']): LeaveOnDate => ({
  typeCode: 'CUTI',
  category: 'annual',
  part,
});

describe('who the dashboard lists as on leave on a date', () => {
  it.each([
    // [what the date is for the person, the leave's part, listed]
    ['work', 'full', true],
    ['work', 'first_half', true],
    // Back by mid-shift from a morning appointment: expected in the afternoon, not on leave.
    ['work', 'second_half', false],
    // A Friday–Monday leave is not leave on the Saturday: the person was not due at work.
    ['off', 'full', false],
    ['off', 'first_half', false],
    ['holiday', 'full', false],
    // No schedule says what the date is: the leave is all that is known, and it is listed.
    ['unscheduled', 'full', true],
    ['unscheduled', 'first_half', true],
  ] as const satisfies readonly (readonly [PlanKind, LeaveOnDate['part'], boolean])[])(
    'on a %s date, a %s leave is listed: %s',
    (plan, part, listed) => {
      expect(listedOnLeave(plan, leave(part))).toBe(listed);
    },
  );
});
