/**
 * Scenario 4: the rush against one embedded node (npm start's process: SQLite, in-process feed, no
 * Redis), at rising offered rates (clock-ins/s) and then closed loop, per repeat.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createTestClient } from '@absensi/api/testing';
import { ENTRIES } from '@absensi/cluster';
import { testEnvironment } from '@absensi/config';
import { ADMIN, SESSION_SECRET } from '../fixtures.js';
import type { ClientPool } from '../load.js';
import type { Plan } from '../plans.js';
import { Roster } from '../roster.js';
import {
  describeStep,
  LiveWatcher,
  rushCapacity,
  rushStep,
  saturated,
  settle,
  skippedStep,
  type RushOptions,
  type RushStep,
} from '../rush.js';
import {
  answers,
  freePortBlock,
  insertEmployees,
  openDb,
  SessionMinter,
  sessionIdOf,
  startChild,
  waitFor,
  type Employee,
} from '../setup.js';

/** Starts the node in `runDir`/embedded, seeds it, runs the repeats, stops it; returns each repeat's steps. */
export async function runEmbedded(
  plan: Plan,
  runDir: string,
  pool: ClientPool,
  log: (line: string) => void,
  sink: (name: string, line: string) => void,
): Promise<RushStep[][]> {
  const folder = join(runDir, 'embedded');
  mkdirSync(folder, { recursive: true });
  const databaseUrl = `sqlite:${join(folder, 'bench.sqlite')}`;
  const port = await freePortBlock(1);
  const node = startChild(
    'embedded',
    [ENTRIES.api],
    {
      PATH: testEnvironment().path,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DATA_DIR: folder,
      SESSION_SECRET,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      APP_NODE_ID: 'embedded',
      LOG_LEVEL: 'warn',
      WEB_DIST: join(folder, 'no-web'),
    },
    sink,
  );
  const steps: RushStep[][] = [];
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitFor('embedded node', answers(`${url}/readyz`), 60_000);
    const admin = createTestClient(url);
    await admin.trpc.auth.login.mutate(ADMIN);
    const db = await openDb(databaseUrl);
    let roster: Roster;
    try {
      const row = await db.models.SessionRow.findByPk(
        sessionIdOf(admin.setCookies, SESSION_SECRET),
      );
      if (!row) throw new Error('the admin session is not in the sessions table');
      const minter = new SessionMinter(
        SESSION_SECRET,
        JSON.parse(row.data) as Record<string, unknown>,
      );
      const e = plan.embedded;
      const count =
        plan.repeats *
          (e.rates.reduce((sum, rate) => sum + rate * e.stepSeconds, 0) + e.capacity.maxPerStep) +
        50;
      const ids = await insertEmployees(db, 'embedded', count);
      roster = new Roster(await minter.intoDatabase(db, ids));
      log(`embedded: node on ${url}, ${count} employees and sessions written to SQLite`);
    } finally {
      await db.close();
    }
    const watcher = new LiveWatcher(`ws://127.0.0.1:${port}/ws`, admin.cookieHeader());
    try {
      const target = { host: '127.0.0.1', port };
      const options = (employees: Employee[]): RushOptions => ({
        pool,
        target,
        employees,
        live: { watcher, waitMs: 5_000 },
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      await rushStep(options(roster.take(20)), 20, 1);
      for (let repeat = 0; repeat < plan.repeats; repeat += 1) {
        const row: RushStep[] = [];
        const probe = roster.take(1)[0]!.cookie;
        const calm = () => settle(pool, target, '/trpc/attendance.today', probe, plan.settleMs);
        let done = false;
        for (const rate of plan.embedded.rates) {
          let step = skippedStep(rate);
          if (!done) {
            await calm();
            step = await rushStep(
              options(roster.take(rate * plan.embedded.stepSeconds)),
              rate,
              plan.embedded.stepSeconds,
            );
            done = saturated(step);
          }
          row.push(step);
          log(`embedded ${repeat + 1}/${plan.repeats} @${rate}/s: ${describeStep(step)}`);
        }
        const cap = plan.embedded.capacity;
        await calm();
        const step = await rushCapacity(
          options(roster.take(cap.maxPerStep)),
          cap.concurrency,
          cap.seconds,
        );
        row.push(step);
        log(`embedded capacity ${repeat + 1}/${plan.repeats}: ${describeStep(step)}`);
        steps.push(row);
      }
    } finally {
      watcher.close();
    }
  } finally {
    await node.stop();
  }
  return steps;
}
