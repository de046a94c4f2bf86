import type { Config } from './schema.js';

export type DatabaseKind = 'mysql' | 'sqlite';

export function databaseKind(config: Pick<Config, 'DATABASE_URL'>): DatabaseKind {
  return config.DATABASE_URL.startsWith('sqlite:') ? 'sqlite' : 'mysql';
}
