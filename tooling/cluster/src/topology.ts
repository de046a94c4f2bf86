import { fileURLToPath } from 'node:url';

const repo = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

export const REPO_ROOT = repo('.');
export const ENTRIES = {
  api: repo('apps/api/dist/main.js'),
  realtime: repo('apps/realtime/dist/main.js'),
  subscriber: repo('apps/subscriber/dist/main.js'),
  worker: repo('apps/worker/dist/main.js'),
  migration: repo('packages/db/dist/cli/migrate.js'),
  web: repo('apps/web/dist'),
  nginxConf: repo('nginx.conf'),
} as const;

export interface ClusterSettings {
  host: string;
  nginxPort: number;
  /** The API nodes listen on apiBasePort + 1 … apiBasePort + apiNodes. */
  apiBasePort: number;
  apiNodes: number;
  subscribers: number;
  realtimePort: number;
  ingestPort: number;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  sessionSecret: string;
  realtimeSecret: string;
  adminEmail: string;
  adminPassword?: string | undefined;
  companyTz: string;
  logLevel: string;
  /** Web Push's VAPID settings, passed on as given (all three or none). */
  vapid?: { publicKey: string; privateKey: string; subject: string } | undefined;
  /** ip_hash instead of least_conn (the old design's sticky sessions). */
  balance: 'least_conn' | 'ip_hash';
  /** Live sockets one client address may hold (realtime's WS_MAX_CONNECTIONS_PER_ADDRESS); unset, its default. */
  wsMaxConnectionsPerAddress?: number | undefined;
}

export const DEFAULT_PORTS = {
  nginxPort: 8000,
  apiBasePort: 3000,
  realtimePort: 8081,
  ingestPort: 8080,
} as const;

/**
 * A whole cluster on one loopback block of 12 ports from `base` (nginx on base, API nodes on base+1…4,
 * realtime on base+10, its ingest on base+11), as the tests and the bench run it.
 */
export function loopbackClusterSettings(
  base: number,
  given: Pick<
    ClusterSettings,
    | 'databaseUrl'
    | 'redisUrl'
    | 'redisPrefix'
    | 'sessionSecret'
    | 'realtimeSecret'
    | 'adminEmail'
    | 'adminPassword'
  > &
    Partial<Pick<ClusterSettings, 'wsMaxConnectionsPerAddress'>>,
): ClusterSettings {
  return {
    host: '127.0.0.1',
    nginxPort: base,
    apiBasePort: base,
    apiNodes: 4,
    subscribers: 4,
    realtimePort: base + 10,
    ingestPort: base + 11,
    companyTz: 'Asia/Jakarta',
    logLevel: 'warn',
    balance: 'least_conn',
    ...given,
  };
}

export function apiPorts(settings: Pick<ClusterSettings, 'apiBasePort' | 'apiNodes'>): number[] {
  return Array.from({ length: settings.apiNodes }, (_, index) => settings.apiBasePort + index + 1);
}

/** The environment every service shares, as stack.yml gives it. */
function sharedEnv(settings: ClusterSettings, path: string): Record<string, string> {
  return {
    PATH: path,
    NODE_ENV: 'production',
    HOST: settings.host,
    DATABASE_URL: settings.databaseUrl,
    REDIS_URL: settings.redisUrl,
    REDIS_PREFIX: settings.redisPrefix,
    SESSION_SECRET: settings.sessionSecret,
    REALTIME_SECRET: settings.realtimeSecret,
    COMPANY_TZ: settings.companyTz,
    LOG_LEVEL: settings.logLevel,
    ...(settings.vapid
      ? {
          VAPID_PUBLIC_KEY: settings.vapid.publicKey,
          VAPID_PRIVATE_KEY: settings.vapid.privateKey,
          VAPID_SUBJECT: settings.vapid.subject,
        }
      : {}),
  };
}

export interface NodeProcess {
  name: string;
  entry: string;
  env: Record<string, string>;
}

export function migrationProcess(settings: ClusterSettings, path: string): NodeProcess {
  const env = {
    ...sharedEnv(settings, path),
    APP_NODE_ID: 'migration',
    ADMIN_EMAIL: settings.adminEmail,
  };
  return {
    name: 'migration',
    entry: ENTRIES.migration,
    env: settings.adminPassword ? { ...env, ADMIN_PASSWORD: settings.adminPassword } : env,
  };
}

/** The long-running services, in the order they start. */
export function serviceProcesses(settings: ClusterSettings, path: string): NodeProcess[] {
  const shared = sharedEnv(settings, path);
  const ingestUrl = `http://${settings.host}:${settings.ingestPort}`;
  return [
    {
      name: 'realtime',
      entry: ENTRIES.realtime,
      env: {
        ...shared,
        APP_NODE_ID: 'realtime',
        PORT: String(settings.realtimePort),
        INGEST_PORT: String(settings.ingestPort),
        // nginx is the one hop in front: the client is the address it appends to X-Forwarded-For.
        TRUST_PROXY: '1',
        ...(settings.wsMaxConnectionsPerAddress
          ? { WS_MAX_CONNECTIONS_PER_ADDRESS: String(settings.wsMaxConnectionsPerAddress) }
          : {}),
      },
    },
    ...apiPorts(settings).map((port, index) => ({
      name: `api-${index + 1}`,
      entry: ENTRIES.api,
      env: { ...shared, APP_NODE_ID: `api-${index + 1}`, PORT: String(port), TRUST_PROXY: '1' },
    })),
    ...Array.from({ length: settings.subscribers }, (_, index) => ({
      name: `subscriber-${index + 1}`,
      entry: ENTRIES.subscriber,
      env: { ...shared, APP_NODE_ID: `subscriber-${index + 1}`, REALTIME_INTERNAL_URL: ingestUrl },
    })),
    { name: 'worker', entry: ENTRIES.worker, env: { ...shared, APP_NODE_ID: 'worker' } },
  ];
}
