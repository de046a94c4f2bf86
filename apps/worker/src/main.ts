// The worker's entry: process jobs until SIGTERM, then finish the ones in progress.
import { loadConfig } from '@absensi/config';
import { runEntry } from '@absensi/runtime';
import { startWorker } from './worker.js';

await runEntry(() => startWorker(loadConfig({ APP_NODE_ID: 'worker' })), {
  graceMs: 55_000, // Swarm's stop_grace_period for the worker is 60 s: an export may be finishing
});
