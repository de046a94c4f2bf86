/** What the scenarios stand on: services check, employees and sessions made beforehand, processes. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Signer } from '@fastify/cookie';
import { Redis } from 'ioredis';
import { SESSION_COOKIE } from '@absensi/api';
import { testEnvironment } from '@absensi/config';
import { hashPassword, openDatabase, type Database } from '@absensi/db';
import { mysqlAvailable } from '@absensi/db/testing';
import { redisUnderTest } from '@absensi/events/testing';

/** nginx, MariaDB and Redis: the names of those missing. */
export async function missingServices(): Promise<string[]> {
  const missing: string[] = [];
  if (spawnSync('nginx', ['-v'], { env: { PATH: testEnvironment().path } }).status !== 0)
    missing.push('nginx');
  if (!(await mysqlAvailable())) missing.push(`MariaDB at ${testEnvironment().mysqlUrl}`);
  if (!(await redisUnderTest())) missing.push(`Redis at ${testEnvironment().redisUrl}`);
  return missing;
}

export { freePortBlock } from '@absensi/cluster';

export interface Employee {
  id: number;
  cookie: string;
}

/** Inserts `count` employees at once (one precomputed argon2id hash for all); returns their ids. */
export async function insertEmployees(
  db: Database,
  tag: string,
  count: number,
  role: 'employee' | 'admin' = 'employee',
): Promise<number[]> {
  const passwordHash = await hashPassword('bench-password');
  for (let start = 0; start < count; start += 2_000) {
    const rows = Array.from({ length: Math.min(2_000, count - start) }, (_, offset) => ({
      name: `Bench ${tag} ${start + offset}`,
      email: `bench-${tag}-${start + offset}@example.com`,
      passwordHash,
      role,
      department: (start + offset) % 3 === 0 ? 'Ops' : 'Sales',
      active: true,
    }));
    await db.models.User.bulkCreate(rows);
  }
  const [rows] = await db.sequelize.query(
    `SELECT id FROM users WHERE email LIKE 'bench-${tag}-%' ORDER BY id`,
  );
  return (rows as { id: number }[]).map((row) => row.id);
}

export function openDb(url: string): Promise<Database> {
  return openDatabase({ DATABASE_URL: url, DB_POOL_MAX: 4, logging: false });
}

export class SessionMinter {
  private readonly signer: Signer;
  constructor(
    secret: string,
    /** A session as @fastify/session stored it at a real sign-in, to copy. */
    private readonly template: Record<string, unknown>,
  ) {
    this.signer = new Signer(secret);
  }
  private make(userId: number) {
    const id = randomBytes(24).toString('base64url');
    return {
      id,
      data: JSON.stringify({ ...this.template, userId }),
      cookie: `${SESSION_COOKIE}=${encodeURIComponent(this.signer.sign(id))}`,
    };
  }
  /** Sessions written straight into Redis, in the store's format (prefix + "sess:" + id). */
  async intoRedis(redis: Redis, prefix: string, userIds: readonly number[]): Promise<Employee[]> {
    const out: Employee[] = [];
    for (let start = 0; start < userIds.length; start += 5_000) {
      const pipeline = redis.pipeline();
      for (const id of userIds.slice(start, start + 5_000)) {
        const session = this.make(id);
        pipeline.set(`${prefix}sess:${session.id}`, session.data, 'EX', 86_400);
        out.push({ id, cookie: session.cookie });
      }
      await pipeline.exec();
    }
    return out;
  }
  /** Sessions written into the database's sessions table (the embedded mode's store). */
  async intoDatabase(db: Database, userIds: readonly number[]): Promise<Employee[]> {
    const out: Employee[] = [];
    const expiresAt = new Date(Date.now() + 86_400_000);
    for (let start = 0; start < userIds.length; start += 2_000) {
      const rows = userIds.slice(start, start + 2_000).map((id) => {
        const session = this.make(id);
        out.push({ id, cookie: session.cookie });
        return { id: session.id, data: session.data, expiresAt };
      });
      await db.models.SessionRow.bulkCreate(rows);
    }
    return out;
  }
}

/** The session id behind a Set-Cookie line (signed value → id). */
export function sessionIdOf(setCookie: readonly string[], secret: string): string {
  const line = setCookie.find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
  if (!line) throw new Error('sign-in set no session cookie');
  const signed = decodeURIComponent(line.split(';')[0]!.slice(SESSION_COOKIE.length + 1));
  const unsigned = new Signer(secret).unsign(signed);
  if (!unsigned.valid || !unsigned.value) throw new Error('session cookie did not verify');
  return unsigned.value;
}

/** Resident memory of a process in bytes, from /proc. */
export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) * 1024 : Number.NaN;
}

/** A child process of ours, stopped by its pid. */
export interface Child {
  process: ChildProcess;
  stop(): Promise<void>;
}

export function startChild(
  name: string,
  args: string[],
  env: Record<string, string>,
  log: (name: string, line: string) => void,
): Child {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) log(name, line);
  };
  child.stdout.on('data', forward);
  child.stderr.on('data', forward);
  return {
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${what} was not ready within ${timeoutMs / 1000} s`);
}

export const answers = (url: string) => async () =>
  (await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok;

/** Deletes every key under `prefix` in batches (a run leaves ~10^5 session keys: too many for one DEL). */
export async function deletePrefix(prefix: string): Promise<void> {
  const redis = redisClient();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 5_000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export function redisClient(): Redis {
  return new Redis(testEnvironment().redisUrl);
}
