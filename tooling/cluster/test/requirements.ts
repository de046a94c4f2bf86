import { spawnSync } from 'node:child_process';
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

export { freePortBlock } from '../src/index.js';
