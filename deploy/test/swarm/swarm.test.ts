// `npm run test:swarm`: stack.yml on a real single-node Swarm. A private engine from Debian's docker.io, base
// images made with debootstrap, every image built from docker/, the stack deployed with the test override
// (deploy/swarm/stack.test.yml), then through nginx on 127.0.0.1:8000: log in, clock in and see the event on
// /ws; kill an api task while requests keep succeeding; force a rolling update of api under a trickle of
// clock-ins with no failed request. Everything is torn down at the end, the engine included (its image cache
// under the engine's folder is kept for the next run). ABSENSI_SWARM_ROOT names that folder (default
// /tmp/absensi-swarm): its socket, data, exec root, pidfile and the base images' work folder.
import { randomBytes, randomUUID } from 'node:crypto';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDockerfiles, prunedPackage, readDockerfile } from '../../src/dockerfiles.js';
import { keepSwarm, swarmRoot as root } from '../../src/env.js';
import { appWorkspaces, repoPath } from '../../src/repo.js';
import {
  assertPortsFree,
  buildImage,
  docker,
  ensureTools,
  initSwarm,
  provideBuildCertificates,
  sh,
  startEngine,
  stopEngine,
  testImages,
  type Engine,
} from '../../src/swarm.js';

const base = 'http://127.0.0.1:8000';
/** What stack.yml publishes on the host (nginx, realtime, MySQL): another process on one of them fails the deploy. */
const publishedPorts = [8000, 8081, 3307];
const admin = { email: 'admin@absensi.local', password: randomBytes(12).toString('hex') };
let engine: Engine | undefined;
let removeCertificates = () => {};
const started = Date.now();
let lap = started;

/** One line per step with its duration and the time since the start, so a slow or stuck step shows. */
function step(what: string): void {
  const now = Date.now();
  console.log(
    `[swarm] ${what} (${((now - lap) / 1000).toFixed(0)} s; ${((now - started) / 1000).toFixed(0)} s in all)`,
  );
  lap = now;
}

function on(): Engine {
  if (!engine) throw new Error('the engine did not start');
  return engine;
}

interface Session {
  cookie: string;
}

async function trpc<T>(
  procedure: string,
  input: unknown,
  session?: Session,
  kind: 'query' | 'mutation' = 'mutation',
): Promise<{ data: T; node: string | null }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (session) headers.cookie = session.cookie;
  const url =
    kind === 'query'
      ? `${base}/trpc/${procedure}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`
      : `${base}/trpc/${procedure}`;
  const response = await fetch(url, {
    method: kind === 'query' ? 'GET' : 'POST',
    headers,
    body: kind === 'query' ? undefined : JSON.stringify(input ?? {}),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${procedure}: HTTP ${response.status} ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as { result: { data: T } };
  return { data: body.result.data, node: response.headers.get('x-app-node') };
}

async function login(email: string, password: string): Promise<Session> {
  const response = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(10_000),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  expect(cookie).not.toBe('');
  return { cookie };
}

async function serviceTasks(
  service: string,
): Promise<{ name: string; state: string; desired: string; id: string }[]> {
  const lines = await docker(on(), [
    'service',
    'ps',
    '--no-trunc',
    '--format',
    '{{.ID}}|{{.Name}}|{{.CurrentState}}|{{.DesiredState}}',
    `absensi_${service}`,
  ]);
  return lines
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [id, name, state, desired] = line.split('|');
      return { id: id!, name: name!, state: state!, desired: desired! };
    });
}

/** Sends one request after another until `stop` resolves; returns what failed. */
async function trickle(send: () => Promise<unknown>, stop: Promise<unknown>, everyMs = 200) {
  let done = false;
  void stop.finally(() => (done = true));
  const failures: string[] = [];
  let sent = 0;
  while (!done) {
    sent++;
    await send().catch((error: unknown) =>
      failures.push(error instanceof Error ? error.message : String(error)),
    );
    await sleep(everyMs);
  }
  return { sent, failures };
}

beforeAll(async () => {
  // every image carries an app: fail at once, and say which, when one is not written yet
  const missing = listDockerfiles()
    .map((name) => readDockerfile(name))
    .map((dockerfile) => prunedPackage(dockerfile))
    .filter((pkg) => !appWorkspaces().some((app) => app.name === pkg));
  if (missing.length > 0)
    throw new Error(
      `no workspace under apps/ for ${missing.join(', ')}: their images cannot be built`,
    );
  await ensureTools();
  step('docker.io and debootstrap present');
  engine = await startEngine(root);
  await initSwarm(engine);
  // what a run that died may have left: its stack, and volumes initialised with other secrets
  await removeStack(engine);
  await docker(engine, ['volume', 'rm', '-f', 'absensi_mysql_data', 'absensi_redis_data']);
  await assertPortsFree(publishedPorts);
  step(`engine ${engine.host} (pid ${engine.pid}) up, single-node Swarm`);
  await sh('bash', [repoPath('docker', 'base', 'make-base-images.sh'), `${root}/base`], {
    env: { DOCKER_HOST: engine.host },
    timeoutMs: 15 * 60_000,
  });
  step('base images');
  removeCertificates = provideBuildCertificates();
  for (const name of listDockerfiles()) {
    await buildImage(engine, `docker/${name}.Dockerfile`, name);
    step(`image ${name}`);
  }
  await buildImage(engine, 'docker/swarm-test/mariadb.Dockerfile', 'mariadb');
  await buildImage(engine, 'docker/swarm-test/redis.Dockerfile', 'redis');
  step('images mariadb and redis (test stand-ins)');

  const secrets: Record<string, string> = {
    absensi_db_password: randomBytes(16).toString('hex'),
    absensi_db_root_password: randomBytes(16).toString('hex'),
    absensi_session_secret: randomBytes(32).toString('hex'),
    absensi_realtime_secret: randomBytes(32).toString('hex'),
    absensi_admin_password: admin.password,
  };
  const existing = await docker(engine, ['secret', 'ls', '--format', '{{.Name}}']);
  for (const [name, value] of Object.entries(secrets)) {
    if (existing.split('\n').includes(name)) await docker(engine, ['secret', 'rm', name]);
    await docker(engine, ['secret', 'create', name, '-'], { input: value });
  }
  const nginxConf = createHash('sha256')
    .update(readFileSync(repoPath('nginx.conf')))
    .digest('hex')
    .slice(0, 12);
  await docker(
    engine,
    [
      'stack',
      'deploy',
      '--resolve-image',
      'never',
      '-c',
      'stack.yml',
      '-c',
      'deploy/swarm/stack.test.yml',
      'absensi',
    ],
    {
      env: {
        ABSENSI_IMAGE_PREFIX: testImages.prefix,
        TAG: testImages.tag,
        MYSQL_IMAGE: `${testImages.prefix}/mariadb:${testImages.tag}`,
        REDIS_IMAGE: `${testImages.prefix}/redis:${testImages.tag}`,
        NGINX_CONF_VERSION: nginxConf,
      },
    },
  );
  step('stack deployed');
  await sh('bash', [repoPath('deploy', 'scripts', 'wait-for-rollout.sh'), 'absensi', '600'], {
    env: { DOCKER_HOST: engine.host },
    timeoutMs: 11 * 60_000,
  });
  step('stack converged');
});

/** Removes the stack and waits until its containers and network are gone. */
async function removeStack(engine: Engine): Promise<void> {
  await docker(engine, ['stack', 'rm', 'absensi']).catch(() => '');
  for (let attempt = 0; attempt < 90; attempt++) {
    const containers = await docker(engine, [
      'ps',
      '-aq',
      '--filter',
      'label=com.docker.stack.namespace=absensi',
    ]);
    const networks = await docker(engine, [
      'network',
      'ls',
      '-q',
      '--filter',
      'label=com.docker.stack.namespace=absensi',
    ]);
    if (containers.trim() === '' && networks.trim() === '') return;
    await sleep(1000);
  }
  throw new Error('the stack absensi was not removed within 90 s');
}

afterAll(async () => {
  removeCertificates();
  if (!engine) return;
  step('tests done');
  if (keepSwarm) {
    console.log(
      `[swarm] ABSENSI_SWARM_KEEP=1: the stack runs on DOCKER_HOST=${engine.host}; stop the engine with kill ${engine.pid}`,
    );
    return;
  }
  await removeStack(engine).catch(() => undefined);
  await docker(engine, ['volume', 'rm', '-f', 'absensi_mysql_data', 'absensi_redis_data']).catch(
    () => '',
  );
  await docker(engine, ['swarm', 'leave', '--force']).catch(() => '');
  await stopEngine(engine);
  step('stack removed, engine stopped');
});

describe('the stack on a single-node Swarm', () => {
  it('runs the fourteen tasks, the migration completed', async () => {
    const lines = await docker(on(), [
      'stack',
      'ps',
      'absensi',
      '--format',
      '{{.Name}} {{.CurrentState}}',
    ]);
    const current = lines
      .trim()
      .split('\n')
      .filter((line) => !line.includes('\\_'));
    const running = current.filter((line) => / Running /.test(line));
    expect(running.length, lines).toBe(13);
    expect(
      current.some((line) => /^absensi_migration\.1 Complete/.test(line)),
      lines,
    ).toBe(true);
  });

  it('logs in, clocks in, and the admin sees the event on /ws with the writing node', async () => {
    const session = await login(admin.email, admin.password);
    const me = await trpc<{ email: string }>('auth.me', undefined, session, 'query');
    expect(me.data.email).toBe(admin.email);
    expect(me.node).toMatch(/^api-[1-4]$/);

    const socket = new WebSocket('ws://127.0.0.1:8000/ws', { headers: { cookie: session.cookie } });
    const events: unknown[] = [];
    socket.on('message', (raw: Buffer) => {
      const message = JSON.parse(raw.toString()) as {
        id?: number;
        result?: { type: string; data?: unknown };
      };
      if (message.id === 1 && message.result?.type === 'data') events.push(message.result.data);
    });
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    socket.send(
      JSON.stringify({
        id: 1,
        method: 'subscription',
        params: { path: 'live.attendance', input: {} },
      }),
    );
    await sleep(1000);
    const clockIn = await trpc<{ id: number }>(
      'attendance.clockIn',
      { idempotencyKey: randomUUID() },
      session,
    );
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && !JSON.stringify(events).includes(clockIn.node ?? 'no node'))
      await sleep(100);
    socket.close();
    expect(JSON.stringify(events), 'the event names the node that wrote it').toContain(
      clockIn.node!,
    );
  });

  it('replaces a killed api task while requests keep succeeding', async () => {
    const session = await login(admin.email, admin.password);
    const before = (await serviceTasks('api')).filter((task) => task.desired === 'Running');
    expect(before.length).toBe(4);
    const victim = (await docker(on(), ['ps', '-q', '--filter', 'name=absensi_api.1.']))
      .trim()
      .split('\n')[0]!;
    expect(victim).not.toBe('');
    const replaced = (async () => {
      await docker(on(), ['kill', victim]);
      for (let attempt = 0; attempt < 120; attempt++) {
        const running = (await serviceTasks('api')).filter(
          (task) => task.desired === 'Running' && /^Running/.test(task.state),
        );
        if (
          running.length === 4 &&
          !running.some((task) =>
            before.some((old) => old.id === task.id && old.name === 'absensi_api.1'),
          )
        ) {
          return;
        }
        await sleep(1000);
      }
      throw new Error('Swarm did not replace the killed api task within 2 minutes');
    })();
    const result = await trickle(() => trpc('auth.me', undefined, session, 'query'), replaced);
    await replaced;
    expect(result.sent).toBeGreaterThan(5);
    expect(result.failures).toEqual([]);
  });

  it('rolls api over with `docker service update --force` under a trickle of clock-ins, with no failed request', async () => {
    const session = await login(admin.email, admin.password);
    const employees: Session[] = [];
    for (let index = 0; index < 4; index++) {
      const email = `swarm-${index}-${randomBytes(3).toString('hex')}@absensi.local`;
      const password = randomBytes(8).toString('hex');
      await trpc('admin.users.create', { name: `Swarm ${index}`, email, password }, session);
      employees.push(await login(email, password));
    }
    let turn = 0;
    const clockedIn = new Set<number>();
    const tap = async () => {
      const who = turn++ % employees.length;
      const procedure = clockedIn.has(who) ? 'attendance.clockOut' : 'attendance.clockIn';
      await trpc(procedure, { idempotencyKey: randomUUID() }, employees[who]);
      if (clockedIn.has(who)) clockedIn.delete(who);
      else clockedIn.add(who);
    };
    const update = docker(on(), ['service', 'update', '--force', '--detach=false', 'absensi_api'], {
      timeoutMs: 9 * 60_000,
    });
    const result = await trickle(tap, update, 250);
    await update;
    expect(result.sent).toBeGreaterThan(20);
    expect(result.failures).toEqual([]);
  });
});
