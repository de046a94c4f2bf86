import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { testEnvironment } from '@absensi/config';
import { runAb, summarise, windowOrder, type AbWindow } from '../src/ab.js';
import { summariseProfile } from '../src/profile.js';
import { missingServices } from '../src/setup.js';

const missing = await missingServices();
if (missing.length > 0 && testEnvironment().ci)
  throw new Error(`The A/B smoke test needs ${missing.join(', ')}, and CI must run it`);
if (missing.length > 0) console.warn(`SKIPPING the A/B smoke test: missing ${missing.join(', ')}`);

const REPO = fileURLToPath(new URL('../../', import.meta.url));

describe('npm run bench:ab, its parts', () => {
  it('lets each side go first as often as the other', () => {
    expect(windowOrder(3)).toEqual(['current', 'base', 'base', 'current', 'current', 'base']);
  });

  it('summarises one side, leaving out its warm-up windows', () => {
    const window = (side: AbWindow['side'], apiCpuMs: number): AbWindow => ({
      side,
      ok: 100,
      errors: 0,
      perSecond: 100 / apiCpuMs,
      apiCpuMs,
      mariadbCpuMs: 0.5,
      p99Ms: 10,
      load1: 1,
    });
    const windows = [
      window('current', 9),
      window('base', 8),
      window('current', 2),
      window('current', 3),
    ];
    const current = summarise(windows, 'current', 1);
    expect(current.apiCpuMs).toMatchObject({ median: 2.5, min: 2, max: 3 });
    expect(summarise(windows, 'base', 0).apiCpuMs.median).toBe(8);
  });
});

describe.runIf(missing.length === 0)('npm run bench:ab, end to end', () => {
  it('refuses a base checkout that has no built API, saying how to build it', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'absensi-ab-'));
    try {
      await expect(
        runAb({
          baseDir: empty,
          path: 'auth.me',
          windows: 2,
          warmupWindows: 0,
          windowSeconds: 1,
          clients: 2,
          employees: 100,
          log: () => undefined,
        }),
      ).rejects.toThrow(/build the base checkout first/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('measures clock-ins on this build against itself, window by window, profiling the current node', async () => {
    const lines: string[] = [];
    const profileDir = mkdtempSync(join(tmpdir(), 'absensi-ab-profile-'));
    const result = await runAb({
      baseDir: REPO,
      path: 'attendance.clockIn',
      windows: 2,
      warmupWindows: 1,
      windowSeconds: 1,
      clients: 4,
      employees: 3_000,
      profileDir,
      log: (line) => lines.push(line),
    });
    const profile = summariseProfile(result.profile!);
    rmSync(profileDir, { recursive: true, force: true });
    expect(profile.totalMs).toBeGreaterThan(0);
    expect(profile.byPackage.some((entry) => entry.name.startsWith('@absensi/'))).toBe(true);
    expect(result.windows.map((window) => window.side)).toEqual([
      'current',
      'base',
      'base',
      'current',
    ]);
    for (const window of result.windows) {
      expect(window.ok, lines.join('\n')).toBeGreaterThan(0);
      expect(window.errors, lines.join('\n')).toBe(0);
      expect(window.apiCpuMs).toBeGreaterThan(0);
    }
    expect(result.ratio.apiCpuMs).toBeGreaterThan(0);
    expect(result.current.perSecond.runs).toHaveLength(1);
    expect(result.load1.runs).toHaveLength(4);
    // Two rounds, the first a warm-up: one compared, too few to show anything.
    expect(result.rounds.count).toBe(1);
    expect(result.rounds.perSecond.ratios).toHaveLength(1);
    expect(result.rounds.perSecond.p).toBe(1);
  });
});
