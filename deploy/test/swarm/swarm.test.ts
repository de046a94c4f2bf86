// `npm run test:swarm`: stack.yml on a real three-host Swarm. An engine in this machine's own network namespace
// (Debian's docker.io) makes the base images with debootstrap and builds every image of docker/ once; three more
// engines, each in a network namespace of its own (deploy/swarm/hosts.sh), become the hosts absensi-h1 (manager,
// data, edge), absensi-h2 and absensi-h3 (realtime), get the images by `docker save | docker load`, and run the
// stack (stack.yml without the overlay's encryption, with deploy/swarm/stack.test.yml on top). Through nginx on
// h1 (10.88.0.11:8000) it then: checks the placement; follows a clock-in written by an API task on h2 to an
// admin's /ws served by realtime on h3; kills an API task while requests keep succeeding; cuts h2 off under a
// trickle of clock-ins from a client that retries as the PWA does, and counts what was recorded; rolls the API
// over; backs the database up and restores it into a fresh service (deploy/scripts/mysql-*.sh, docs/backup.md);
// restarts Redis and finds its sessions. Everything is torn down at the end, on failure too (the build engine's
// image cache is kept for the next run). ABSENSI_SWARM_ROOT names the folder (default /tmp/absensi-swarm).
import { randomBytes, randomUUID } from 'node:crypto';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listDockerfiles, prunedPackage, readDockerfile } from '../../src/dockerfiles.js';
import { keepSwarm, reuseImages, swarmRoot as root } from '../../src/env.js';
import { appWorkspaces, repoPath } from '../../src/repo.js';
import {
  buildImage,
  docker,
  ensureTools,
  hostsCommand,
  provideBuildCertificates,
  sh,
  startEngine,
  stopEngine,
  swarmHosts,
  testImages,
  testStackFile,
  type Engine,
  type Host,
} from '../../src/swarm.js';

const hosts = swarmHosts(root);
const [h1, h2, h3] = hosts as [Host, Host, Host];
/** nginx runs on h1, the only node labelled absensi.edge, and publishes 8000 there. */
const base = `http://${h1.address}:8000`;
const admin = { email: 'admin@absensi.local', password: randomBytes(12).toString('hex') };
const images = [...listDockerfiles(), 'mariadb', 'redis'].map(
  (name) => `${testImages.prefix}/${name}:${testImages.tag}`,
);
let builder: Engine | undefined;
let hostsUp = false;
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

/** The manager's engine (h1), or another host's: the hosts' pidfiles exist once hosts.sh up has run. */
function on(host: Host = h1): Engine {
  if (!hostsUp) throw new Error('the Swarm hosts did not start');
  return host.engine;
}

interface Session {
  cookie: string;
}

async function trpc<T>(
  procedure: string,
  input: unknown,
  session?: Session,
  kind: 'query' | 'mutation' = 'mutation',
  timeoutMs = 10_000,
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
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  if (!response.ok)
    throw Object.assign(new Error(`${procedure}: HTTP ${response.status} ${text.slice(0, 300)}`), {
      status: response.status,
    });
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

interface Employee {
  id: number;
  session: Session;
}

/** New employees, logged in, each with their own session. */
async function employees(count: number, label: string): Promise<Employee[]> {
  const session = await login(admin.email, admin.password);
  const made: Employee[] = [];
  for (let index = 0; index < count; index++) {
    const email = `${label}-${index}-${randomBytes(3).toString('hex')}@absensi.local`;
    const password = randomBytes(8).toString('hex');
    await trpc('admin.users.create', { name: `${label} ${index}`, email, password }, session);
    const own = await login(email, password);
    const me = await trpc<{ id: number }>('auth.me', undefined, own, 'query');
    made.push({ id: me.data.id, session: own });
  }
  return made;
}

interface Task {
  id: string;
  name: string;
  node: string;
  state: string;
  desired: string;
}

async function serviceTasks(service: string): Promise<Task[]> {
  const lines = await docker(on(), [
    'service',
    'ps',
    '--no-trunc',
    '--format',
    '{{.ID}}|{{.Name}}|{{.Node}}|{{.CurrentState}}|{{.DesiredState}}',
    `absensi_${service}`,
  ]);
  return lines
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [id, name, node, state, desired] = line.split('|');
      return { id: id!, name: name!, node: node!, state: state!, desired: desired! };
    });
}

/** The tasks meant to run that do run, with the node of each. */
async function runningTasks(service: string): Promise<Task[]> {
  return (await serviceTasks(service)).filter(
    (task) => task.desired === 'Running' && /^Running/.test(task.state),
  );
}

/** Where a service's last update ended (`completed`, `rollback_completed`, …) and Swarm's message. */
async function updateStatus(service: string): Promise<{ state: string; message: string }> {
  const json = (
    await docker(on(), [
      'service',
      'inspect',
      '--format',
      '{{json .UpdateStatus}}',
      `absensi_${service}`,
    ])
  ).trim();
  const status = (json && json !== 'null' ? JSON.parse(json) : {}) as {
    State?: string;
    Message?: string;
  };
  return { state: status.State ?? 'none', message: status.Message ?? '' };
}

/** Each task of a service, old ones too, with its node, states and error: what to read when a rollout failed. */
async function taskHistory(service: string): Promise<string> {
  return docker(on(), [
    'service',
    'ps',
    '--no-trunc',
    '--format',
    '{{.Name}} {{.Node}} desired={{.DesiredState}} {{.CurrentState}} {{.Error}}',
    `absensi_${service}`,
  ]);
}

/** The node an API node id (api-N, from the x-app-node header) runs on: the node of slot N's running task. */
async function nodeOfApi(nodeId: string): Promise<string | undefined> {
  const slot = /^api-(\d+)$/.exec(nodeId)?.[1];
  return (await runningTasks('api')).find((task) => task.name === `absensi_api.${slot}`)?.node;
}

/** The container of a service's running task on a host (its engine's view). */
async function containerOf(host: Host, service: string): Promise<string> {
  const id = (
    await docker(on(host), [
      'ps',
      '-q',
      '--filter',
      `label=com.docker.swarm.service.name=${service}`,
      '--filter',
      'status=running',
    ])
  )
    .trim()
    .split('\n')[0];
  if (!id) throw new Error(`no running task of ${service} on ${host.name}`);
  return id;
}

/** One SQL query as root in the stack's database (MySQL runs on h1, the data node); rows of tab-separated values. */
async function sql(query: string): Promise<string[][]> {
  const output = await docker(on(h1), [
    'exec',
    await containerOf(h1, 'absensi_mysql'),
    'sh',
    '-c',
    'MYSQL_PWD="$(cat /run/secrets/db_root_password)" exec mysql -uroot -N -B absensi -e "$1"',
    'sql',
    query,
  ]);
  return output
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t'));
}

/** A failed request's message, with what undici says underneath "fetch failed" (reset, closed…). */
function failureOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: string; message?: string } | undefined;
  return cause
    ? `${error.message}: ${cause.code ?? ''} ${cause.message ?? ''}`.trim()
    : error.message;
}

/** Sends one request after another until `stop` resolves; returns what failed. */
async function trickle(send: () => Promise<unknown>, stop: Promise<unknown>, everyMs = 200) {
  let done = false;
  void stop.finally(() => (done = true));
  const failures: string[] = [];
  let sent = 0;
  while (!done) {
    sent++;
    await send().catch((error: unknown) => failures.push(failureOf(error)));
    await sleep(everyMs);
  }
  return { sent, failures };
}

interface LiveEvent {
  at: number;
  id: string;
  type: string;
  userId: number | undefined;
  nodeId: string | undefined;
}

/** An admin's dashboard: the live.attendance subscription on /ws through nginx, every event with when it came. */
async function dashboard(session: Session) {
  const socket = new WebSocket(`ws://${h1.address}:8000/ws`, {
    headers: { cookie: session.cookie },
  });
  const events: LiveEvent[] = [];
  let closed = false;
  socket.on('message', (raw: Buffer) => {
    const text = raw.toString();
    // realtime's keep-alive, as tRPC's client answers it: a socket that does not answer is dropped
    if (text === 'PING') return socket.send('PONG');
    const message = JSON.parse(text) as {
      id?: number;
      result?: {
        type: string;
        id?: string;
        data?: { id?: string; data?: Record<string, unknown> } & Record<string, unknown>;
      };
    };
    if (message.id !== 1 || message.result?.type !== 'data') return;
    const envelope = message.result.data ?? {};
    const event = (envelope.data && 'type' in envelope.data ? envelope.data : envelope) as {
      id?: string;
      type?: string;
      nodeId?: string;
      data?: { userId?: number };
    };
    events.push({
      at: Date.now(),
      id: event.id ?? message.result.id ?? '',
      type: event.type ?? '',
      userId: event.data?.userId,
      nodeId: event.nodeId,
    });
  });
  socket.on('close', () => (closed = true));
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
  return { events, isClosed: () => closed, close: () => socket.close() };
}

/**
 * A phone's taps as the PWA sends them: one idempotency key per tap, sent again with the same key after a network
 * error, a timeout or a 5xx until it is answered (a refusal, 4xx, is final). Taps of one employee follow each other.
 */
interface TapLog {
  sent: number;
  failedBeforeRetry: number;
  refused: string[];
  unanswered: string[];
  keys: string[];
  byUser: Map<number, { in: number; out: number }>;
}

async function tapUntil(
  person: Employee,
  stop: () => boolean,
  log: TapLog,
  pauseMs: number,
): Promise<void> {
  let open = false;
  const counts = { in: 0, out: 0 };
  log.byUser.set(person.id, counts);
  while (!stop()) {
    const key = randomUUID();
    const procedure = open ? 'attendance.clockOut' : 'attendance.clockIn';
    log.sent++;
    log.keys.push(key);
    const deadline = Date.now() + 180_000;
    let attempt = 0;
    for (;;) {
      attempt++;
      try {
        await trpc(procedure, { idempotencyKey: key }, person.session, 'mutation', 4_000);
        if (open) counts.out++;
        else counts.in++;
        open = !open;
        break;
      } catch (error) {
        const status = (error as { status?: number }).status;
        if (attempt === 1) log.failedBeforeRetry++;
        if (status !== undefined && status < 500 && status !== 429) {
          log.refused.push((error as Error).message);
          return;
        }
        if (Date.now() > deadline) {
          log.unanswered.push(`${procedure} ${key}: ${(error as Error).message}`);
          return;
        }
        await sleep(500);
      }
    }
    await sleep(pauseMs);
  }
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (
      await Promise.resolve()
        .then(check)
        .catch(() => false)
    )
      return;
    await sleep(1000);
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
}

/**
 * Every replicated service of the stack runs all its replicas (the migration job aside), none on `avoid`. Counted
 * from the tasks meant to run: `docker service ls` counts a lost host's tasks as running too (6/4).
 */
async function allReplicasRunning(avoid?: string): Promise<boolean> {
  const lines = await docker(on(), [
    'service',
    'ls',
    '--filter',
    'label=com.docker.stack.namespace=absensi',
    '--format',
    '{{.Name}} {{.Replicas}}',
  ]);
  for (const line of lines.trim().split('\n')) {
    const [name, replicas] = line.split(' ');
    if (!name || name === 'absensi_migration') continue;
    const desired = Number(replicas?.split('/')[1]);
    const tasks = await runningTasks(name.replace(/^absensi_/, ''));
    if (!(desired > 0) || tasks.length < desired) return false;
    if (avoid && tasks.some((task) => task.node === avoid)) return false;
  }
  return true;
}

async function nodeStatus(host: Host): Promise<string> {
  return (
    await docker(on(), ['node', 'inspect', '--format', '{{.Status.State}}', host.name])
  ).trim();
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
  builder = await startEngine(root);
  step(`build engine ${builder.host} (pid ${builder.pid}) up`);
  const present = await docker(builder, ['image', 'inspect', ...images]).then(
    () => true,
    () => false,
  );
  if (reuseImages && present) {
    step('ABSENSI_SWARM_REUSE_IMAGES=1: the images the build engine has, not built again');
  } else {
    await sh('bash', [repoPath('docker', 'base', 'make-base-images.sh'), `${root}/base`], {
      env: { DOCKER_HOST: builder.host },
      timeoutMs: 15 * 60_000,
    });
    step('base images');
    removeCertificates = provideBuildCertificates();
    for (const name of listDockerfiles()) {
      await buildImage(builder, `docker/${name}.Dockerfile`, name);
      step(`image ${name}`);
    }
    await buildImage(builder, 'docker/swarm-test/mariadb.Dockerfile', 'mariadb');
    await buildImage(builder, 'docker/swarm-test/redis.Dockerfile', 'redis');
    step('images mariadb and redis (test stand-ins)');
  }

  hostsUp = true; // from here on, afterAll takes the hosts down whatever happens
  console.log(await hostsCommand(root, ['up']));
  step('three hosts: network namespaces, bridge, engines');
  console.log(await hostsCommand(root, ['swarm']));
  step('Swarm: h1 manager, h2 and h3 workers, nodes labelled');
  await hostsCommand(root, ['load', ...images], { ROOT_DOCKER_HOST: builder.host });
  step(`images copied to the hosts (${images.length})`);
  await stopEngine(builder);
  builder = undefined;
  step('build engine stopped');
  for (const host of hosts) Object.assign(host.engine, swarmHosts(root)[host.index - 1]!.engine);

  const secrets: Record<string, string> = {
    absensi_db_password: randomBytes(16).toString('hex'),
    absensi_db_root_password: randomBytes(16).toString('hex'),
    absensi_session_secret: randomBytes(32).toString('hex'),
    absensi_realtime_secret: randomBytes(32).toString('hex'),
    absensi_admin_password: admin.password,
  };
  for (const [name, value] of Object.entries(secrets))
    await docker(on(), ['secret', 'create', name, '-'], { input: value });
  const nginxConf = createHash('sha256')
    .update(readFileSync(repoPath('nginx.conf')))
    .digest('hex')
    .slice(0, 12);
  const stackFile = join(root, 'stack.yml');
  writeFileSync(stackFile, testStackFile(readFileSync(repoPath('stack.yml'), 'utf8')));
  await docker(
    on(),
    [
      'stack',
      'deploy',
      '--resolve-image',
      'never',
      '-c',
      stackFile,
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
    env: { DOCKER_HOST: on().host },
    timeoutMs: 11 * 60_000,
  });
  step('stack converged');
  // nginx's entrypoint reads the API tasks' addresses every 2 s: until then it answers 502 (no node yet)
  await waitFor(
    'nginx on h1 reaching an API node',
    async () =>
      (await fetch(`${base}/trpc/auth.me`, { signal: AbortSignal.timeout(5000) })).status === 401,
    60_000,
  );
  step('nginx routes to the API nodes');
});

afterAll(async () => {
  removeCertificates();
  step('tests done');
  if (keepSwarm && hostsUp) {
    console.log(
      `[swarm] ABSENSI_SWARM_KEEP=1: the stack runs; manager DOCKER_HOST=${h1.engine.host}; ` +
        `remove everything with: ABSENSI_SWARM_ROOT=${root} bash deploy/swarm/hosts.sh down`,
    );
    return;
  }
  if (builder) await stopEngine(builder).catch(() => undefined);
  if (hostsUp) console.log(await hostsCommand(root, ['down']));
  rmSync(join(root, 'stack.yml'), { force: true });
  rmSync(join(root, 'backup'), { recursive: true, force: true });
  step('hosts, engines, namespaces, bridge and iptables rule removed');
});

afterEach(({ task }) => step(`done: ${task.name}`));

describe('the stack on a three-host Swarm', () => {
  it('places the fourteen tasks by the node labels: data and edge on h1, realtime on h3, the API spread', async () => {
    const lines = await docker(on(), [
      'stack',
      'ps',
      'absensi',
      '--format',
      '{{.Name}} {{.Node}} {{.CurrentState}}',
    ]);
    const current = lines
      .trim()
      .split('\n')
      .filter((line) => !line.includes('\\_'));
    expect(current.filter((line) => / Running /.test(line)).length, lines).toBe(13);
    expect(
      current.some((line) => /^absensi_migration\.1 \S+ Complete/.test(line)),
      lines,
    ).toBe(true);
    const nodesOf = async (service: string) =>
      (await runningTasks(service)).map((task) => task.node);
    expect(await nodesOf('mysql')).toEqual([h1.name]);
    expect(await nodesOf('redis')).toEqual([h1.name]);
    expect(await nodesOf('nginx')).toEqual([h1.name]);
    expect(await nodesOf('realtime')).toEqual([h3.name]);
    const api = await nodesOf('api');
    expect(api.length).toBe(4);
    for (const host of hosts)
      expect(api.filter((node) => node === host.name).length, api.join()).toBeLessThanOrEqual(2);
    expect(api, 'the host the test cuts off runs API tasks').toContain(h2.name);
    console.log(`[swarm] api tasks on ${api.sort().join(', ')}`);
  });

  it('follows a clock-in through nginx on h1, written by an API task on h2, to an admin /ws on h3', async () => {
    const session = await login(admin.email, admin.password);
    const live = await dashboard(session);
    let written: { node: string; host: string } | undefined;
    // nginx chooses the API node (least_conn, in turns when none is busy): tap until one on h2 has written it,
    // at most 16 taps
    for (let tap = 0; tap < 16 && !written; tap++) {
      const clockIn = await trpc<unknown>(
        'attendance.clockIn',
        { idempotencyKey: randomUUID() },
        session,
      );
      const host = await nodeOfApi(clockIn.node ?? '');
      if (host === h2.name) written = { node: clockIn.node!, host };
      await trpc('attendance.clockOut', { idempotencyKey: randomUUID() }, session);
      // a third request per round: with two, nginx's turns would put every clock-in on the same two nodes
      await trpc('auth.me', undefined, session, 'query');
    }
    expect(written, 'no clock-in reached an API task on h2 in 16 taps').toBeDefined();
    await waitFor(
      'the event on /ws',
      () =>
        live.events.some(
          (event) => event.type === 'AttendanceCreated' && event.nodeId === written!.node,
        ),
      10_000,
    );
    live.close();
    console.log(
      `[swarm] clock-in via nginx on ${h1.name}, written by ${written!.node} on ${written!.host}, pushed by realtime on ${h3.name}`,
    );
  });

  it('replaces a killed api task on another host while requests keep succeeding', async () => {
    const session = await login(admin.email, admin.password);
    const before = await runningTasks('api');
    expect(before.length).toBe(4);
    const victim = before.find((task) => task.node !== h1.name)!;
    const host = hosts.find((candidate) => candidate.name === victim.node)!;
    const container = (
      await docker(on(host), ['ps', '-q', '--filter', `name=${victim.name}.${victim.id}`])
    ).trim();
    expect(container).not.toBe('');
    const replaced = (async () => {
      await docker(on(host), ['kill', container]);
      await waitFor(
        `a new ${victim.name}`,
        async () => {
          const running = await runningTasks('api');
          return running.length === 4 && !running.some((task) => task.id === victim.id);
        },
        120_000,
      );
    })();
    const result = await trickle(() => trpc('auth.me', undefined, session, 'query'), replaced);
    await replaced;
    console.log(
      `[swarm] killed ${victim.name} on ${victim.node}: ${result.sent} requests, ${result.failures.length} failed`,
    );
    expect(result.sent).toBeGreaterThan(5);
    expect(result.failures).toEqual([]);
  });

  it('loses h2 under a trickle of clock-ins: every tap recorded once, tasks back on h1 and h3, the dashboard live, h2 rejoins', async () => {
    const people = await employees(4, 'hostloss');
    const session = await login(admin.email, admin.password);
    const live = await dashboard(session);
    const onH2 = (await runningTasks('api')).filter((task) => task.node === h2.name);
    expect(onH2.length, 'API tasks on h2 before the cut').toBeGreaterThan(0);
    // nginx-upstreams.sh (the nginx image's entrypoint) says on stderr when the API tasks' addresses change
    const nginxChanges = async () =>
      (
        await sh('sh', ['-c', 'docker service logs --raw absensi_nginx 2>&1'], {
          env: { DOCKER_HOST: on().host },
        })
      ).match(/members changed/g)?.length ?? 0;
    const changesBefore = await nginxChanges();

    const log: TapLog = {
      sent: 0,
      failedBeforeRetry: 0,
      refused: [],
      unanswered: [],
      keys: [],
      byUser: new Map(),
    };
    let stopping = false;
    const firstTap = Date.now();
    const taps = Promise.all(people.map((person) => tapUntil(person, () => stopping, log, 1500)));
    await sleep(5000);

    await hostsCommand(root, ['cut', '2']);
    const cut = Date.now();
    step('h2 cut off');
    let downAfter = 0;
    let recoveredAfter = 0;
    try {
      await waitFor(
        'h2 seen down and every replica running on h1 and h3',
        async () => {
          if (!downAfter && (await nodeStatus(h2)) === 'down')
            downAfter = (Date.now() - cut) / 1000;
          return downAfter > 0 && (await allReplicasRunning(h2.name));
        },
        150_000,
      );
      recoveredAfter = (Date.now() - cut) / 1000;
      step(
        `h2 down after ${downAfter.toFixed(0)} s, all replicas running again after ${recoveredAfter.toFixed(0)} s`,
      );
      await sleep(10_000); // the trickle goes on with h2 gone
    } finally {
      await hostsCommand(root, ['restore', '2']);
    }
    const restored = Date.now();
    await waitFor('h2 ready again', async () => (await nodeStatus(h2)) === 'ready', 120_000);
    const rejoinedAfter = (Date.now() - restored) / 1000;
    step(`h2 back, ready after ${rejoinedAfter.toFixed(0)} s`);
    await sleep(5000);
    stopping = true;
    await taps;
    const lastTap = Date.now();

    // every tap once in the database: one attendance action per key, no other for these employees
    const ids = people.map((person) => person.id).join(',');
    const [[recorded, distinct]] = (await sql(
      `SELECT COUNT(*), COUNT(DISTINCT idempotency_key) FROM attendance_actions WHERE user_id IN (${ids})`,
    )) as [[string, string]];
    const keysFound = (
      await sql(
        `SELECT COUNT(*) FROM attendance_actions WHERE idempotency_key IN (${log.keys.map((key) => `'${key}'`).join(',')})`,
      )
    )[0]![0];
    const [[eventRows]] = (await sql(
      `SELECT COUNT(*) FROM events WHERE user_id IN (${ids}) AND type IN ('AttendanceCreated', 'AttendanceUpdated')`,
    )) as [[string]];
    // the dashboard got an event for every tap (the worker re-publishes any a lost node left unsent)
    const wanted = (userId: number) => {
      const counts = log.byUser.get(userId)!;
      return counts.in + counts.out;
    };
    await waitFor(
      'every tap on the dashboard',
      () =>
        people.every(
          (person) =>
            new Set(live.events.filter((event) => event.userId === person.id).map((e) => e.id))
              .size >= wanted(person.id),
        ),
      90_000,
    ).catch(() => undefined);
    const seen = new Set(
      live.events.filter((event) => people.some((p) => p.id === event.userId)).map((e) => e.id),
    ).size;
    const arrivals = live.events
      .filter((event) => event.at >= firstTap && event.at <= lastTap)
      .map((event) => event.at);
    let longestGap = 0;
    for (let index = 1; index < arrivals.length; index++)
      longestGap = Math.max(longestGap, arrivals[index]! - arrivals[index - 1]!);
    const missing = await sql(
      `SELECT node_id, type, COUNT(*) FROM events WHERE user_id IN (${ids}) AND id NOT IN ('${[...live.events.map((event) => event.id), 'none'].join("','")}') GROUP BY node_id, type`,
    );
    if (missing.length > 0)
      console.log(
        `[swarm] not on the dashboard (${live.events.length} frames in all): ${missing.map((row) => row.join(' ')).join('; ')}`,
      );
    const dashboardOpen = !live.isClosed();
    live.close();
    const changesAfter = await nginxChanges();
    console.log(
      `[swarm] host loss: ${log.sent} taps sent, ${log.failedBeforeRetry} failed before retry, ` +
        `${recorded} recorded (${keysFound} of the keys sent, ${eventRows} events), ${log.refused.length} refused, ` +
        `${log.unanswered.length} unanswered; h2 down after ${downAfter.toFixed(0)} s, all replicas running again ` +
        `after ${recoveredAfter.toFixed(0)} s, h2 ready ${rejoinedAfter.toFixed(0)} s after its return; ` +
        `dashboard: ${seen} of ${log.sent} taps, longest gap ${(longestGap / 1000).toFixed(1)} s, ` +
        `${dashboardOpen ? 'still connected' : 'DISCONNECTED'}; nginx re-read its upstreams ${changesAfter - changesBefore} times`,
    );
    expect(log.refused).toEqual([]);
    expect(log.unanswered).toEqual([]);
    expect(log.sent).toBeGreaterThan(20);
    expect(Number(recorded)).toBe(log.sent);
    expect(Number(distinct)).toBe(log.sent);
    expect(Number(keysFound)).toBe(log.sent);
    expect(Number(eventRows)).toBe(log.sent);
    expect(seen).toBe(log.sent);
    expect(dashboardOpen).toBe(true);
    expect(changesAfter).toBeGreaterThan(changesBefore);
  });

  it('rolls api over with `docker service update --force` under a trickle of clock-ins, with no failed request, h2 taking tasks again', async () => {
    const people = await employees(4, 'rollout');
    let turn = 0;
    const clockedIn = new Set<number>();
    const tap = async () => {
      const who = turn++ % people.length;
      const procedure = clockedIn.has(who) ? 'attendance.clockOut' : 'attendance.clockIn';
      await trpc(procedure, { idempotencyKey: randomUUID() }, people[who]!.session);
      if (clockedIn.has(who)) clockedIn.delete(who);
      else clockedIn.add(who);
    };
    // `docker service update` exits 0 after Swarm rolled the update back (failure_action: rollback), so the
    // update's own status says whether it went through. On a host just back from a cut, the first task can fail
    // while the host catches up, and Swarm then rolls back with no request lost (start-first: the old tasks
    // serve until a new one runs); an operator runs the update again, and so does this test, once, saying why.
    const attempts: string[] = [];
    const rollOut = async () => {
      for (let attempt = 1; attempt <= 2; attempt++) {
        await docker(on(), ['service', 'update', '--force', '--detach=false', 'absensi_api'], {
          timeoutMs: 9 * 60_000,
        });
        // the command returns once the tasks run; Swarm says `completed` (or rolls back) when its monitor ends
        let status = { state: 'none', message: '' };
        await waitFor(
          'the update completed or rolled back',
          async () =>
            !/^(updating|rollback_started)$/.test((status = await updateStatus('api')).state),
          120_000,
        );
        attempts.push(status.message ? `${status.state} (${status.message})` : status.state);
        if (status.state !== 'rollback_completed') return;
        console.log(
          `[swarm] update ${attempt} rolled back: ${status.message}\n${await taskHistory('api')}`,
        );
        await sleep(15_000);
      }
    };
    const rollout = rollOut();
    const result = await trickle(tap, rollout, 250);
    await rollout;
    const api = (await runningTasks('api')).map((task) => task.node).sort();
    console.log(
      `[swarm] rolling update: ${result.sent} taps, ${result.failures.length} failed; ` +
        `update ${attempts.join(', then ')}; api now on ${api.join(', ')}`,
    );
    if (!api.includes(h2.name)) {
      const node = await docker(on(), [
        'node',
        'inspect',
        '--format',
        '{{json .Spec}} {{json .Status}}',
        h2.name,
      ]);
      console.log(`[swarm] api tasks:\n${await taskHistory('api')}\nh2: ${node}`);
    }
    expect(result.sent).toBeGreaterThan(20);
    expect(result.failures).toEqual([]);
    expect(attempts.at(-1)).toMatch(/^completed/);
    expect(api).toContain(h2.name);
  });

  it('backs the running database up and restores it into a fresh database service with the same counts (docs/backup.md)', async () => {
    const folder = join(root, 'backup');
    mkdirSync(folder, { recursive: true });
    const file = join(folder, 'absensi.sql.gz');
    const onDataNode = { DOCKER_HOST: on(h1).host };
    const script = (name: string) => repoPath('deploy', 'scripts', name);
    const counts = await sh('bash', [script('mysql-counts.sh')], { env: onDataNode });
    console.log(await sh('bash', [script('mysql-backup.sh'), file], { env: onDataNode }));
    step('backup taken');
    await docker(on(), [
      'service',
      'create',
      '--detach',
      '--no-resolve-image',
      '--name',
      'absensi_restore_check',
      '--constraint',
      'node.labels.absensi.data == true',
      '--secret',
      'source=absensi_db_root_password,target=db_root_password',
      '--secret',
      'source=absensi_db_password,target=db_password',
      '--env',
      'MYSQL_DATABASE=absensi',
      '--env',
      'MYSQL_USER=absensi',
      '--env',
      'MYSQL_PASSWORD_FILE=/run/secrets/db_password',
      '--env',
      'MYSQL_ROOT_PASSWORD_FILE=/run/secrets/db_root_password',
      `${testImages.prefix}/mariadb:${testImages.tag}`,
    ]);
    try {
      const restored = await sh(
        'bash',
        [script('mysql-restore.sh'), file, 'absensi_restore_check'],
        {
          env: onDataNode,
          timeoutMs: 5 * 60_000,
        },
      );
      step('restored into absensi_restore_check');
      console.log(
        `[swarm] counts before the backup: ${counts.trim().replace(/\n/g, ', ')}; ` +
          `after the restore: ${restored.trim().replace(/\n/g, ', ')}`,
      );
      expect(restored.trim()).toBe(counts.trim());
      expect(counts).toMatch(/^users [1-9]\d*\nattendance [1-9]\d*\nevents [1-9]\d*\n?$/);
    } finally {
      await docker(on(), ['service', 'rm', 'absensi_restore_check']).catch(() => '');
    }
  });

  it('keeps the sessions in Redis across a restart of its task (AOF on its volume)', async () => {
    const session = await login(admin.email, admin.password);
    const redis = async (...args: string[]) =>
      (
        await docker(on(h1), ['exec', await containerOf(h1, 'absensi_redis'), 'redis-cli', ...args])
      ).trim();
    await redis('SET', 'absensi-swarm-probe', 'survives');
    const sessions = async () =>
      (await redis('--scan', '--pattern', '*sess:*')).split('\n').filter(Boolean).sort();
    const before = await sessions();
    expect(before.length).toBeGreaterThan(0);
    const oldTask = await containerOf(h1, 'absensi_redis');
    await docker(on(), ['service', 'update', '--force', '--detach=false', 'absensi_redis'], {
      timeoutMs: 5 * 60_000,
    });
    expect(await containerOf(h1, 'absensi_redis')).not.toBe(oldTask);
    step('redis task restarted');
    const after = await sessions();
    expect(after).toEqual(expect.arrayContaining(before));
    expect(await redis('GET', 'absensi-swarm-probe')).toBe('survives');
    const me = await trpc<{ email: string }>('auth.me', undefined, session, 'query');
    expect(me.data.email).toBe(admin.email);
    console.log(
      `[swarm] redis restarted: ${before.length} sessions before, all ${after.length >= before.length ? 'there' : 'NOT there'} after`,
    );
  });
});
