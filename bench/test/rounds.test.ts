import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { windowOrder } from '../src/ab.js';
import {
  formatP,
  formatRounds,
  ROUNDS_NEEDED,
  roundsOfWindows,
  signTestP,
  type RoundWindow,
} from '../src/rounds.js';
import { spreadOf } from '../src/stats.js';

const middle = (values: readonly number[]) => spreadOf(values).median;

/** Windows in bench:ab's order, each side's figures given round by round. */
function windowsOf(current: number[], base: number[]): RoundWindow[] {
  const next = { current: 0, base: 0 };
  return windowOrder(current.length).map((side) => {
    const perSecond = (side === 'current' ? current : base)[next[side]++]!;
    return { side, perSecond, apiCpuMs: 1_000 / perSecond };
  });
}

describe('the sign test of bench:ab', () => {
  it.each([
    // wins, rounds, p: exact binomial tails, doubled
    [0, 0, 1],
    [3, 5, 1],
    [5, 5, 2 / 32],
    [0, 5, 2 / 32],
    [6, 6, 2 / 64],
    [5, 6, (2 * 7) / 64],
    [8, 10, (2 * (45 + 10 + 1)) / 1024],
    [20, 40, 1],
  ])('%i wins of %i rounds: p %f', (wins, rounds, p) => {
    expect(signTestP(wins, rounds)).toBeCloseTo(p, 12);
  });

  it('prints a tiny p as below 0.001, never as 0.000', () => {
    expect(formatP(signTestP(17, 17))).toBe('< 0.001');
    expect(formatP(signTestP(8, 9))).toBe('0.039');
  });

  it('needs six rounds before a clean sweep can show a change at p ≤ 0.05', () => {
    expect(ROUNDS_NEEDED).toBe(6);
    expect(signTestP(5, 5)).toBeGreaterThan(0.05);
    expect(signTestP(6, 6)).toBeLessThanOrEqual(0.05);
  });
});

describe('the rounds of bench:ab', () => {
  it('pairs the two windows of each round, skips the warm-up, and calls a sweep a change', () => {
    const windows = windowsOf(
      [50, 110, 120, 105, 130, 101, 99.5, 140],
      [90, 100, 100, 100, 100, 100, 99, 100],
    );
    const rounds = roundsOfWindows(windows, 2);
    expect(rounds.count).toBe(6);
    expect(rounds.perSecond.ratios.map((ratio) => Number(ratio.toFixed(3)))).toEqual([
      1.2, 1.05, 1.3, 1.01, 1.005, 1.4,
    ]);
    expect(rounds.perSecond).toMatchObject({ better: 6, decided: 6 });
    expect(rounds.apiCpuMs).toMatchObject({ better: 6, decided: 6 });
    expect(formatRounds(rounds).join('\n')).toContain('current faster in 6 of 6 rounds');
    expect(rounds.perSecond.median).toBeCloseTo(1.125, 12);
    expect(formatRounds(rounds).join('\n')).toMatch(
      /req\/s: .*: current faster, median round 1\.13×$/m,
    );
  });

  it('shows no change when a build beats itself by medians but not round after round', () => {
    // Equal builds whose rounds swing up to 37 % either way: the rounds split three and three.
    const rounds = roundsOfWindows(
      windowsOf([330, 240, 300, 250, 320, 235], [240, 330, 250, 300, 235, 320]),
      0,
    );
    expect(rounds.perSecond).toMatchObject({ better: 3, decided: 6 });
    expect(rounds.perSecond.p).toBe(1);
    expect(formatRounds(rounds).join('\n')).toMatch(
      /req\/s: .*: no change shown, median round 1\.02×$/m,
    );
  });

  it('leaves out a round cut short, and says when too few rounds remain to show anything', () => {
    const windows = windowsOf([100, 120, 130], [100, 100, 100]).slice(0, 5);
    const rounds = roundsOfWindows(windows, 1);
    expect(rounds.count).toBe(1);
    expect(formatRounds(rounds).at(-1)).toContain('1 rounds cannot show a change');
  });

  it('counts a base that is better round after round as base faster', () => {
    const rounds = roundsOfWindows(
      windowsOf([90, 91, 92, 93, 94, 95], [100, 100, 100, 100, 100, 100]),
      0,
    );
    expect(formatRounds(rounds).join('\n')).toMatch(
      /req\/s: .*: base faster, median round 0\.9\d×$/m,
    );
    expect(formatRounds(rounds).join('\n')).toMatch(
      /API CPU per request: .*: base cheaper, median round 1\.0\d×$/m,
    );
  });
});

describe('the median round of bench:ab', () => {
  it.each([
    [[1.2], 1.2],
    [[1.3, 0.9], 1.1],
    [[1.4, 0.8, 1.1], 1.1],
    [[0.7, 1.5, 0.9, 1.2], 1.05],
  ])('of %j is %f', (values, expected) => {
    expect(middle(values)).toBeCloseTo(expected, 12);
  });

  it('is NaN with no round', () => {
    expect(middle([])).toBeNaN();
  });

  it('is above 1 exactly when most of an odd number of rounds are, whatever the medians say', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.double({ min: 0.25, max: 4, noNaN: true }), { minLength: 1, maxLength: 41 })
          .filter((ratios) => ratios.length % 2 === 1),
        (ratios) => {
          const above = ratios.filter((ratio) => ratio > 1).length;
          expect(middle(ratios) > 1).toBe(above * 2 > ratios.length);
        },
      ),
    );
  });
});
