import { describe, expect, it } from 'vitest';
import { testEnvironment } from '@absensi/config';
import { runBench } from '../src/bench.js';
import { PLANS } from '../src/plans.js';
import { formatCapacityRatios, formatTable, rowsOf } from '../src/report.js';
import type { RushStep } from '../src/rush.js';
import { missingServices } from '../src/setup.js';
import { latencyOf, spreadOf } from '../src/stats.js';
import { nextSendingDelayMs } from '../src/taps.js';

const missing = await missingServices();
if (missing.length > 0 && testEnvironment().ci)
  throw new Error(`The benchmark smoke test needs ${missing.join(', ')}, and CI must run it`);
if (missing.length > 0)
  console.warn(`SKIPPING the benchmark smoke test: missing ${missing.join(', ')}`);

describe('stats', () => {
  it('takes percentiles by rank and medians with spread', () => {
    const latency = latencyOf(Array.from({ length: 100 }, (_, index) => index + 1));
    expect(latency).toMatchObject({ count: 100, p50: 50, p95: 95, p99: 99, max: 100 });
    expect(spreadOf([3, 1, 2])).toMatchObject({ median: 2, min: 1, max: 3 });
  });
});

describe('the taps of the beyond-capacity scenario', () => {
  it('wait as the PWA does: never before Retry-After, longer after refusals in a row', () => {
    expect(nextSendingDelayMs({ retryAfter: '2' }, 1, () => 0)).toBe(2_000);
    expect(nextSendingDelayMs({ retryAfter: '2' }, 1, () => 0.5)).toBe(2_500);
    expect(nextSendingDelayMs({ retryAfter: '2' }, 3, () => 0)).toBe(8_000);
    expect(nextSendingDelayMs({}, 1, () => 0.25)).toBe(250);
    expect(nextSendingDelayMs({ retryAfter: 'soon' }, 1, () => 0)).toBe(0);
  });
});

describe.runIf(missing.length === 0)('npm run bench, every scenario with a few requests', () => {
  it('runs the rush, the reads, the fan-out and the embedded rush end to end', async () => {
    const lines: string[] = [];
    const results = await runBench({ plan: PLANS.smoke, log: (line) => lines.push(line) });
    const all = (steps: RushStep[][]) => steps.flat();
    // Every clock-in answered, through the cluster, the two floors and the embedded node.
    for (const step of [
      ...results.warmup.cluster,
      ...results.warmup.floor,
      ...results.warmup.equalWork,
      ...all(results.rush.cluster),
      ...all(results.rush.floor),
      ...results.rush.equalWork,
      ...all(results.embedded),
    ]) {
      expect(step.attempted, lines.join('\n')).toBeGreaterThan(0);
      expect(step.errors, lines.join('\n')).toBe(0);
      expect(step.ok).toBe(step.attempted);
    }
    // Every event reached the admin's live.attendance subscription.
    for (const step of [
      ...results.warmup.cluster,
      ...all(results.rush.cluster),
      ...all(results.embedded),
    ])
      expect(step.live?.missing).toBe(0);
    const { me, today, dashboard, floor } = results.reads;
    for (const list of [me, today, dashboard, floor]) {
      expect(list[0]!.ok).toBeGreaterThan(0);
      expect(list[0]!.errors).toBe(0);
    }
    for (const name of ['trpc', 'ws', 'socketio']) {
      const level = results.fanout[name]!.levels[0]!;
      expect(level.connections, name).toBe(PLANS.smoke.fanout.levels[0]);
      expect(level.rounds[0]!.missing, name).toBe(0);
    }
    // Beyond capacity: every tap recorded exactly once, whatever was refused on the way.
    expect(results.overload).toHaveLength(PLANS.smoke.overload.multiples.length);
    for (const step of results.overload) {
      expect(step.taps, lines.join('\n')).toBeGreaterThan(0);
      expect(step.recorded).toEqual({
        byKey: step.taps,
        rows: step.taps,
        employeesWithOneRow: step.taps,
        missing: 0,
      });
      // The record keeps the tap's time: at most one sending's transit (a 10 s timeout) after it.
      expect(step.tapTimeMaxGapMs).toBeLessThan(10_000);
    }
    // The equal-work floor ran beside the cluster's capacity steps, and the ratios are in the results.
    expect(results.warmup.equalWork).toHaveLength(PLANS.smoke.warmup.windows);
    expect(results.rush.equalWork).toHaveLength(PLANS.smoke.repeats);
    const ratios = results.capacityRatios!;
    expect(ratios.toEqualWork).toBeCloseTo(
      ratios.perSecond.cluster / ratios.perSecond.equalWorkFloor,
    );
    expect(ratios.perSecond.equalWorkFloor).toBeGreaterThan(0);
    expect(ratios.toBareInsert).toBeGreaterThan(0);
    expect(ratios.cpuMsPerClockIn.equalWorkFloor).toBeGreaterThan(0);
    expect(formatCapacityRatios(ratios)).toMatch(/equal-work floor \d+\.\d\d×/);
    const table = formatTable(rowsOf(results));
    expect(table).toContain('clock-ins/s ÷ equal-work floor');
    expect(table).toContain('3 fan-out');
    expect(table).toContain('warm-up window 1');
    expect(table).toContain('auth.me');
    expect(table).toContain('5 beyond capacity');
  }, 240_000);
});
