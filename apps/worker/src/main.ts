// The worker's entry: process jobs until SIGTERM, then finish the ones in progress.
import { ConfigError, loadConfig } from '@absensi/config';
import { startWorker } from './worker.js';

try {
  const worker = await startWorker(loadConfig({ APP_NODE_ID: 'worker' }));
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    worker.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
