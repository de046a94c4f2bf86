// For `npm run test:swarm`: a private Docker engine (Debian's docker.io) that builds the images, and the three
// Swarm hosts of deploy/swarm/hosts.sh they are copied to. Everything it starts is its own: sockets, data and
// PIDs live under one folder, engines are stopped by the PIDs in their pidfiles. Traffic goes only to 127.0.0.1
// and to the networks the test creates.
import { execFile, spawn } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
} from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { parseDocument } from 'yaml';
import { childEnvironment } from './env.js';
import { repoPath, repoRoot } from './repo.js';

const execFileAsync = promisify(execFile);

export interface Engine {
  root: string;
  host: string;
  pid: number;
  /** The host's network links the engine created (absent before it started), removed when it stops. */
  createdLinks?: string[];
}

/** The bridges dockerd makes on the host: docker0 (default bridge) and docker_gwbridge (Swarm's way out). */
const engineLinks = ['docker0', 'docker_gwbridge'];
const hasLink = (name: string) => existsSync(`/sys/class/net/${name}`);

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

/**
 * Installs the engine, debootstrap, iptables and iproute2 (the hosts' namespaces and bridge) from Debian when they
 * are missing (the machine runs as root).
 */
export async function ensureTools(): Promise<void> {
  const tools = ['dockerd', 'debootstrap', 'iptables', 'ip', 'nsenter'];
  if ((await Promise.all(tools.map(has))).every(Boolean)) return;
  await sh('apt-get', ['update', '-qq'], { timeoutMs: 5 * 60_000 });
  await sh(
    'apt-get',
    [
      'install',
      '-y',
      '-qq',
      '--no-install-recommends',
      'docker.io',
      'debootstrap',
      'iptables',
      'iproute2',
      'util-linux',
    ],
    {
      env: { DEBIAN_FRONTEND: 'noninteractive' },
      timeoutMs: 10 * 60_000,
    },
  );
}

/**
 * A docker command against the private engine. Builds use the classic builder (DOCKER_BUILDKIT=0): BuildKit would
 * fetch the `# syntax=docker/dockerfile:1` frontend from Docker Hub, which this machine cannot reach, while the
 * classic builder ignores that line (and a client without buildx uses it anyway).
 */
export function docker(engine: Engine, args: string[], options: RunOptions = {}): Promise<string> {
  return sh('docker', args, {
    ...options,
    env: { DOCKER_HOST: engine.host, DOCKER_BUILDKIT: '0', ...options.env },
  });
}

/** The last lines of the engine's own log (dockerd.log under its folder). */
export function engineLog(root: string, lines = 40): string {
  const log = join(root, 'dockerd.log');
  return existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-lines).join('\n') : '';
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
      await stopEngine({ ...engine, pid, createdLinks: engineLinks });
    rmSync(pidfile, { force: true });
  }
  engine.createdLinks = engineLinks.filter((name) => !hasLink(name));
  const log = openSync(join(root, 'dockerd.log'), 'w');
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
    { detached: true, stdio: ['ignore', log, log], env: childEnvironment() },
  );
  closeSync(log);
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
    `dockerd did not start (pid ${engine.pid}); the end of ${join(root, 'dockerd.log')}:\n${engineLog(root)}`,
  );
}

/** Stops the engine by its PID, waits until it has exited, then removes what it left on the host. */
export async function stopEngine(engine: Engine): Promise<void> {
  if (!engine.pid) return;
  try {
    process.kill(engine.pid, 'SIGTERM');
  } catch {
    return;
  }
  let exited = false;
  for (let attempt = 0; attempt < 60 && !exited; attempt++) {
    try {
      process.kill(engine.pid, 0);
      await sleep(500);
    } catch {
      exited = true;
    }
  }
  if (!exited) {
    process.kill(engine.pid, 'SIGKILL');
    await sleep(1000);
  }
  rmSync(join(engine.root, 'docker.pid'), { force: true });
  await removeLeftovers(engine);
}

/**
 * What dockerd leaves behind when it exits: the network namespaces it mounted under its exec root, and the
 * bridges it created on the host (only those that were not there before it started, and only when no other
 * dockerd runs). Its iptables chains stay
 * (empty, harmless, reused by the next start); so does its data root, the image cache of the next run.
 */
async function removeLeftovers(engine: Engine): Promise<void> {
  const mounts = readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[1] ?? '')
    .filter((point) => point.startsWith(`${join(engine.root, 'exec')}/`))
    .reverse();
  for (const point of mounts) await sh('umount', ['-l', point]).catch(() => '');
  if (otherEngines(engine.pid)) return; // the bridges are shared by every dockerd on the host
  for (const name of engine.createdLinks ?? [])
    if (hasLink(name)) await sh('ip', ['link', 'delete', name]).catch(() => '');
}

/**
 * Whether a dockerd other than `pid` runs in this network namespace (the engines of the test's hosts run in
 * namespaces of their own, with bridges of their own).
 */
function otherEngines(pid: number): boolean {
  const namespace = (entry: string) => readlinkSync(`/proc/${entry}/ns/net`);
  const ours = namespace('self');
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry) && Number(entry) !== pid)
    .some((entry) => {
      try {
        return (
          readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'dockerd' &&
          namespace(entry) === ours
        );
      } catch {
        return false;
      }
    });
}

/** One of the test's Swarm hosts: an engine in its own network namespace (deploy/swarm/hosts.sh). */
export interface Host {
  /** 1, 2 or 3 */
  index: number;
  /** its hostname, which is its Swarm node's name: absensi-h1 … */
  name: string;
  /** its address on the test bridge, reached from this machine */
  address: string;
  engine: Engine;
}

const hostsScript = repoPath('deploy', 'swarm', 'hosts.sh');

/** Runs deploy/swarm/hosts.sh (up, swarm, load, cut, restore, down) for the hosts under `root`. */
export function hostsCommand(
  root: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<string> {
  return sh('bash', [hostsScript, ...args], {
    env: { ABSENSI_SWARM_ROOT: root, ...env },
    timeoutMs: 10 * 60_000,
  });
}

/** The three hosts hosts.sh makes under `root`: h1 is the manager, which every stack command talks to. */
export function swarmHosts(root: string): Host[] {
  return [1, 2, 3].map((index) => {
    const folder = join(root, 'hosts', `h${index}`);
    const pidfile = join(folder, 'docker.pid');
    return {
      index,
      name: `absensi-h${index}`,
      address: `10.88.0.1${index}`,
      engine: {
        root: folder,
        host: `unix://${join(folder, 'docker.sock')}`,
        pid: existsSync(pidfile) ? Number(readFileSync(pidfile, 'utf8')) : 0,
      },
    };
  });
}

/**
 * stack.yml as the test deploys it: the same file without the overlay's encryption, which this machine's kernel
 * cannot do (no ESP: the network is made and the tasks run, but nothing crosses between hosts), and with the
 * nginx config's path made absolute, as the file is written elsewhere. Everything else is left to
 * deploy/swarm/stack.test.yml, given after it.
 */
export function testStackFile(production: string): string {
  const document = parseDocument(production);
  const options = ['networks', 'absensi-overlay', 'driver_opts'];
  if (!document.hasIn([...options, 'encrypted']))
    throw new Error('stack.yml no longer encrypts absensi-overlay: update testStackFile');
  document.deleteIn([...options, 'encrypted']);
  if ((document.getIn(options) as { items: unknown[] }).items.length === 0)
    document.deleteIn(options);
  document.setIn(['configs', 'nginx_conf', 'file'], repoPath('nginx.conf'));
  return document.toString({ lineWidth: 0 });
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
