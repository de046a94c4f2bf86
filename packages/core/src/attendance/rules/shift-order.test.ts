import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoClockOutAt } from './auto-clock-out.js';
import {
  MAX_SHIFT_MS,
  overlapping,
  planClockIn,
  planClockOut,
  type ShiftSpan,
} from './shift-order.js';

const JAKARTA = 'Asia/Jakarta';
const jakarta = (local: string) => new Date(`${local}+07:00`);
const span = (
  id: number,
  clockIn: string,
  clockOut: string | null,
  kind: ShiftSpan['clockOutKind'] = clockOut ? 'manual' : null,
): ShiftSpan => ({
  id,
  clockInAt: jakarta(clockIn),
  clockOutAt: clockOut ? jakarta(clockOut) : null,
  clockOutKind: kind,
});

const monday = span(1, '2026-11-23T08:00:00', '2026-11-23T17:00:00');
const mondayAuto = span(2, '2026-11-23T08:00:00', '2026-11-23T23:00:00', 'auto');
const tuesdayOpen = span(3, '2026-11-24T08:00:00', null);

describe('planClockIn', () => {
  const autoAt = (local: string) => autoClockOutAt(jakarta(local), JAKARTA, 23);

  it('opens a shift after every earlier one ended, or at the instant one ended', () => {
    expect(
      planClockIn(
        [monday],
        jakarta('2026-11-24T08:00:00'),
        autoAt('2026-11-24T08:00:00'),
        'online',
      ),
    ).toEqual({ kind: 'open' });
    expect(
      planClockIn(
        [monday],
        jakarta('2026-11-23T17:00:00'),
        autoAt('2026-11-23T17:00:00'),
        'online',
      ),
    ).toEqual({ kind: 'open' });
    expect(
      planClockIn([], jakarta('2026-11-24T08:00:00'), autoAt('2026-11-24T08:00:00'), 'online'),
    ).toEqual({
      kind: 'open',
    });
  });

  it('refuses a tap inside an open shift or a closed one', () => {
    expect(
      planClockIn(
        [tuesdayOpen],
        jakarta('2026-11-24T09:00:00'),
        autoAt('2026-11-24T09:00:00'),
        'online',
      ),
    ).toEqual({
      kind: 'refused',
      reason: 'already_open',
      shift: tuesdayOpen,
    });
    expect(
      planClockIn(
        [monday],
        jakarta('2026-11-23T12:00:00'),
        autoAt('2026-11-23T12:00:00'),
        'online',
      ),
    ).toEqual({
      kind: 'refused',
      reason: 'inside',
      shift: monday,
    });
    expect(
      planClockIn(
        [monday],
        jakarta('2026-11-23T08:00:00'),
        autoAt('2026-11-23T08:00:00'),
        'offline',
      ),
    ).toMatchObject({
      reason: 'inside',
    });
  });

  it('takes an online tap racing just before an open shift as that shift clocking in again', () => {
    const justBefore = new Date(tuesdayOpen.clockInAt.getTime() - 3);
    expect(planClockIn([tuesdayOpen], justBefore, justBefore, 'online')).toEqual({
      kind: 'refused',
      reason: 'already_open',
      shift: tuesdayOpen,
    });
  });

  it('closes a late-synced shift before the next one: at its auto clock-out, or where the next begins', () => {
    // Monday's tap, synced on Tuesday after Tuesday's clock-in.
    expect(
      planClockIn(
        [tuesdayOpen],
        jakarta('2026-11-23T08:00:00'),
        autoAt('2026-11-23T08:00:00'),
        'offline',
      ),
    ).toEqual({ kind: 'closed', clockOutAt: jakarta('2026-11-23T23:00:00') });
    // A night-shift tap at 23:30 whose auto clock-out (23:00 the next day) is after the next shift.
    expect(
      planClockIn(
        [tuesdayOpen],
        jakarta('2026-11-23T23:30:00'),
        autoAt('2026-11-23T23:30:00'),
        'offline',
      ),
    ).toEqual({ kind: 'closed', clockOutAt: jakarta('2026-11-24T08:00:00') });
  });
});

describe('planClockOut', () => {
  it('closes the open shift the tap belongs to', () => {
    expect(planClockOut([monday, tuesdayOpen], jakarta('2026-11-24T17:00:00'))).toEqual({
      kind: 'close',
      shift: tuesdayOpen,
    });
  });

  it("never closes a shift that began after the tap: yesterday's clock-out synced after today's clock-in", () => {
    const mondayOpenThenTuesday = [mondayAuto, tuesdayOpen];
    expect(planClockOut(mondayOpenThenTuesday, jakarta('2026-11-23T17:05:00'))).toEqual({
      kind: 'replace_auto',
      shift: mondayAuto,
    });
    expect(planClockOut([tuesdayOpen], jakarta('2026-11-23T17:05:00'))).toEqual({
      kind: 'refused',
      reason: 'not_clocked_in',
      shift: null,
    });
  });

  it('refuses a second clock-out of a shift its employee or an admin closed', () => {
    expect(planClockOut([monday], jakarta('2026-11-23T18:00:00'))).toEqual({
      kind: 'refused',
      reason: 'closed',
      shift: monday,
    });
    const corrected = { ...monday, clockOutKind: 'correction' as const };
    expect(planClockOut([corrected], jakarta('2026-11-23T16:00:00'))).toMatchObject({
      reason: 'closed',
    });
  });

  it('replaces an automatic end with the real tap, before or after it, up to 24 hours of work', () => {
    expect(planClockOut([mondayAuto], jakarta('2026-11-24T01:30:00'))).toMatchObject({
      kind: 'replace_auto',
    });
    const tooLate = new Date(mondayAuto.clockInAt.getTime() + MAX_SHIFT_MS + 60_000);
    expect(planClockOut([mondayAuto], tooLate)).toMatchObject({
      kind: 'refused',
      reason: 'too_long',
    });
  });
});

describe('overlapping', () => {
  it('finds the shift a span would overlap; touching ends do not overlap', () => {
    expect(
      overlapping([monday], {
        clockInAt: jakarta('2026-11-23T16:00:00'),
        clockOutAt: jakarta('2026-11-23T18:00:00'),
      }),
    ).toBe(monday);
    expect(
      overlapping([monday], {
        clockInAt: jakarta('2026-11-23T17:00:00'),
        clockOutAt: jakarta('2026-11-23T18:00:00'),
      }),
    ).toBeNull();
    expect(
      overlapping([tuesdayOpen], { clockInAt: jakarta('2026-11-24T07:00:00'), clockOutAt: null }),
    ).toBe(tuesdayOpen);
    expect(
      overlapping([tuesdayOpen], {
        clockInAt: jakarta('2026-11-24T06:00:00'),
        clockOutAt: jakarta('2026-11-24T08:00:00'),
      }),
    ).toBeNull();
  });
});

/** Applies plans as the use cases do, to a list of shifts in memory. */
function apply(
  shifts: ShiftSpan[],
  tap: { kind: 'in' | 'out' | 'auto'; at: Date; source: 'online' | 'offline' },
  nextId: () => number,
) {
  if (tap.kind === 'auto') {
    // The auto clock-out job: close every open shift whose auto clock-out time has passed.
    for (const shift of shifts) {
      const due = autoClockOutAt(shift.clockInAt, JAKARTA, 23);
      if (shift.clockOutAt === null && due <= tap.at) {
        shift.clockOutAt = due;
        shift.clockOutKind = 'auto';
      }
    }
    return;
  }
  if (tap.kind === 'in') {
    const plan = planClockIn(shifts, tap.at, autoClockOutAt(tap.at, JAKARTA, 23), tap.source);
    if (plan.kind === 'open')
      shifts.push({ id: nextId(), clockInAt: tap.at, clockOutAt: null, clockOutKind: null });
    if (plan.kind === 'closed')
      shifts.push({
        id: nextId(),
        clockInAt: tap.at,
        clockOutAt: plan.clockOutAt,
        clockOutKind: 'auto',
      });
    return;
  }
  const plan = planClockOut(shifts, tap.at);
  if (plan.kind === 'close' || plan.kind === 'replace_auto') {
    plan.shift.clockOutAt = tap.at;
    plan.shift.clockOutKind = 'manual';
  }
}

describe('any taps in any arrival order', () => {
  it('leave no overlap, no negative shift and at most one open shift, the latest', () => {
    const start = jakarta('2026-11-20T00:00:00').getTime();
    const tap = fc.record({
      kind: fc.constantFrom('in' as const, 'out' as const, 'auto' as const),
      at: fc.integer({ min: 0, max: 6 * 86_400_000 }).map((offset) => new Date(start + offset)),
      source: fc.constantFrom('online' as const, 'offline' as const),
    });
    fc.assert(
      fc.property(fc.array(tap, { maxLength: 40 }), (taps) => {
        const shifts: ShiftSpan[] = [];
        let id = 0;
        for (const each of taps) apply(shifts, each, () => (id += 1));
        const ordered = [...shifts].sort((a, b) => a.clockInAt.getTime() - b.clockInAt.getTime());
        const open = ordered.filter((shift) => shift.clockOutAt === null);
        expect(open.length).toBeLessThanOrEqual(1);
        if (open[0]) expect(ordered[ordered.length - 1]).toBe(open[0]);
        ordered.forEach((shift, index) => {
          if (shift.clockOutAt) expect(shift.clockOutAt >= shift.clockInAt).toBe(true);
          const others = ordered.filter((_, other) => other !== index);
          expect(overlapping(others, shift)).toBeNull();
        });
      }),
      { numRuns: 2_000 },
    );
  });
});
