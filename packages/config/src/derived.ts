import type { Config } from './schema.js';

export type DatabaseKind = 'mysql' | 'sqlite';

export function databaseKind(config: Pick<Config, 'DATABASE_URL'>): DatabaseKind {
  return config.DATABASE_URL.startsWith('sqlite:') ? 'sqlite' : 'mysql';
}

/** Web Push's settings when it is on (all three VAPID variables set), else null. */
export interface PushSettings {
  publicKey: string;
  privateKey: string;
  subject: string;
  /** Tests only: endpoints on http://127.0.0.1 are accepted. */
  allowLoopback: boolean;
}

export function pushSettings(
  config: Pick<
    Config,
    'VAPID_PUBLIC_KEY' | 'VAPID_PRIVATE_KEY' | 'VAPID_SUBJECT' | 'PUSH_ALLOW_LOOPBACK_ENDPOINTS'
  >,
): PushSettings | null {
  if (!config.VAPID_PUBLIC_KEY || !config.VAPID_PRIVATE_KEY || !config.VAPID_SUBJECT) return null;
  return {
    publicKey: config.VAPID_PUBLIC_KEY,
    privateKey: config.VAPID_PRIVATE_KEY,
    subject: config.VAPID_SUBJECT,
    allowLoopback: config.PUSH_ALLOW_LOOPBACK_ENDPOINTS,
  };
}
