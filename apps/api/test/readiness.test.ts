import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig, testEnvironment } from '@absensi/config';
import { createTempDatabase, dialectsUnderTest, type TempDatabase } from '@absensi/db/testing';
import { prepareDatabase } from '@absensi/db';
import { deleteKeys, redisUnderTest, testPrefix } from '@absensi/events/testing';
import { startNode, type RunningNode } from '../src/node.js';

const ready = (await dialectsUnderTest()).includes('mysql') && (await redisUnderTest());

describe.runIf(ready)('a cluster API node before and after the migration job', () => {
  let database: TempDatabase;
  let node: RunningNode;
  const prefix = testPrefix();
  afterAll(async () => {
    await node?.close();
    await database?.drop();
    await deleteKeys(prefix);
  });

  it('reports not ready until the schema is current, then ready, without a restart', async () => {
    database = await createTempDatabase('mysql');
    const config = parseConfig({
      DATABASE_URL: database.url,
      REDIS_URL: testEnvironment().redisUrl,
      REDIS_PREFIX: prefix,
      SESSION_SECRET: 'x'.repeat(40),
      HOST: '127.0.0.1',
      PORT: '0',
      APP_NODE_ID: 'api-7',
      LOG_LEVEL: 'silent',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'absensi-ready-')),
    });
    node = await startNode(config);
    expect(node.mode).toBe('cluster');
    const url = node.url.replace('localhost', '127.0.0.1');
    const before = await fetch(`${url}/readyz`);
    expect(before.status).toBe(503);
    expect(await before.json()).toMatchObject({
      status: 'unavailable',
      reason: 'schema not current',
      node: 'api-7',
    });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    const migration = await prepareDatabase({ ...config, ADMIN_PASSWORD: 'admin-password-1' });
    await migration.db.close();
    const after = await fetch(`${url}/readyz`);
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ status: 'ready', node: 'api-7' });
  });
});
