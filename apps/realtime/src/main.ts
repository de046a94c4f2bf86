// Realtime's entry: WebSocket subscriptions on PORT, the subscribers' ingest on INGEST_PORT.
import { ConfigError, loadConfig } from '@absensi/config';
import { startRealtime } from './realtime.js';

try {
  const realtime = await startRealtime(loadConfig({ PORT: '8081', APP_NODE_ID: 'realtime' }));
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Clients are told to reconnect; they resume with their last event id wherever realtime comes back.
    realtime.close().then(
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
