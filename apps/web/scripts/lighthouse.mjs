// Lighthouse's mobile run against the built app, served by a real node on a free loopback port
// with a throwaway database, driving Debian's Chromium. Prints the four category scores.
//   npm run build --workspace=@absensi/web && npm run lighthouse --workspace=@absensi/web
// Needs apps/api built (npm start builds it). Lighthouse itself comes from npm through npx.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dist = fileURLToPath(new URL('../dist', import.meta.url));
const entry = join(root, 'apps/api/dist/main.js');
const chromium = '/usr/bin/chromium';
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
    ADMIN_PASSWORD: 'lighthouse-admin-1',
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = `http://127.0.0.1:${port}/`;
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
  const report = join(dir, 'report.json');
  const run = spawnSync(
    'npx',
    [
      '--yes',
      'lighthouse@13',
      url,
      '--quiet',
      '--output=json',
      `--output-path=${report}`,
      '--only-categories=performance,accessibility,best-practices,seo',
      '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking',
    ],
    { stdio: 'inherit', env: { ...process.env, CHROME_PATH: chromium }, timeout: 300_000 },
  );
  if (run.status !== 0) throw new Error(`lighthouse exited with ${run.status}`);
  const result = JSON.parse(readFileSync(report, 'utf8'));
  console.log(
    `Lighthouse ${result.lighthouseVersion}, mobile (${result.configSettings.formFactor}), ${url}`,
  );
  for (const category of Object.values(result.categories)) {
    console.log(`  ${category.title.padEnd(16)} ${Math.round(category.score * 100)}`);
  }
} finally {
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
