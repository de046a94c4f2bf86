import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { testEnvironment } from '@absensi/config';
import { mysqlAvailable } from '@absensi/db/testing';
import { redisUnderTest } from '@absensi/events/testing';

/** nginx, MariaDB and Redis: in CI each must be there (a missing one fails); elsewhere the suite skips, saying why. */
export async function clusterServicesAvailable(): Promise<boolean> {
  const missing: string[] = [];
  if (spawnSync('nginx', ['-v'], { env: { PATH: testEnvironment().path } }).status !== 0)
    missing.push('nginx');
  if (!(await mysqlAvailable())) missing.push(`MariaDB at ${testEnvironment().mysqlUrl}`);
  if (!(await redisUnderTest())) missing.push('Redis');
  if (missing.length === 0) return true;
  if (testEnvironment().ci)
    throw new Error(`The cluster tests need ${missing.join(', ')}, and CI must run them`);
  console.warn(`SKIPPING the cluster tests: missing ${missing.join(', ')}`);
  return false;
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A block of `count` consecutive free loopback ports, away from the usual ones. */
export async function freePortBlock(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    const ports = Array.from({ length: count }, (_, index) => base + index);
    if ((await Promise.all(ports.map(portFree))).every(Boolean)) return base;
  }
  throw new Error('no block of free ports found');
}
