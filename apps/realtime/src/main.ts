// Realtime's entry: WebSocket subscriptions on PORT, the subscribers' ingest on INGEST_PORT.
import { loadConfig } from '@absensi/config';
import { runEntry } from '@absensi/runtime';
import { startRealtime } from './realtime.js';

// On stop, clients are told to reconnect; they resume with their last event id wherever realtime
// comes back.
await runEntry(() => startRealtime(loadConfig({ PORT: '8081', APP_NODE_ID: 'realtime' })), {
  graceMs: 25_000, // Swarm's stop_grace_period for realtime is 30 s
});
