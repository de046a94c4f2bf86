/** The bench's fixed credentials and where its built entry points are. */
import { fileURLToPath } from 'node:url';

/** The first admin every started system is given, and signs in as. */
export const ADMIN = { email: 'bench-admin@example.com', password: 'bench-admin-password-1' };
/** Signs the session cookies of the cluster, the floors and the embedded node alike. */
export const SESSION_SECRET = 'b'.repeat(40);
/** Authenticates the subscribers (and the fan-out scenario) to realtime's ingest. */
export const REALTIME_SECRET = 'r'.repeat(40);
/** The bench's own built modules (floor-server.js, fanout-servers.js), started as processes. */
export const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
