export {
  configSchema,
  CONFIG_NAMES,
  SECRET_NAMES,
  type Config,
  type ConfigName,
} from './schema.js';
export { ConfigError, loadConfig, parseConfig, testEnvironment, type Environment } from './load.js';
export { databaseKind, pushSettings, type DatabaseKind, type PushSettings } from './derived.js';
