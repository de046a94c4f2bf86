import { isIP } from 'node:net';
import { z } from 'zod';

/** An IANA zone name ("Area/Location", or UTC) that Intl knows; not an offset such as UTC+7. */
function isTimeZone(zone: string): boolean {
  if (!/^(?:UTC|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+)$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** Names @fastify/proxy-addr knows for whole ranges. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrCidr(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Which proxies in front of this process may say who the client is (X-Forwarded-For): none
 * (`false`), the nearest N hops (a number: `1` behind one nginx), or the proxies' own addresses and
 * CIDR blocks. `true` ("anyone") is refused: every client could then choose the address that the
 * login limiter and the WebSocket limit count.
 */
const trustProxy = z.string().transform((value, context): false | number | string[] => {
  const text = value.trim();
  if (['false', 'no', 'off'].includes(text)) return false;
  if (['true', 'yes', 'on'].includes(text)) {
    context.addIssue({
      code: 'custom',
      message:
        'must name the proxies to trust, not "true" (which trusts any client\'s X-Forwarded-For): a hop count such as 1 (one nginx in front), or their addresses/CIDRs such as 10.0.0.0/8,127.0.0.1',
    });
    return z.NEVER;
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) {
      context.addIssue({ code: 'custom', message: 'must be a hop count from 0 to 10' });
      return z.NEVER;
    }
    return hops === 0 ? false : hops;
  }
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const wrong = entries.filter((entry) => !isAddressOrCidr(entry));
  if (entries.length === 0 || wrong.length > 0) {
    context.addIssue({
      code: 'custom',
      message: `must be false, a hop count, or addresses/CIDRs separated by commas (not understood: ${wrong.join(', ') || 'nothing given'})`,
    });
    return z.NEVER;
  }
  return entries;
});

/** The origins (scheme://host[:port]) a browser may open the live WebSocket from. */
const publicOrigins = z.string().transform((value, context): string[] => {
  const origins: string[] = [];
  for (const entry of value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)) {
    let url: URL | null = null;
    try {
      url = new URL(entry);
    } catch {
      url = null;
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== entry.replace(/\/$/, '')) {
      context.addIssue({
        code: 'custom',
        message: `must be origins such as https://absensi.example.co.id, separated by commas (not an origin: ${entry})`,
      });
      return z.NEVER;
    }
    origins.push(url.origin);
  }
  return origins;
});

const databaseUrl = z
  .string()
  .refine((value) => /^(mysql|mariadb):\/\/.+/.test(value) || /^sqlite:.+/.test(value), {
    message: 'must be mysql://user:password@host:port/database or sqlite:path/to/file.sqlite',
  });

const redisUrl = z.string().refine((value) => /^rediss?:\/\/.+/.test(value), {
  message: 'must be redis://host:port (or rediss:// for TLS)',
});

const secret = (name: string) =>
  z
    .string()
    .min(32, { message: `${name} must be at least 32 characters (try: openssl rand -hex 32)` });

/**
 * Every setting Absensi reads, with the defaults of the embedded mode (`npm start`).
 * Secrets (see SECRET_NAMES) may also be given as NAME_FILE, the path of a file holding the value.
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  APP_NODE_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, {
      message: 'must be 1-64 letters, digits, dots, dashes or underscores',
    })
    .default('api-1'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  DATABASE_URL: databaseUrl.default('sqlite:./data/absensi.sqlite'),
  DATABASE_PASSWORD: z.string().optional(),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: redisUrl.optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,64}$/, {
      message: 'must be letters, digits, colons, dashes or underscores',
    })
    .default('absensi-'),
  SESSION_SECRET: secret('SESSION_SECRET').optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .default(24 * 30),
  COOKIE_SECURE: booleanFlag.default(false),
  TRUST_PROXY: trustProxy.default(false),
  /**
   * Origins the live WebSocket accepts in a browser's Origin header. Unset: the page's origin must
   * be the host the request was sent to (its Host header).
   */
  PUBLIC_ORIGINS: publicOrigins.optional(),
  /** Bearer token that /metrics requires; unset, /metrics answers 404. */
  METRICS_TOKEN: z
    .string()
    .min(16, {
      message: 'METRICS_TOKEN must be at least 16 characters (try: openssl rand -hex 16)',
    })
    .optional(),
  /** Live WebSocket connections one client address may hold at once (after the trusted proxy). */
  WS_MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(200),
  /**
   * Admission control of an API node: a call that writes is refused at once with 503 and
   * Retry-After (before any database work) while the node's oldest wait for a database connection
   * passes this many ms; 0 turns the check off.
   */
  ADMISSION_WRITE_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(100),
  /** The same for a call that reads; `auth.me` (the app's "am I signed in"), /healthz and /readyz are never refused. */
  ADMISSION_READ_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(400),
  /** Calls that write one node serves at once; beyond it new ones get 503 (0: no limit). */
  ADMISSION_MAX_WRITES_IN_FLIGHT: z.coerce.number().int().min(0).max(100_000).default(64),
  /** Calls that read one node serves at once; beyond it new ones get 503 (0: no limit). */
  ADMISSION_MAX_READS_IN_FLIGHT: z.coerce.number().int().min(0).max(100_000).default(256),
  /**
   * Mean event-loop delay (ms) past which an API node refuses calls as for the budgets above (0: off):
   * for a node short of CPU rather than of database connections.
   */
  ADMISSION_MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  /**
   * The least Retry-After (seconds) of a call refused by admission control; clients add jitter. It
   * grows with the node's ratio of calls refused to calls taken over the last 2 s.
   */
  ADMISSION_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).max(600).default(2),
  /** The longest Retry-After (seconds) it grows to; the PWA waits at most 60 s whatever it says. */
  ADMISSION_MAX_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).max(600).default(15),
  /**
   * Web Push (notifications on a phone while the app is closed): the VAPID key pair, as
   * `npx web-push generate-vapid-keys` prints it (base64url), and who runs the server (mailto: or
   * https:). All three or none; none: push is off and the app does not offer it.
   */
  VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{80,100}$/, {
      message: 'must be a VAPID public key in base64url (npx web-push generate-vapid-keys)',
    })
    .optional(),
  VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{40,50}$/, {
      message: 'must be a VAPID private key in base64url (npx web-push generate-vapid-keys)',
    })
    .optional(),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, {
      message: 'must be a mailto: address or an https: URL of whoever runs this server',
    })
    .optional(),
  /**
   * Tests only: accept push endpoints on http://127.0.0.1 (a local receiver) besides the https
   * endpoints of real push services. Never in production.
   */
  PUSH_ALLOW_LOOPBACK_ENDPOINTS: booleanFlag.default(false),
  ADMIN_EMAIL: z.email({ message: 'must be an email address' }).default('admin@absensi.local'),
  ADMIN_PASSWORD: z.string().min(8, { message: 'must be at least 8 characters' }).optional(),
  COMPANY_TZ: z
    .string()
    .refine(isTimeZone, { message: 'must be an IANA time zone such as Asia/Jakarta' })
    .default('Asia/Jakarta'),
  REALTIME_SECRET: secret('REALTIME_SECRET').optional(),
  REALTIME_INTERNAL_URL: z
    .url({ message: 'must be a URL such as http://realtime:8080' })
    .optional(),
  /** Realtime's internal ingest port (subscribers post events there; nginx never exposes it). */
  INGEST_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** The built PWA the embedded mode serves at / (relative to the working directory); nginx serves it in the cluster. */
  WEB_DIST: z.string().min(1).default('apps/web/dist'),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Failed sign-ins allowed for one email from one address in the window. */
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(5),
  /** Failed sign-ins allowed from one address, whatever the email, in the window. */
  LOGIN_MAX_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(50),
  LOGIN_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(86_400)
    .default(15 * 60),
});

export type Config = z.infer<typeof configSchema>;
export type ConfigName = keyof Config;

/** Settings that may come from Docker secrets as NAME_FILE. */
export const SECRET_NAMES = [
  'DATABASE_URL',
  'DATABASE_PASSWORD',
  'REDIS_URL',
  'SESSION_SECRET',
  'ADMIN_PASSWORD',
  'REALTIME_SECRET',
  'METRICS_TOKEN',
  'VAPID_PRIVATE_KEY',
] as const satisfies readonly ConfigName[];

export const CONFIG_NAMES = Object.keys(configSchema.shape) as ConfigName[];
