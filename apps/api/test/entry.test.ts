import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { testEnvironment } from '@absensi/config';
import { createTestClient } from '@absensi/api/testing';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'absensi-entry-'));

/** Runs the built entry as `npm start` does, on the embedded defaults but a free port and a temp data folder. */
function start(
  port: number,
): Promise<{ child: ChildProcessWithoutNullStreams; output: () => string }> {
  const child = spawn(process.execPath, [MAIN], {
    cwd: dataDir,
    env: { PATH: testEnvironment().path, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 20 s:\n${output}`)), 20_000);
    const check = setInterval(() => {
      if (output.includes('Absensi is running at')) {
        clearInterval(check);
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    }, 50);
    child.on('exit', (code) => {
      clearInterval(check);
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${output}`));
    });
  });
}

function stop(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm start (the built entry, embedded defaults)', () => {
  const port = 18_000 + Math.floor(Math.random() * 2_000);
  const url = `http://127.0.0.1:${port}`;
  let cookie = '';

  it('serves /healthz and lets the printed admin sign in', async () => {
    const first = await start(port);
    const printed = /First admin: (\S+)\s+Password:\s+(\S+)/.exec(first.output());
    expect(printed).not.toBeNull();
    expect(first.output()).toContain(`Absensi is running at ${url}`);
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok', node: 'api-1' });
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const client = createTestClient(url);
    const admin = await client.trpc.auth.login.mutate({
      email: printed![1]!,
      password: printed![2]!,
    });
    expect(admin).toMatchObject({ email: 'admin@absensi.local', role: 'admin' });
    cookie = client.cookieHeader();
    expect(await stop(first.child)).toBe(0);
  });

  it('reuses its data on the next start: no new admin, and the session still holds', async () => {
    const second = await start(port);
    expect(second.output()).not.toContain('First admin');
    const client = createTestClient(url, { cookie });
    expect(await client.trpc.auth.me.query()).toMatchObject({ email: 'admin@absensi.local' });
    expect(await stop(second.child)).toBe(0);
  });

  it('answers every request it took when stopped mid-flight, and keeps every clock-in it confirmed', async () => {
    const third = await start(port);
    const call = (path: string, init: RequestInit = {}) =>
      fetch(`${url}/trpc/${path}`, { ...init, headers: { cookie, ...init.headers } }).then(
        async (response) => ({ status: response.status, body: await response.text() }),
        (error: Error) => ({ status: 0, body: error.message }),
      );
    const clockIn = call('attendance.clockIn', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ idempotencyKey: '5b0c8a3e-4a7e-4c1e-9a55-6b8f3f1c2d10' }),
    });
    const reads = Array.from({ length: 30 }, () => call('attendance.today'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const exited = stop(third.child);
    const answers = await Promise.all([clockIn, ...reads]);
    expect(await exited).toBe(0);
    // Taken and answered, or turned away with 503 or a refused connection: never cut off.
    for (const answer of answers) expect([200, 503, 0], answer.body).toContain(answer.status);
    const confirmed = (await clockIn).status === 200;

    const fourth = await start(port);
    const today = await createTestClient(url, { cookie }).trpc.attendance.today.query();
    expect(today.open !== null).toBe(confirmed);
    expect(await stop(fourth.child)).toBe(0);
  });
});
