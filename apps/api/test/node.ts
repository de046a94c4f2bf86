import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, type Config } from '@absensi/config';
import { createTempDatabase, type TempDatabase, type TestDialect } from '@absensi/db/testing';
import { startNode, type RunningNode } from '../src/node.js';

export const ADMIN = { email: 'admin@example.com', password: 'admin-password-123' };
/** The token test nodes require on /metrics. */
export const METRICS_TOKEN = 'metrics-token-for-tests';

/**
 * One API node on a free loopback port with a database of its own; embedded mode unless env says
 * otherwise. `restartOf` starts it again on the database and data folder of a node already stopped.
 */
export async function startTestNode(
  dialect: TestDialect,
  env: Record<string, string> = {},
  restartOf?: { database: TempDatabase; config: Config },
) {
  const database: TempDatabase = restartOf?.database ?? (await createTempDatabase(dialect));
  const config: Config = parseConfig({
    DATABASE_URL: database.url,
    DATA_DIR: restartOf?.config.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'absensi-node-')),
    HOST: '127.0.0.1',
    PORT: '0',
    APP_NODE_ID: 'api-test',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
    WEB_DIST: '/nonexistent',
    METRICS_TOKEN,
    // Refusals under load depend on how busy the machine is: off here, so the other tests see the
    // same answers on a busy CI machine; admission.test.ts turns each budget on where it tests it.
    ADMISSION_WRITE_WAIT_MS: '0',
    ADMISSION_READ_WAIT_MS: '0',
    ADMISSION_MAX_WRITES_IN_FLIGHT: '0',
    ADMISSION_MAX_READS_IN_FLIGHT: '0',
    ...env,
  });
  const node: RunningNode = await startNode(config);
  const url = node.url.replace('localhost', '127.0.0.1');
  return {
    node,
    url,
    wsUrl: `${url.replace(/^http/, 'ws')}/ws`,
    config,
    database,
    /** Stops the node and keeps its database (for a restart). */
    halt: () => node.close(),
    async stop() {
      await node.close();
      await database.drop();
    },
  };
}

export type TestNode = Awaited<ReturnType<typeof startTestNode>>;
