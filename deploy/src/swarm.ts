// A private Docker engine (Debian's docker.io) with a single-node Swarm, for `npm run test:swarm`.
// Everything it starts is its own: its socket, data and PID live under one directory, and it stops the
// engine by the PID in its pidfile. Traffic goes only to 127.0.0.1 and to the networks the engine creates.
import { execFile, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { childEnvironment } from './env.js';
import { repoPath, repoRoot } from './repo.js';

const execFileAsync = promisify(execFile);

export interface Engine {
  root: string;
  host: string;
  pid: number;
}

export interface RunOptions {
  env?: Record<string, string>;
  timeoutMs?: number;
  input?: string;
  cwd?: string;
}

/** Runs a command to completion; rejects with its output when it fails. */
export async function sh(
  command: string,
  args: string[],
  options: RunOptions = {},
): Promise<string> {
  if (options.input !== undefined) {
    return new Promise((resolve, reject) => {
      const child = spawn(command, args, {
        env: childEnvironment(options.env),
        cwd: options.cwd ?? repoRoot,
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0
          ? resolve(output)
          : reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output}`)),
      );
      child.stdin.end(options.input);
    });
  }
  try {
    const { stdout } = await execFileAsync(command, args, {
      env: childEnvironment(options.env),
      cwd: options.cwd ?? repoRoot,
      timeout: options.timeoutMs ?? 10 * 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const failure = error as Error & { stdout?: string; stderr?: string };
    const tail = `${failure.stdout ?? ''}\n${failure.stderr ?? ''}`
      .split('\n')
      .slice(-60)
      .join('\n');
    throw new Error(
      `${command} ${args.join(' ')} failed: ${failure.message.split('\n')[0]}\n${tail}`,
    );
  }
}

async function has(command: string): Promise<boolean> {
  return sh('sh', ['-c', `command -v ${command}`]).then(
    () => true,
    () => false,
  );
}

/** Installs the engine and debootstrap from Debian when they are missing (the machine runs as root). */
export async function ensureTools(): Promise<void> {
  if ((await has('dockerd')) && (await has('debootstrap'))) return;
  await sh('apt-get', ['update', '-qq'], { timeoutMs: 5 * 60_000 });
  await sh(
    'apt-get',
    ['install', '-y', '-qq', '--no-install-recommends', 'docker.io', 'debootstrap', 'iptables'],
    {
      env: { DEBIAN_FRONTEND: 'noninteractive' },
      timeoutMs: 10 * 60_000,
    },
  );
}

export function docker(engine: Engine, args: string[], options: RunOptions = {}): Promise<string> {
  return sh('docker', args, { ...options, env: { DOCKER_HOST: engine.host, ...options.env } });
}

/** Starts dockerd in its own session with everything under `root`; returns once it answers. */
export async function startEngine(root: string): Promise<Engine> {
  mkdirSync(root, { recursive: true });
  const socket = join(root, 'docker.sock');
  const pidfile = join(root, 'docker.pid');
  const engine: Engine = { root, host: `unix://${socket}`, pid: 0 };
  if (existsSync(pidfile)) {
    // a previous run of this test died without stopping its engine: stop that one, if that PID is still our dockerd
    const pid = Number(readFileSync(pidfile, 'utf8'));
    const cmdline = existsSync(`/proc/${pid}/cmdline`)
      ? readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      : '';
    if (cmdline.startsWith('dockerd') && cmdline.includes(pidfile))
      await stopEngine({ ...engine, pid });
    rmSync(pidfile, { force: true });
  }
  const child = spawn(
    'dockerd',
    [
      '--host',
      engine.host,
      '--data-root',
      join(root, 'data'),
      '--exec-root',
      join(root, 'exec'),
      '--pidfile',
      pidfile,
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'ignore'], env: childEnvironment() },
  );
  child.unref();
  engine.pid = child.pid ?? 0;
  for (let attempt = 0; attempt < 60; attempt++) {
    if (
      await docker(engine, ['version', '--format', '{{.Server.Version}}']).then(
        Boolean,
        () => false,
      )
    )
      return engine;
    if (child.exitCode !== null) break;
    await sleep(1000);
  }
  throw new Error(
    `dockerd did not start (pid ${engine.pid}); its log: journal of the child, data under ${root}`,
  );
}

/** Stops the engine by its PID and waits until it has exited. */
export async function stopEngine(engine: Engine): Promise<void> {
  if (!engine.pid) return;
  try {
    process.kill(engine.pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let attempt = 0; attempt < 60; attempt++) {
    try {
      process.kill(engine.pid, 0);
    } catch {
      rmSync(join(engine.root, 'docker.pid'), { force: true });
      return;
    }
    await sleep(500);
  }
  process.kill(engine.pid, 'SIGKILL');
}

/** Single-node Swarm on 127.0.0.1 with the labels stack.yml's placement asks for. */
export async function initSwarm(engine: Engine): Promise<void> {
  const state = (await docker(engine, ['info', '--format', '{{.Swarm.LocalNodeState}}'])).trim();
  if (state !== 'active') await docker(engine, ['swarm', 'init', '--advertise-addr', '127.0.0.1']);
  const node = (await docker(engine, ['info', '--format', '{{.Swarm.NodeID}}'])).trim();
  await docker(engine, [
    'node',
    'update',
    '--label-add',
    'absensi.mysql=true',
    '--label-add',
    'absensi.redis=true',
    node,
  ]);
}

/** The machine's extra certificate authorities, put where docker/build-env.sh hands them to npm; returns a cleanup. */
export function provideBuildCertificates(): () => void {
  const source = '/usr/local/share/ca-certificates';
  const added: string[] = [];
  if (existsSync(source)) {
    for (const file of readdirSync(source).filter((name) => name.endsWith('.crt'))) {
      const target = repoPath('docker', 'ca', `machine-${file}`);
      copyFileSync(join(source, file), target);
      added.push(target);
    }
  }
  return () => added.forEach((file) => rmSync(file, { force: true }));
}

export const testImages = { prefix: 'absensi-test', tag: 'swarm' } as const;

/** Builds one image from the repository root with the local base images. */
export function buildImage(engine: Engine, dockerfile: string, name: string): Promise<string> {
  return docker(
    engine,
    [
      'build',
      '--network',
      'host',
      '--build-arg',
      'NODE_IMAGE=absensi-base/node:20-bookworm',
      '--build-arg',
      'DEBIAN_IMAGE=absensi-base/debian:bookworm',
      '-f',
      dockerfile,
      '-t',
      `${testImages.prefix}/${name}:${testImages.tag}`,
      '.',
    ],
    { timeoutMs: 30 * 60_000 },
  );
}
