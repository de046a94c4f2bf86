/**
 * The verdict of `npm run bench:ab`, round by round. Its windows alternate (current, base, base,
 * current, …), so each round's two windows are taken back to back, under the same load of the
 * machine. On this shared VM a build measured against itself has read 0.96× and 1.27× (req/s,
 * medians of five windows): a ratio of medians alone cannot tell a change from the machine's
 * drift. A sign test over the rounds can: a change is shown when one side wins so many rounds that
 * equal builds would do so less than once in twenty.
 */

import { spreadOf } from './stats.js';

/** One measured window, as far as the verdict needs it. */
export interface RoundWindow {
  side: 'current' | 'base';
  perSecond: number;
  apiCpuMs: number;
}

/** How one measure went over the rounds. */
export interface RoundsOf {
  /** current ÷ base in each round, in order. */
  ratios: number[];
  /**
   * The middle of `ratios` (the mean of the middle two when even; NaN with no round): unlike the
   * ratio of the sides' medians, it never contradicts the split, being above 1 only when more than
   * half the rounds are.
   */
  median: number;
  /** Rounds in which current did better (more requests per second; less CPU per request). */
  better: number;
  /** Rounds with a ratio other than exactly 1 (a tie says nothing either way). */
  decided: number;
  /** Two-sided sign test: the chance of a split at least this uneven between equal builds. */
  p: number;
}

export interface Rounds {
  /** Complete rounds after the warm-up (a round cut short by `--employees` is left out). */
  count: number;
  perSecond: RoundsOf;
  apiCpuMs: RoundsOf;
}

/** The chance p ≤ which a split is called a change. */
export const SHOWN_AT_P = 0.05;

/** The fewest rounds in which a clean sweep is a shown change (2 ÷ 2^n ≤ SHOWN_AT_P): 6. */
export const ROUNDS_NEEDED = Math.ceil(Math.log2(2 / SHOWN_AT_P));

/** C(n, k), exact for the small n of a run (n ≤ 40). */
function choose(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i += 1) result = (result * (n - k + i)) / i;
  return result;
}

/**
 * Two-sided sign test: the probability that n fair coin flips split at least as unevenly as
 * `wins` against `n − wins`. 1 when n is 0. Source: the binomial sign test (e.g. Conover,
 * Practical Nonparametric Statistics, 3rd ed., §3.4).
 */
export function signTestP(wins: number, n: number): number {
  if (n === 0) return 1;
  const most = Math.max(wins, n - wins);
  let tail = 0;
  for (let k = most; k <= n; k += 1) tail += choose(n, k);
  return Math.min(1, (2 * tail) / 2 ** n);
}

function roundsOf(ratios: number[], betterWhen: (ratio: number) => boolean): RoundsOf {
  const decided = ratios.filter((ratio) => ratio !== 1);
  const better = decided.filter(betterWhen).length;
  return {
    ratios,
    median: spreadOf(ratios).median,
    better,
    decided: decided.length,
    p: signTestP(better, decided.length),
  };
}

/**
 * Pairs the windows into rounds (windows 2r and 2r+1, one of each side), skips the first
 * `warmupRounds`, and compares the sides round by round.
 */
export function roundsOfWindows(windows: readonly RoundWindow[], warmupRounds: number): Rounds {
  const pairs: { current: RoundWindow; base: RoundWindow }[] = [];
  for (let index = 0; index + 1 < windows.length; index += 2) {
    const [first, second] = [windows[index]!, windows[index + 1]!];
    if (first.side === second.side) continue;
    pairs.push(
      first.side === 'current'
        ? { current: first, base: second }
        : { current: second, base: first },
    );
  }
  const measured = pairs.slice(warmupRounds);
  return {
    count: measured.length,
    perSecond: roundsOf(
      measured.map((pair) => pair.current.perSecond / pair.base.perSecond),
      (ratio) => ratio > 1,
    ),
    apiCpuMs: roundsOf(
      measured.map((pair) => pair.current.apiCpuMs / pair.base.apiCpuMs),
      (ratio) => ratio < 1,
    ),
  };
}

/** A probability to three places; below 0.001, said so rather than printed as 0.000. */
export function formatP(p: number): string {
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

/** One line per measure: the round ratios, the split, what it shows and the middle round's ratio. */
export function formatRounds(rounds: Rounds): string[] {
  const line = (name: string, of: RoundsOf, better: string) => {
    const verdict =
      of.p <= SHOWN_AT_P
        ? of.better * 2 > of.decided
          ? `current ${better}`
          : `base ${better}`
        : 'no change shown';
    return `${name}: ${of.ratios.map((ratio) => ratio.toFixed(2)).join(' ')}; current ${better} in ${of.better} of ${of.decided} rounds (sign test p ${formatP(of.p)}): ${verdict}, median round ${of.median.toFixed(2)}×`;
  };
  const lines = [
    `round by round, current ÷ base (${rounds.count} rounds, a change is shown at p ≤ ${SHOWN_AT_P}):`,
    line('req/s', rounds.perSecond, 'faster'),
    line('API CPU per request', rounds.apiCpuMs, 'cheaper'),
  ];
  if (rounds.count < ROUNDS_NEEDED)
    lines.push(
      `${rounds.count} rounds cannot show a change (a clean sweep of them has p ${formatP(signTestP(rounds.count, rounds.count))}): take --windows of at least ${ROUNDS_NEEDED} plus --warmup`,
    );
  return lines;
}
