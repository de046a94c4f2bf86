// Lighthouse's mobile run against the built app, served by a real node on a free loopback port
// with a throwaway database, driving Debian's Chromium. Two screens, three runs each: the sign-in
// screen, and the clock screen of a signed-in employee (made through the API; the session cookie
// goes to Lighthouse as an extra header). Prints each run's four category scores and timings, and
// the median performance score of each screen.
//   npm run build --workspace=@absensi/web && npm run lighthouse --workspace=@absensi/web
// Needs apps/api built (npm start builds it). Lighthouse itself comes from npm through npx.
// LIGHTHOUSE_RUNS=n changes the number of runs per screen; LIGHTHOUSE_KEEP=dir keeps every report;
// LIGHTHOUSE_ONLY=signin or clock measures one screen.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTRPCClient, httpLink } from '@trpc/client';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dist = fileURLToPath(new URL('../dist', import.meta.url));
const entry = join(root, 'apps/api/dist/main.js');
const chromium = '/usr/bin/chromium';
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const ADMIN = { email: 'admin@absensi.local', password: 'lighthouse-admin-1' };
for (const [path, hint] of [
  [join(dist, 'index.html'), 'npm run build --workspace=@absensi/web'],
  [entry, 'npx turbo run build --filter=@absensi/api-node...'],
  [chromium, 'apt-get install chromium'],
]) {
  if (!existsSync(path)) {
    console.error(`missing ${path}: ${hint}`);
    process.exit(1);
  }
}

const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});
const dir = mkdtempSync(join(tmpdir(), 'absensi-lighthouse-'));
const server = spawn(process.execPath, [entry], {
  env: {
    PATH: process.env.PATH,
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: `sqlite:${join(dir, 'absensi.sqlite')}`,
    DATA_DIR: dir,
    WEB_DIST: dist,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = `http://127.0.0.1:${port}/`;

/** A tRPC client that keeps the cookies it is given; `cookie()` is the Cookie header to send. */
function signedInClient() {
  const jar = new Map();
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const client = createTRPCClient({
    links: [
      httpLink({
        url: `${url}trpc`,
        fetch: async (input, init) => {
          const response = await fetch(input, {
            ...init,
            headers: { ...init?.headers, ...(jar.size > 0 ? { cookie: cookie() } : {}) },
          });
          for (const line of response.headers.getSetCookie()) {
            const [pair] = line.split(';');
            const [name, ...rest] = pair.split('=');
            jar.set(name.trim(), rest.join('='));
          }
          return response;
        },
      }),
    ],
  });
  return { client, cookie };
}

let reports = 0;

/**
 * One Lighthouse run of `target` (mobile, simulated throttling): its parsed JSON report. A run
 * whose trace Chromium failed to record (NO_NAVSTART, now and then on a busy machine) is made
 * again, twice at most.
 */
function lighthouse(target, headers, attempt = 1) {
  const report = join(dir, 'report.json');
  const run = spawnSync(
    'npx',
    [
      '--yes',
      'lighthouse@13',
      target,
      '--quiet',
      '--output=json',
      `--output-path=${report}`,
      '--only-categories=performance,accessibility,best-practices,seo',
      '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking',
      ...(headers ? [`--extra-headers=${JSON.stringify(headers)}`] : []),
    ],
    { stdio: 'inherit', env: { ...process.env, CHROME_PATH: chromium }, timeout: 300_000 },
  );
  if (run.status !== 0) {
    if (attempt < 3) {
      console.log(`  (lighthouse exited with ${run.status}; running it again)`);
      return lighthouse(target, headers, attempt + 1);
    }
    throw new Error(`lighthouse exited with ${run.status}`);
  }
  if (process.env.LIGHTHOUSE_KEEP) {
    mkdirSync(process.env.LIGHTHOUSE_KEEP, { recursive: true });
    reports += 1;
    copyFileSync(report, join(process.env.LIGHTHOUSE_KEEP, `report-${reports}.json`));
  }
  return JSON.parse(readFileSync(report, 'utf8'));
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const ms = (audit) => `${Math.round(audit.numericValue)} ms`;

/** Runs one screen RUNS times; prints every run and the median performance score. */
function measure(name, target, headers) {
  const scores = [];
  console.log(`\n${name} (${target})`);
  for (let index = 0; index < RUNS; index += 1) {
    const result = lighthouse(target, headers);
    const score = (id) => Math.round(result.categories[id].score * 100);
    const audits = result.audits;
    scores.push(score('performance'));
    console.log(
      `  run ${index + 1}: performance ${score('performance')}, accessibility ${score('accessibility')}, best practices ${score('best-practices')}, SEO ${score('seo')}` +
        ` | FCP ${ms(audits['first-contentful-paint'])}, LCP ${ms(audits['largest-contentful-paint'])}, TBT ${ms(audits['total-blocking-time'])}, CLS ${audits['cumulative-layout-shift'].numericValue.toFixed(3)}, SI ${ms(audits['speed-index'])}`,
    );
    if (index === 0) {
      console.log(
        `  Lighthouse ${result.lighthouseVersion}, ${result.configSettings.formFactor}, ${result.configSettings.throttlingMethod} throttling`,
      );
    }
  }
  console.log(`  median performance: ${median(scores)} (runs: ${scores.join(', ')})`);
  return median(scores);
}

try {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const up = await fetch(`${url}healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error('the server did not start within a minute');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const admin = signedInClient();
  await admin.client.auth.login.mutate(ADMIN);
  const person = { email: 'siti@example.com', password: 'lighthouse-employee-1' };
  await admin.client.admin.users.create.mutate({
    name: 'Siti Rahma',
    department: 'Ops',
    ...person,
  });
  const employee = signedInClient();
  await employee.client.auth.login.mutate(person);

  const only = process.env.LIGHTHOUSE_ONLY;
  if (only !== 'clock') measure('Sign-in screen', url);
  if (only !== 'signin') {
    measure('Clock screen, signed in as an employee', url, { Cookie: employee.cookie() });
  }
} finally {
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
