// `npm run demo`: the embedded server on a demo database, filled the first time with a living
// company (see seed.ts), so that a newcomer sees schedules, sites and weeks of taps at once.
import { loadConfig } from '@absensi/config';
import { actorOf } from '@absensi/core';
import { repos } from '@absensi/db';
import { runEntry } from '@absensi/runtime';
import { startNode } from '../node.js';
import { seedDemo } from './seed.js';

await runEntry(
  async () => {
    const config = loadConfig({
      DATABASE_URL: 'sqlite:./data/demo/absensi.sqlite',
      DATA_DIR: './data/demo',
      ADMIN_EMAIL: 'admin@demo.absensi.local',
      ADMIN_PASSWORD: 'demo-password',
    });
    const node = await startNode(config);
    const { deps } = node;
    const admin = await repos.users.byEmail(deps.db, config.ADMIN_EMAIL);
    if (!admin) throw new Error(`The demo's admin ${config.ADMIN_EMAIL} is missing`);
    const already = await repos.users.list(deps.db, { role: 'employee', limit: 1 });
    if (already.length === 0) {
      console.log(
        '  Filling the demo company: sites, shifts, a roster, holidays, three weeks of taps…',
      );
      const figures = await seedDemo(deps, actorOf(admin), new Date());
      console.log(`  ${figures.employees} employees, ${figures.shifts} shifts recorded.`);
    }
    const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
    console.log(
      [
        '',
        `  Absensi (demo) is running at http://${host}:${config.PORT}`,
        `  Admin:    ${config.ADMIN_EMAIL} / demo-password`,
        '  Employee: siti@demo.absensi.local / demo-password (and budi@, dewi@, joko@, daeng@ …)',
        '  The demo keeps its data in ./data/demo; delete that folder to start it afresh.',
        '',
      ].join('\n'),
    );
    return { close: () => node.close() };
  },
  { graceMs: 25_000 },
);
