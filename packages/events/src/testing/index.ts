import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { testEnvironment } from '@absensi/config';
import { newEventId } from '../ids.js';
import type { AttendanceCreated } from '../types.js';

/** True when Redis answers; in CI a missing Redis is an error, elsewhere the caller skips and says so. */
export async function redisUnderTest(): Promise<boolean> {
  const { redisUrl, ci } = testEnvironment();
  const probe = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 2_000,
    retryStrategy: () => null,
  });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch {
    if (ci) throw new Error(`Redis is required in CI and did not answer at ${redisUrl}`);
    console.warn(`SKIPPING Redis tests: nothing answers at ${redisUrl}`);
    return false;
  } finally {
    probe.disconnect();
  }
}

/** A key prefix of its own for one test run, so runs cannot collide. */
export function testPrefix(): string {
  return `absensi-test-${randomBytes(4).toString('hex')}-`;
}

export async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(testEnvironment().redisUrl);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
}

/**
 * A Redis connection and a key prefix of its own for one test file, or null when Redis does not
 * answer (outside CI; in CI that is an error). `close` deletes the prefix's keys and disconnects.
 */
export async function testRedis(): Promise<{
  redis: Redis;
  prefix: string;
  close(): Promise<void>;
} | null> {
  if (!(await redisUnderTest())) return null;
  const prefix = testPrefix();
  const redis = new Redis(testEnvironment().redisUrl);
  return {
    redis,
    prefix,
    async close() {
      await deleteKeys(prefix);
      redis.disconnect();
    },
  };
}

export function sampleAttendanceCreated(
  userId: number,
  overrides: Partial<AttendanceCreated> = {},
): AttendanceCreated {
  return {
    id: newEventId(),
    type: 'AttendanceCreated',
    occurredAt: new Date().toISOString(),
    nodeId: 'api-1',
    data: {
      attendanceId: userId * 10,
      userId,
      userName: `User ${userId}`,
      department: null,
      workDate: '2026-11-24',
      status: 'on_time',
      lateMinutes: 0,
      clockInAt: new Date().toISOString(),
      clockInNode: 'api-1',
      clockOutAt: null,
      clockOutNode: null,
      clockOutKind: null,
    },
    ...overrides,
  };
}
