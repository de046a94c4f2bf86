/**
 * npm run bench [-- --quick] [-- --profile] [-- --only=rush,reads,fanout,embedded]
 * Starts everything it measures on loopback, prints one table and writes the figures to
 * bench/results/<plan>-<time>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runBench, type Part } from './bench.js';
import { PLANS, type Plan } from './plans.js';
import { formatCapacityRatios, formatTable, rowsOf } from './report.js';
import { formatSpread } from './stats.js';
import { missingServices } from './setup.js';

const args = process.argv.slice(2);
const plan: Plan = args.includes('--quick') ? PLANS.quick : PLANS.full;
const onlyArg = args.find((arg) => arg.startsWith('--only='));
const only = onlyArg ? (onlyArg.slice('--only='.length).split(',') as Part[]) : undefined;
const force = args.includes('--force');

const missing = await missingServices();
if (missing.length > 0) {
  console.error(`npm run bench needs ${missing.join(', ')}`);
  process.exit(1);
}
const [load] = loadavg();
if (load! >= 3 && !force) {
  console.error(
    `The load average is ${load!.toFixed(1)}: figures taken now would measure the neighbours. Wait until it is under 3, or pass --force (the result file records the load).`,
  );
  process.exit(2);
}

const started = Date.now();
const log = (line: string) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const runDir = args.find((arg) => arg.startsWith('--run-dir='))?.slice('--run-dir='.length);
const results = await runBench({
  plan,
  log,
  profile: args.includes('--profile'),
  ...(only ? { only } : {}),
  ...(runDir ? { runDir } : {}),
});
const table = formatTable(rowsOf(results));
console.log(`\n${table}\n`);
if (results.capacityRatios) console.log(`${formatCapacityRatios(results.capacityRatios)}\n`);
if (results.recap)
  console.log(
    `recap of ${results.recap.employees} employees for ${results.recap.month} (${results.recap.shifts} shifts), built and written as XLSX by the worker's code: ${formatSpread(results.recap.seconds)} s\n`,
  );
const folder = fileURLToPath(new URL('../results/', import.meta.url));
mkdirSync(folder, { recursive: true });
const file = `${folder}${plan.name}-${results.startedAt.replace(/[:.]/g, '-')}.json`;
writeFileSync(
  file,
  `${JSON.stringify({ command: `npm run bench -- ${args.join(' ')}`.trim(), table, ...results }, null, 2)}\n`,
);
console.log(
  `machine: ${results.machine.cpus} × ${results.machine.cpuModel}, ${results.machine.memoryGiB} GiB, Node ${results.machine.node}; load average ${results.machine.loadAvgAtStart.map((v) => v.toFixed(1)).join(' ')} at start`,
);
console.log(`figures written to ${file} (${results.durationSeconds?.toFixed(0)} s)`);
process.exit(0);
