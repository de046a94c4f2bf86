import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '@absensi/config';

/**
 * The secret that signs session cookies. Configured in the cluster (every node must share it); in
 * the embedded mode, made once and kept in the data folder so a restart keeps people signed in.
 */
export function resolveSessionSecret(
  config: Pick<Config, 'SESSION_SECRET' | 'REDIS_URL' | 'DATA_DIR'>,
): string {
  if (config.SESSION_SECRET) return config.SESSION_SECRET;
  if (config.REDIS_URL) {
    throw new Error(
      'SESSION_SECRET (or SESSION_SECRET_FILE) is required when REDIS_URL is set: every node must sign sessions alike',
    );
  }
  const file = join(config.DATA_DIR, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
