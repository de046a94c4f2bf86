// docker/healthcheck.mjs, the images' HEALTHCHECK, against real listeners and the test Redis.
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { testEnvironment } from '@absensi/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instructionsOf, listDockerfiles, readDockerfile } from '../src/dockerfiles.js';
import { repoPath } from '../src/repo.js';

const script = repoPath('docker', 'healthcheck.mjs');

function check(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script, ...args],
      { env: { HEALTHCHECK_TIMEOUT_MS: '1500', ...env }, timeout: 10_000 },
      (error, _stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stderr }),
    );
  });
}

async function listen(server: Server | ReturnType<typeof createTcpServer>): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

/** A port nothing listens on: bound, read, closed. */
async function closedPort(): Promise<number> {
  const server = createTcpServer();
  const port = await listen(server);
  server.close();
  await once(server, 'close');
  return port;
}

describe('http PATH', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createHttpServer((req, res) => {
      res.statusCode = req.url === '/readyz' ? 200 : 503;
      res.end();
    });
    port = await listen(server);
  });
  afterAll(() => server.close());

  it('passes on 2xx at 127.0.0.1:$PORT', async () => {
    expect(await check(['http', '/readyz'], { PORT: String(port) })).toEqual({
      code: 0,
      stderr: '',
    });
  });

  it('fails on a 503, naming it', async () => {
    const result = await check(['http', '/healthz'], { PORT: String(port) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('answered 503');
  });

  it('fails when nothing listens', async () => {
    const result = await check(['http', '/readyz'], { PORT: String(await closedPort()) });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/ECONNREFUSED/);
  });
});

describe('tcp PORT...', () => {
  it('passes when every port accepts, fails when one does not', async () => {
    const server = createTcpServer((socket) => socket.end());
    const open = await listen(server);
    try {
      expect((await check(['tcp', String(open)])).code).toBe(0);
      const closed = await closedPort();
      const result = await check(['tcp', String(open), String(closed)]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`port ${closed}`);
    } finally {
      server.close();
    }
  });
});

describe('redis', () => {
  const { redisUrl } = testEnvironment();

  it('passes when the Redis of REDIS_URL answers PING (the test Redis must be running)', async () => {
    expect(await check(['redis'], { REDIS_URL: redisUrl })).toEqual({ code: 0, stderr: '' });
  });

  it('fails when it does not answer, and when no URL is given', async () => {
    const down = await check(['redis'], { REDIS_URL: `redis://127.0.0.1:${await closedPort()}` });
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/ECONNREFUSED/);
    const unset = await check(['redis']);
    expect(unset.stderr).toContain('neither REDIS_URL nor REDIS_URL_FILE');
  });

  it('fails on an error reply, such as a password Redis does not expect', async () => {
    const url = new URL(redisUrl);
    url.password = 'not-the-password';
    const result = await check(['redis'], { REDIS_URL: url.toString() });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Redis answered -/);
  });
});

it('is called by every image with arguments it accepts', async () => {
  const seen: string[] = [];
  const closed = String(await closedPort());
  for (const name of listDockerfiles()) {
    const runtime = readDockerfile(name).stages.at(-1)!;
    const command = JSON.parse(
      instructionsOf(runtime, 'HEALTHCHECK')[0]!.slice(1).join(' '),
    ) as string[];
    if (command[1] !== '/usr/local/lib/absensi/healthcheck.mjs') continue;
    seen.push(name);
    expect(['http', 'tcp', 'redis']).toContain(command[2]);
    // nothing to reach here, so it fails: by checking, not by refusing its arguments
    const result = await check(command.slice(2), {
      PORT: closed,
      REDIS_URL: `redis://127.0.0.1:${closed}`,
    });
    expect(result.code, name).toBe(1);
    expect(result.stderr, name).toMatch(/^unhealthy: /);
    expect(result.stderr, name).not.toMatch(/usage/);
  }
  expect(seen.sort()).toEqual(['api', 'realtime', 'subscriber', 'worker']);
});
