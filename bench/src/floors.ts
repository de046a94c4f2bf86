/**
 * A floor as the bench runs it: four processes of one bare server behind a second nginx from the
 * root nginx.conf, like the cluster's four API nodes behind its nginx.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { sharedServices, withWorkers, type CpuGroups } from './cpu.js';
import type { Target } from './load.js';
import { prepareFloorNginx } from './nginx.js';
import type { Resources } from './resources.js';
import { answers, freePortBlock, startChild, waitFor } from './setup.js';

export interface RunningFloor {
  /** nginx in front of the floor's processes. */
  target: Target;
  /** Where the CPU of a step on this floor goes: its processes (by its name), nginx, MariaDB, Redis. */
  cpuGroups: () => CpuGroups;
}

export async function startFloorBehindNginx(options: {
  /** Names its processes (`<name>-1` …), its nginx (`<name>-nginx`) and its CPU group. */
  name: string;
  /** The server's built module; started as `node <entry> '<settings as JSON>'`. */
  entry: string;
  /** The server's settings, less the port and node id each process is given. */
  settings: Record<string, unknown>;
  realtimePort: number;
  runDir: string;
  path: string;
  sink: (name: string, line: string) => void;
  resources: Resources;
}): Promise<RunningFloor> {
  const { name, sink, resources } = options;
  const base = await freePortBlock(6);
  const ports = [1, 2, 3, 4].map((offset) => base + offset);
  const pids: number[] = [];
  for (const [index, port] of ports.entries()) {
    const settings = { port, nodeId: `${name}-${index + 1}`, ...options.settings };
    const floor = resources.adopt(
      startChild(
        `${name}-${index + 1}`,
        [options.entry, JSON.stringify(settings)],
        { PATH: options.path, NODE_ENV: 'production' },
        sink,
      ),
    );
    if (floor.process.pid !== undefined) pids.push(floor.process.pid);
  }
  await Promise.all(
    ports.map((port) =>
      waitFor(`${name} ${port}`, answers(`http://127.0.0.1:${port}/healthz`), 30_000),
    ),
  );
  const nginxArgs = prepareFloorNginx(join(options.runDir, `${name}-nginx`), {
    nginxPort: base,
    upstreamPorts: ports,
    realtimePort: options.realtimePort,
  });
  const nginx = spawn('nginx', nginxArgs, {
    env: { PATH: options.path },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  nginx.stderr.on('data', (chunk: Buffer) => sink(`${name}-nginx`, chunk.toString().trim()));
  resources.onClose(
    () =>
      new Promise<void>((resolve) => {
        if (nginx.exitCode !== null) return resolve();
        nginx.once('exit', () => resolve());
        nginx.kill('SIGTERM');
      }),
  );
  await waitFor(`${name} nginx`, answers(`http://127.0.0.1:${base}/nginx-health`), 15_000);
  return {
    target: { host: '127.0.0.1', port: base },
    cpuGroups: () => ({ [name]: pids, nginx: withWorkers(nginx.pid), ...sharedServices() }),
  };
}
