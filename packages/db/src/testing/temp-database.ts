import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { testEnvironment } from '@absensi/config';

export type TestDialect = 'sqlite' | 'mysql';

export interface TempDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** True when MariaDB answers; tests that need it fail in CI when it does not, and skip elsewhere. */
export async function mysqlAvailable(): Promise<boolean> {
  try {
    const connection = await createConnection({
      uri: testEnvironment().mysqlUrl,
      connectTimeout: 2_000,
    });
    await connection.end();
    return true;
  } catch {
    return false;
  }
}

/** A database of its own for one test file: a SQLite file in a temp folder, or a fresh MariaDB database. */
export async function createTempDatabase(dialect: TestDialect): Promise<TempDatabase> {
  if (dialect === 'sqlite') {
    const folder = mkdtempSync(join(tmpdir(), 'absensi-test-'));
    return {
      url: `sqlite:${join(folder, 'test.sqlite')}`,
      drop: () => Promise.resolve(rmSync(folder, { recursive: true, force: true })),
    };
  }
  const base = new URL(testEnvironment().mysqlUrl);
  const name = `absensi_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = await createConnection({ uri: base.toString(), connectTimeout: 5_000 });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const connection = await createConnection({ uri: base.toString(), connectTimeout: 5_000 });
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
    },
  };
}

/**
 * The dialects a test file should run against: always SQLite, and MariaDB when it answers. In CI
 * (CI=true) a missing MariaDB is an error, never a skip.
 */
export async function dialectsUnderTest(): Promise<TestDialect[]> {
  if (await mysqlAvailable()) return ['sqlite', 'mysql'];
  if (testEnvironment().ci)
    throw new Error(
      `MariaDB is required in CI and did not answer at ${testEnvironment().mysqlUrl}`,
    );
  console.warn(
    `SKIPPING the MariaDB half of these tests: nothing answers at ${testEnvironment().mysqlUrl}`,
  );
  return ['sqlite'];
}
