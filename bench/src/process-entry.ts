/** How the bench's bare servers run as processes of their own: `node <module>.js '<settings as JSON>'`. */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * When the module at `moduleUrl` is this process's entry, starts its server with the settings
 * given as JSON in argv[2] and closes it on SIGTERM; does nothing when the module is imported.
 */
export async function runWhenEntry<Settings>(
  moduleUrl: string,
  start: (settings: Settings) => Promise<{ close(): Promise<void> }>,
): Promise<void> {
  const entry = process.argv[1];
  if (!entry || resolve(entry) !== fileURLToPath(moduleUrl)) return;
  const server = await start(JSON.parse(process.argv[2] ?? '{}') as Settings);
  process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
}
