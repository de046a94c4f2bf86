import { readFileSync } from 'node:fs';
import { configSchema, SECRET_NAMES, type Config } from './schema.js';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export type Environment = Readonly<Record<string, string | undefined>>;
type ReadSecretFile = (path: string) => string;

const readUtf8 = (path: string) => readFileSync(path, 'utf8');

/** Replaces NAME_FILE by the file's content for every secret; reports both set or unreadable files. */
function resolveSecretFiles(env: Environment, readFile: ReadSecretFile) {
  const resolved: Record<string, string | undefined> = { ...env };
  const problems: string[] = [];
  for (const name of SECRET_NAMES) {
    const file = env[`${name}_FILE`];
    if (file === undefined || file === '') continue;
    if (env[name] !== undefined && env[name] !== '') {
      problems.push(`${name} and ${name}_FILE are both set: keep one`);
      continue;
    }
    try {
      resolved[name] = readFile(file).replace(/\r?\n$/, '');
    } catch (error) {
      problems.push(
        `${name}_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      );
    }
  }
  return { resolved, problems };
}

/** Treat empty variables as unset, as shells and compose files often export NAME= for "nothing". */
function dropEmpty(env: Record<string, string | undefined>) {
  return Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
}

export function parseConfig(env: Environment, readFile: ReadSecretFile = readUtf8): Config {
  const { resolved, problems } = resolveSecretFiles(env, readFile);
  const result = configSchema.safeParse(dropEmpty(resolved));
  if (!result.success) {
    for (const issue of result.error.issues) {
      const name = issue.path.join('.');
      problems.push(issue.message.startsWith(name) ? issue.message : `${name} ${issue.message}`);
    }
  }
  if (result.success) {
    const vapid = VAPID_NAMES.filter((name) => result.data[name] !== undefined);
    if (vapid.length > 0 && vapid.length < VAPID_NAMES.length)
      problems.push(
        `${VAPID_NAMES.filter((name) => !vapid.includes(name)).join(', ')} must be set with ${vapid.join(', ')}: Web Push needs all three (or none, to leave it off)`,
      );
  }
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  return result.data;
}

const VAPID_NAMES = ['VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY', 'VAPID_SUBJECT'] as const;

/**
 * The process's configuration; the one place that reads process.env. `defaults` are a service's
 * own defaults (realtime listens on 8081 unless PORT says otherwise); the environment wins.
 */
export function loadConfig(defaults: Environment = {}): Config {
  return parseConfig({ ...defaults, ...process.env });
}

/** Variables that only tests read (which external services to use), kept here so nothing else touches process.env. */
export function testEnvironment() {
  return {
    ci: process.env.CI === 'true' || process.env.CI === '1',
    mysqlUrl: process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test',
    redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    /** PATH for child processes a test starts with an otherwise clean environment. */
    path: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    /** UPDATE_SCREENSHOTS=1: the web app's screenshot tests write their references, not compare. */
    updateScreenshots: process.env.UPDATE_SCREENSHOTS === '1',
  };
}
