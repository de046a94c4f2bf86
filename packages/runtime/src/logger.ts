import { pino, type Logger as PinoLogger } from 'pino';
import type { Config } from '@absensi/config';

/** The process's logger: JSON lines tagged with the node's name. */
export function createLogger(config: Pick<Config, 'LOG_LEVEL' | 'APP_NODE_ID'>): PinoLogger {
  return pino({ level: config.LOG_LEVEL, base: { node: config.APP_NODE_ID } });
}
