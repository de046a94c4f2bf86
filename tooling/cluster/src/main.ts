// `npm run cluster`: the real topology on this machine against the MariaDB/MySQL and Redis given by
// DATABASE_URL and REDIS_URL. Ctrl-C or SIGTERM stops every process it started.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, loadConfig, pushSettings, testEnvironment } from '@absensi/config';
import { startCluster } from './cluster.js';
import { prefixedSink } from './supervisor.js';
import { DEFAULT_PORTS } from './topology.js';

/** Secrets shared by the cluster's processes: from the environment, or made once and kept in the data folder. */
function clusterSecrets(
  dataDir: string,
  given: { session?: string | undefined; realtime?: string | undefined },
) {
  const file = join(dataDir, 'cluster-secrets.json');
  const saved = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { session: string; realtime: string })
    : null;
  const secrets = {
    session: given.session ?? saved?.session ?? randomBytes(32).toString('hex'),
    realtime: given.realtime ?? saved?.realtime ?? randomBytes(32).toString('hex'),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

try {
  const config = loadConfig({
    DATABASE_URL: 'mysql://root@127.0.0.1:3306/absensi',
    REDIS_URL: 'redis://127.0.0.1:6379',
  });
  if (config.DATABASE_URL.startsWith('sqlite:'))
    throw new ConfigError([
      'DATABASE_URL must be mysql://… for the cluster: four nodes share one database',
    ]);
  const dataDir = resolve(config.DATA_DIR);
  const secrets = clusterSecrets(dataDir, {
    session: config.SESSION_SECRET,
    realtime: config.REALTIME_SECRET,
  });
  const cluster = await startCluster(
    {
      host: '127.0.0.1',
      ...DEFAULT_PORTS,
      apiNodes: 4,
      subscribers: 4,
      databaseUrl: config.DATABASE_URL,
      redisUrl: config.REDIS_URL!,
      redisPrefix: config.REDIS_PREFIX,
      sessionSecret: secrets.session,
      realtimeSecret: secrets.realtime,
      adminEmail: config.ADMIN_EMAIL,
      adminPassword: config.ADMIN_PASSWORD,
      companyTz: config.COMPANY_TZ,
      logLevel: config.LOG_LEVEL,
      vapid: pushSettings(config) ?? undefined,
      balance: 'least_conn',
    },
    {
      runDir: join(dataDir, 'cluster'),
      sink: prefixedSink(process.stdout),
      path: testEnvironment().path,
    },
  );
  console.log(
    `\n  Absensi cluster is running at ${cluster.url}  (4 API nodes, 4 subscribers, realtime, worker; Ctrl-C stops it)\n`,
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('stopping every process of the cluster…');
    void cluster.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
