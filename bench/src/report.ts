/** One table from the results: medians with spread over repeats, floors and ratios. */
import type { CapacityRatios } from './ratios.js';
import type { BenchResults } from './results.js';
import type { RushStep } from './rush.js';
import type { OverloadStep } from './scenarios/overload.js';
import { formatSpread, ratio, spreadOf, type Spread } from './stats.js';

export interface Row {
  scenario: string;
  measure: string;
  absensi: Spread;
  floor?: Spread;
  ratio?: number;
  other?: string;
  goal?: string;
}

const column = (runs: RushStep[][], index: number, pick: (step: RushStep) => number) =>
  spreadOf(runs.map((steps) => (steps[index] ? pick(steps[index]) : Number.NaN)));

/** "api 5.1, subscribers 1.2, …": median CPU ms per clock-in of each part over the repeats. */
function cpuParts(runs: RushStep[][], index: number): string {
  const parts = Object.keys(
    runs.find((steps) => steps[index]?.cpuMsPerRequest)?.[index]?.cpuMsPerRequest ?? {},
  );
  return parts
    .filter((part) => part !== 'total')
    .map(
      (part) =>
        `${part} ${column(runs, index, (s) => s.cpuMsPerRequest?.[part] ?? Number.NaN).median.toFixed(2)}`,
    )
    .join(', ');
}

export function rowsOf(results: BenchResults): Row[] {
  const rows: Row[] = [];
  const warm = results.warmup;
  warm.cluster.forEach((c, index) => {
    const f = warm.floor[index];
    const e = warm.equalWork[index];
    const one = (value: number) => spreadOf([value]);
    const seconds = results.plan.warmup.seconds;
    rows.push({
      scenario: '1 rush, cold start',
      measure: `warm-up window ${index + 1} (${index * seconds}–${(index + 1) * seconds} s of load): clock-ins/s`,
      absensi: one(c.achieved),
      ...(f ? { floor: one(f.achieved), ratio: ratio(c.achieved, f.achieved) } : {}),
      other: `CPU ms per clock-in ${c.cpuMsPerRequest?.total?.toFixed(2) ?? '–'} (api ${c.cpuMsPerRequest?.api?.toFixed(2) ?? '–'}) / floor ${f?.cpuMsPerRequest?.total?.toFixed(2) ?? '–'}; errors ${c.errors}, live missing ${c.live?.missing ?? '–'}${e ? `; equal-work floor ${e.achieved.toFixed(0)}/s, CPU ms ${e.cpuMsPerRequest?.total?.toFixed(2) ?? '–'}` : ''}`,
    });
  });
  const { cluster, floor } = results.rush;
  const rates = results.plan.rushRates;
  if (cluster.length > 0) {
    [...rates, 0].forEach((rate, index) => {
      const label =
        rate === 0
          ? `capacity (${results.plan.capacity.concurrency} clients, closed loop)`
          : `@${rate}/s offered`;
      const achieved = column(cluster, index, (s) => s.achieved);
      const floorAchieved = column(floor, index, (s) => s.achieved);
      rows.push({
        scenario: '1 rush (nginx + 4 API)',
        measure: `${label}: clock-ins/s`,
        absensi: achieved,
        floor: floorAchieved,
        ratio: ratio(achieved.median, floorAchieved.median),
        ...(rate === 0 ? { goal: '≥ 0.5× floor' } : {}),
      });
      if (rate === 0 && results.rush.equalWork.length > 0)
        rows.push(...equalWorkRows(label, achieved, cluster, index, results.rush.equalWork));
      rows.push({
        scenario: '1 rush (nginx + 4 API)',
        measure: `${label}: p50 / p99 ms`,
        absensi: column(cluster, index, (s) => s.latency.p99),
        floor: column(floor, index, (s) => s.latency.p99),
        other: `p50 ${formatSpread(column(cluster, index, (s) => s.latency.p50))} / floor p50 ${formatSpread(column(floor, index, (s) => s.latency.p50))}`,
      });
      rows.push({
        scenario: '1 rush (nginx + 4 API)',
        measure: `${label}: errors (+not sent)`,
        absensi: column(cluster, index, (s) => s.errors + s.notSent),
        floor: column(floor, index, (s) => s.errors + s.notSent),
      });
      if (rate === 0 && cluster.some((steps) => steps[index]?.cpuMsPerRequest)) {
        rows.push({
          scenario: '1 rush (nginx + 4 API)',
          measure: `${label}: CPU ms per clock-in, all parts`,
          absensi: column(cluster, index, (s) => s.cpuMsPerRequest?.total ?? Number.NaN),
          floor: column(floor, index, (s) => s.cpuMsPerRequest?.total ?? Number.NaN),
          other: `${cpuParts(cluster, index)} / floor ${cpuParts(floor, index)}`,
        });
      }
      rows.push({
        scenario: '1 rush (nginx + 4 API)',
        measure: `${label}: answer→admin live p99 ms`,
        absensi: column(cluster, index, (s) => s.live?.delay.p99 ?? Number.NaN),
        other: `p50 ${formatSpread(column(cluster, index, (s) => s.live?.delay.p50 ?? Number.NaN))}, missing ${formatSpread(column(cluster, index, (s) => s.live?.missing ?? Number.NaN))}`,
      });
    });
  }
  if (results.bigRush) {
    const b = results.bigRush;
    const one = (value: number) => spreadOf([value]);
    rows.push({
      scenario: '1 rush 50k/60 s',
      measure: 'clock-ins/s answered',
      absensi: one(b.achieved),
      other: `${b.ok}/${b.attempted} ok, ${b.errors} errors, ${b.notSent} not sent`,
      goal: '50k in 60 s',
    });
    rows.push({
      scenario: '1 rush 50k/60 s',
      measure: 'p99 ms',
      absensi: one(b.latency.p99),
      other: `p50 ${b.latency.p50.toFixed(0)}, p95 ${b.latency.p95.toFixed(0)}`,
      goal: '< 200 ms',
    });
    rows.push({
      scenario: '1 rush 50k/60 s',
      measure: 'events on dashboard within 1 s (%)',
      absensi: one(100 * (b.live?.within1s ?? Number.NaN)),
      other: `missing ${b.live?.missing}, live p99 ${b.live?.delay.p99.toFixed(0)} ms`,
      goal: '100 %, none lost',
    });
  }
  rows.push(...results.overload.flatMap(overloadRows));
  const reads = results.reads;
  if (reads.today.length > 0) {
    const floorRate = spreadOf(reads.floor.map((r) => r.perSecond));
    for (const [name, list] of [
      ['auth.me (signed-in, user cached)', reads.me],
      ['attendance.today', reads.today],
      ['admin.dashboard', reads.dashboard],
    ] as const) {
      if (list.length === 0) continue;
      const rate = spreadOf(list.map((r) => r.perSecond));
      rows.push({
        scenario: '2 reads (nginx + 4 API)',
        measure: `${name} req/s (${list[0]!.concurrency} clients)`,
        absensi: rate,
        floor: floorRate,
        ratio: ratio(rate.median, floorRate.median),
        goal: '≥ 0.7× floor',
      });
      rows.push({
        scenario: '2 reads (nginx + 4 API)',
        measure: `${name} p99 ms`,
        absensi: spreadOf(list.map((r) => r.latency.p99)),
        floor: spreadOf(reads.floor.map((r) => r.latency.p99)),
        other: `errors ${list.reduce((sum, r) => sum + r.errors, 0)}`,
      });
    }
  }
  const { trpc, ws, socketio } = results.fanout;
  if (trpc) {
    trpc.levels.forEach((level, index) => {
      const wsLevel = ws?.levels[index];
      const sioLevel = socketio?.levels[index];
      const p99 = spreadOf(level.rounds.map((r) => r.p99));
      const wsP99 = wsLevel ? spreadOf(wsLevel.rounds.map((r) => r.p99)) : undefined;
      const sioP99 = sioLevel ? spreadOf(sioLevel.rounds.map((r) => r.p99)) : undefined;
      const label = `${level.connections} subs`;
      rows.push({
        scenario: '3 fan-out (realtime)',
        measure: `${label}: delivery p99 ms`,
        absensi: p99,
        ...(wsP99 ? { floor: wsP99, ratio: ratio(p99.median, wsP99.median) } : {}),
        other: `Socket.IO ${sioP99 ? formatSpread(sioP99) : '–'}`,
        goal: '≤ 1.3× ws, < Socket.IO',
      });
      rows.push({
        scenario: '3 fan-out (realtime)',
        measure: `${label}: delivery p50 ms`,
        absensi: spreadOf(level.rounds.map((r) => r.p50)),
        ...(wsLevel ? { floor: spreadOf(wsLevel.rounds.map((r) => r.p50)) } : {}),
        other: `Socket.IO ${sioLevel ? formatSpread(spreadOf(sioLevel.rounds.map((r) => r.p50))) : '–'}; missing ${level.rounds.reduce((s, r) => s + r.missing, 0)}`,
      });
      rows.push({
        scenario: '3 fan-out (realtime)',
        measure: `${label}: RSS KiB per connection`,
        absensi: spreadOf([level.rssPerConnectionBytes / 1024]),
        ...(wsLevel ? { floor: spreadOf([wsLevel.rssPerConnectionBytes / 1024]) } : {}),
        other: `Socket.IO ${sioLevel ? (sioLevel.rssPerConnectionBytes / 1024).toFixed(1) : '–'}; realtime RSS ${(level.rssBytes / 2 ** 20).toFixed(0)} MiB`,
        goal: '< 20 KiB at 10k',
      });
    });
  }
  if (results.embedded.length > 0) {
    const e = results.embedded;
    [...results.plan.embedded.rates, 0].forEach((rate, index) => {
      const label =
        rate === 0
          ? `capacity (${results.plan.embedded.capacity.concurrency} clients)`
          : `@${rate}/s offered`;
      rows.push({
        scenario: '4 embedded (SQLite)',
        measure: `${label}: clock-ins/s`,
        absensi: column(e, index, (s) => s.achieved),
        other: `errors ${formatSpread(column(e, index, (s) => s.errors + s.notSent))}`,
      });
      rows.push({
        scenario: '4 embedded (SQLite)',
        measure: `${label}: p99 ms`,
        absensi: column(e, index, (s) => s.latency.p99),
        other: `p50 ${formatSpread(column(e, index, (s) => s.latency.p50))}; live p99 ${formatSpread(column(e, index, (s) => s.live?.delay.p99 ?? Number.NaN))} ms`,
      });
    });
  }
  return rows;
}

/** The capacity step against the equal-work floor: clock-ins/s and its ratio, then CPU ms per clock-in. */
/** Scenario 5's rows for one multiple of capacity. */
function overloadRows(o: OverloadStep): Row[] {
  const one = (value: number) => spreadOf([value]);
  const scenario = `5 beyond capacity ${o.multiple}×`;
  const r = o.recorded;
  return [
    {
      scenario,
      measure: `${o.offered.toFixed(0)} taps/s for ${o.seconds} s: admitted clock-ins p99 ms`,
      absensi: one(o.admitted.p99),
      other: `p50 ${o.admitted.p50.toFixed(0)}, ${o.admitted.count} admitted; ${o.requestsPerSecond.toFixed(0)} req/s with retries, ${o.attemptsPerTap.mean.toFixed(2)} sendings per tap (max ${o.attemptsPerTap.max})`,
      goal: '≤ 300 ms at 2× and 4×',
    },
    {
      scenario,
      measure: 'refused (503) answer p99 ms',
      absensi: one(o.shed.p99),
      other: `${o.shed.count} refused, p50 ${o.shed.p50.toFixed(0)}; other failures ${JSON.stringify(o.otherFailures)}`,
      goal: '≤ 20 ms',
    },
    {
      scenario,
      measure: 'goodput while the taps arrive, clock-ins/s',
      absensi: one(o.goodput),
      ratio: o.goodputRatio,
      other: `÷ capacity ${o.capacity.toFixed(0)}/s`,
      goal: '≥ 0.9× capacity',
    },
    {
      scenario,
      measure: 'taps recorded exactly once (by idempotency key)',
      absensi: one(r.byKey),
      other: `of ${o.taps} taps; attendance rows ${r.rows}, employees with one row ${r.employeesWithOneRow}; the last recorded ${o.allRecordedAfterSeconds.toFixed(1)} s after the first tap; tap→record p99 ${(o.tapToRecord.p99 / 1000).toFixed(1)} s; record time within ${o.tapTimeMaxGapMs} ms of the tap`,
      goal: 'all, once',
    },
  ];
}

function equalWorkRows(
  label: string,
  achieved: Spread,
  cluster: RushStep[][],
  index: number,
  equalWork: RushStep[],
): Row[] {
  const of = (pick: (step: RushStep) => number) => spreadOf(equalWork.map(pick));
  const perSecond = of((s) => s.achieved);
  return [
    {
      scenario: '1 rush (nginx + 4 API)',
      measure: `${label}: clock-ins/s ÷ equal-work floor`,
      absensi: achieved,
      floor: perSecond,
      ratio: ratio(achieved.median, perSecond.median),
      other: `equal-work floor p50 ${formatSpread(of((s) => s.latency.p50))} / p99 ${formatSpread(of((s) => s.latency.p99))} ms, errors ${formatSpread(of((s) => s.errors + s.notSent))}`,
      goal: '≥ 0.8× equal-work floor',
    },
    {
      scenario: '1 rush (nginx + 4 API)',
      measure: `${label}: CPU ms per clock-in vs equal-work floor`,
      absensi: column(cluster, index, (s) => s.cpuMsPerRequest?.total ?? Number.NaN),
      floor: of((s) => s.cpuMsPerRequest?.total ?? Number.NaN),
      other: `equal-work floor: ${cpuParts(
        equalWork.map((step) => [step]),
        0,
      )}`,
    },
  ];
}

/** One line: the cluster's capacity ÷ each floor's (medians), and the three rates, clock-ins/s. */
export function formatCapacityRatios(r: CapacityRatios): string {
  const rate = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : '–');
  const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '–');
  return `capacity ÷ equal-work floor ${times(r.toEqualWork)} (the cost of the framework), ÷ bare-insert floor ${times(r.toBareInsert)} (the cost of the design): ${rate(r.perSecond.cluster)} / ${rate(r.perSecond.equalWorkFloor)} / ${rate(r.perSecond.bareInsertFloor)} clock-ins/s`;
}

export function formatTable(rows: Row[]): string {
  const header = ['scenario', 'measure', 'Absensi', 'floor', 'ratio', 'also', 'goal'];
  const cells = rows.map((row) => [
    row.scenario,
    row.measure,
    formatSpread(row.absensi),
    row.floor ? formatSpread(row.floor) : '',
    row.ratio !== undefined && Number.isFinite(row.ratio) ? `${row.ratio.toFixed(2)}×` : '',
    row.other ?? '',
    row.goal ?? '',
  ]);
  const widths = header.map((title, index) =>
    Math.max(title.length, ...cells.map((line) => line[index]!.length)),
  );
  const line = (values: string[]) =>
    `| ${values.map((value, index) => value.padEnd(widths[index]!)).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...cells.map(line),
  ].join('\n');
}
