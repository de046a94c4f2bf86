/**
 * npm run bench:ab -- --base=<checkout> [--path=attendance.clockIn|auth.me|attendance.today|admin.dashboard]
 *   [--windows=9] [--warmup=3] [--seconds=5] [--clients=32] [--employees=80000] [--profile-dir=<dir>]
 * The current build against another one, one API node each, windows in turns (see ab.ts). Prints
 * the medians and their ratio and the round-by-round verdict (rounds.ts), and writes the figures
 * to bench/results/ab-<time>.json. With --profile-dir the current node runs under node --cpu-prof
 * and its top functions are printed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AB_PATHS, runAb, type AbSummary } from './ab.js';
import { missingServices } from './setup.js';
import { formatProfile, summariseProfile } from './profile.js';
import { formatRounds } from './rounds.js';
import { formatSpread } from './stats.js';

const flags: Record<string, string> = Object.fromEntries(
  process.argv
    .slice(2)
    .filter((arg) => arg.startsWith('--'))
    .map((arg): [string, string] => {
      const [name = '', ...value] = arg.slice(2).split('=');
      return [name, value.join('=')];
    }),
);
const parsed = z
  .object({
    base: z.string({ error: 'say which checkout to compare against: --base=<path>' }).min(1),
    path: z.enum(AB_PATHS).default('attendance.clockIn'),
    windows: z.coerce.number().int().min(2).max(40).default(9),
    warmup: z.coerce.number().int().min(0).max(20).default(3),
    seconds: z.coerce.number().min(1).max(30).default(5),
    clients: z.coerce.number().int().min(1).max(256).default(32),
    employees: z.coerce.number().int().min(100).max(300_000).default(80_000),
    'profile-dir': z.string().min(1).optional(),
  })
  .refine((value) => value.warmup < value.windows, {
    message: '--warmup must leave at least one window per side to measure',
  })
  .safeParse(flags);
if (!parsed.success) {
  console.error(
    parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'),
  );
  process.exit(2);
}
const missing = await missingServices();
if (missing.length > 0) {
  console.error(`npm run bench:ab needs ${missing.join(', ')}`);
  process.exit(1);
}

const options = parsed.data;
const started = Date.now();
const log = (line: string) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const result = await runAb({
  baseDir: resolve(options.base),
  path: options.path,
  windows: options.windows,
  warmupWindows: options.warmup,
  windowSeconds: options.seconds,
  clients: options.clients,
  employees: options.employees,
  profileDir: options['profile-dir'] && resolve(options['profile-dir']),
  log,
});
const line = (name: string, summary: AbSummary) =>
  `${name.padEnd(8)} ${formatSpread(summary.perSecond)} req/s, API ${formatSpread(summary.apiCpuMs)} ms, MariaDB ${formatSpread(summary.mariadbCpuMs)} ms per request, p99 ${formatSpread(summary.p99Ms)} ms`;
console.log(
  [
    `\n${result.path}, medians of the last ${options.windows - options.warmup} windows per side (min–max):`,
    line('current', result.current),
    line('base', result.base),
    `current ÷ base: req/s ${result.ratio.perSecond.toFixed(2)}×, API CPU ${result.ratio.apiCpuMs.toFixed(2)}×, MariaDB CPU ${result.ratio.mariadbCpuMs.toFixed(2)}×, p99 ${result.ratio.p99Ms.toFixed(2)}×`,
    `load average (1 min) over the windows: ${formatSpread(result.load1)}`,
    ...formatRounds(result.rounds),
  ].join('\n'),
);
if (result.profile)
  console.log(
    `\ncurrent node's profile ${result.profile}:\n${formatProfile(summariseProfile(result.profile))}`,
  );
const folder = fileURLToPath(new URL('../results/', import.meta.url));
mkdirSync(folder, { recursive: true });
const file = `${folder}ab-${new Date(started).toISOString().replace(/[:.]/g, '-')}.json`;
writeFileSync(file, `${JSON.stringify({ options, ...result }, null, 2)}\n`);
console.log(`figures written to ${file}`);
process.exit(0);
