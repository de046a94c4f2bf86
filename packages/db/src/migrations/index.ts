import { initial } from './0001-initial.js';
import { reportFiles } from './0002-report-files.js';
import { sessionGeneration } from './0004-session-generation.js';
import type { Migration } from './types.js';

/** Every migration, in order. Append; never edit one that has shipped. */
export const migrations: readonly Migration[] = [initial, reportFiles, sessionGeneration];
