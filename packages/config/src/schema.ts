import { z } from 'zod';

function isTimeZone(zone: string): boolean {
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
  TRUST_PROXY: booleanFlag.default(false),
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
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(5),
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
] as const satisfies readonly ConfigName[];

export const CONFIG_NAMES = Object.keys(configSchema.shape) as ConfigName[];
