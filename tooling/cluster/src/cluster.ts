import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { prepareNginx } from './nginx.js';
import { Supervisor, type LineSink } from './supervisor.js';
import {
  apiPorts,
  ENTRIES,
  migrationProcess,
  serviceProcesses,
  type ClusterSettings,
} from './topology.js';

export interface RunningCluster {
  settings: ClusterSettings;
  supervisor: Supervisor;
  /** http://host:nginxPort: the PWA, /trpc and /ws through nginx. */
  url: string;
  wsUrl: string;
  apiUrls: string[];
  ingestUrl: string;
  stop(): Promise<void>;
}

async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${what} was not ready within ${timeoutMs / 1000} s`);
}

const answers = (url: string) => async () =>
  (await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok;

/**
 * The whole topology on one machine: the migration first, then realtime, the API nodes, the
 * subscribers and the worker, and nginx in front, each restarted when it dies.
 */
export async function startCluster(
  settings: ClusterSettings,
  options: { runDir: string; sink: LineSink; path: string; nginx?: string },
): Promise<RunningCluster> {
  const missing = Object.entries(ENTRIES).filter(
    ([name, path]) => name !== 'web' && !existsSync(path),
  );
  if (missing.length > 0)
    throw new Error(
      `Build first (npm run build): missing ${missing.map(([, path]) => path).join(', ')}`,
    );
  const supervisor = new Supervisor(options.sink);
  const node = process.execPath;
  try {
    const migration = migrationProcess(settings, options.path);
    const code = await supervisor.run({
      name: migration.name,
      command: node,
      args: [migration.entry],
      env: migration.env,
    });
    if (code !== 0) throw new Error(`the migration job exited with ${code}`);

    for (const service of serviceProcesses(settings, options.path)) {
      supervisor.start({
        name: service.name,
        command: node,
        args: [service.entry],
        env: service.env,
        restart: true,
      });
    }
    const apiUrls = apiPorts(settings).map((port) => `http://${settings.host}:${port}`);
    const ingestUrl = `http://${settings.host}:${settings.ingestPort}`;
    // A service that never gets ready fails the start with what it printed last.
    const ready = (name: string, url: string) =>
      waitFor(`${name} (${url})`, answers(url), 120_000).catch((error: unknown) => {
        const said = supervisor.recentLines(name).join('\n  ');
        throw new Error(`${(error as Error).message}; its last output:\n  ${said || '(nothing)'}`);
      });
    await Promise.all([
      ...apiUrls.map((url, index) => ready(`api-${index + 1}`, `${url}/readyz`)),
      ready('realtime', `http://${settings.host}:${settings.realtimePort}/healthz`),
      ready('realtime', `${ingestUrl}/healthz`),
    ]);

    const { args } = prepareNginx(join(options.runDir, 'nginx'), settings);
    supervisor.start({
      name: 'nginx',
      command: options.nginx ?? 'nginx',
      args,
      env: { PATH: options.path },
      restart: true,
    });
    const url = `http://${settings.host}:${settings.nginxPort}`;
    await waitFor('nginx', answers(`${url}/nginx-health`), 30_000);

    return {
      settings,
      supervisor,
      url,
      wsUrl: `ws://${settings.host}:${settings.nginxPort}/ws`,
      apiUrls,
      ingestUrl,
      stop: () => supervisor.stopAll(),
    };
  } catch (error) {
    await supervisor.stopAll(3_000);
    throw error;
  }
}
