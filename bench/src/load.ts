/**
 * The load generator: plain node:http clients bound to several loopback source addresses (one
 * keep-alive Agent per address, each in its own 127.x.y.0/24 block) so a hashing balancer sees many
 * clients. Every loop is bounded in count and in time, and every request has a timeout.
 */
import { Agent, request } from 'node:http';

/** Source addresses in distinct /24 blocks: 127.10.1.1, 127.11.2.1, … */
export function sourceAddresses(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `127.${10 + index}.${1 + index}.1`);
}

export interface Target {
  host: string;
  port: number;
}

export class ClientPool {
  readonly agents: Agent[];
  constructor(
    readonly addresses: readonly string[],
    socketsPerAddress: number,
  ) {
    this.agents = addresses.map(
      (localAddress) =>
        new Agent({
          keepAlive: true,
          maxSockets: socketsPerAddress,
          localAddress,
          keepAliveMsecs: 30_000,
        }),
    );
  }
  /** The agent of client number `index` (clients are spread evenly over the addresses). */
  agentFor(index: number): Agent {
    return this.agents[index % this.agents.length]!;
  }
  destroy() {
    for (const agent of this.agents) agent.destroy();
  }
}

export interface Call {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Outcome {
  ok: boolean;
  status: number;
  body: string;
  error?: string;
  /** The answer's Retry-After header, when it has one. */
  retryAfter?: string;
}

/** One HTTP request with a hard timeout; never rejects. */
export function send(
  agent: Agent,
  target: Target,
  call: Call,
  timeoutMs: number,
): Promise<Outcome> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const headers: Record<string, string | number> = { ...call.headers };
    if (call.body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(call.body);
    }
    const req = request(
      {
        agent,
        host: target.host,
        port: target.port,
        method: call.method,
        path: call.path,
        headers,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          const retryAfter = response.headers['retry-after'];
          finish({
            ok: status === 200,
            status,
            body: Buffer.concat(chunks).toString('utf8'),
            ...(retryAfter === undefined ? {} : { retryAfter }),
          });
        });
        response.on('error', (error) =>
          finish({ ok: false, status: 0, body: '', error: error.message }),
        );
      },
    );
    const timer = setTimeout(() => {
      req.destroy(new Error('timeout'));
      finish({ ok: false, status: 0, body: '', error: 'timeout' });
    }, timeoutMs);
    req.on('error', (error) => finish({ ok: false, status: 0, body: '', error: error.message }));
    req.end(call.body);
  });
}

export interface Sample {
  index: number;
  ok: boolean;
  status: number;
  /** From the scheduled start (open loop) or the actual start (closed loop) to the answer. */
  latencyMs: number;
  /** Date.now() when the answer arrived. */
  answeredAt: number;
  body: string;
  error?: string;
}

export interface LoopResult {
  samples: Sample[];
  /** Arrivals the generator could not send because maxInFlight requests were still open. */
  notSent: number;
  elapsedMs: number;
}

/**
 * Open loop: `count` requests at `rate` per second (the schedule does not wait for answers, so a slow
 * server cannot slow the offered load; latency counts from the scheduled time). At most `maxInFlight`
 * open at once; the rest are counted as not sent. Bounded by count and by `deadlineMs`.
 */
export async function openLoop(options: {
  rate: number;
  count: number;
  maxInFlight: number;
  deadlineMs: number;
  run: (index: number) => Promise<Outcome>;
}): Promise<LoopResult> {
  const samples: Sample[] = [];
  let notSent = 0;
  let inFlight = 0;
  let issued = 0;
  const started = performance.now();
  const pending = new Set<Promise<void>>();
  const intervalMs = 1000 / options.rate;
  while (issued < options.count && performance.now() - started < options.deadlineMs) {
    const now = performance.now();
    const due = Math.min(options.count, Math.floor((now - started) / intervalMs) + 1);
    while (issued < due) {
      const index = issued;
      const scheduled = started + index * intervalMs;
      issued += 1;
      if (inFlight >= options.maxInFlight) {
        notSent += 1;
        continue;
      }
      inFlight += 1;
      const promise = options.run(index).then((outcome) => {
        inFlight -= 1;
        samples.push({
          index,
          ok: outcome.ok,
          status: outcome.status,
          latencyMs: performance.now() - scheduled,
          answeredAt: Date.now(),
          body: outcome.body,
          ...(outcome.error ? { error: outcome.error } : {}),
        });
      });
      pending.add(promise);
      void promise.finally(() => pending.delete(promise));
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.min(5, intervalMs))));
  }
  await Promise.all(pending);
  return { samples, notSent, elapsedMs: performance.now() - started };
}

/** Closed loop: `concurrency` callers, each sending its next request when the last is answered. */
export async function closedLoop(options: {
  concurrency: number;
  durationMs: number;
  maxCount: number;
  run: (index: number) => Promise<Outcome>;
}): Promise<LoopResult> {
  const samples: Sample[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (performance.now() - started < options.durationMs && next < options.maxCount) {
      const index = next;
      next += 1;
      const begun = performance.now();
      const outcome = await options.run(index);
      samples.push({
        index,
        ok: outcome.ok,
        status: outcome.status,
        latencyMs: performance.now() - begun,
        answeredAt: Date.now(),
        body: outcome.body,
        ...(outcome.error ? { error: outcome.error } : {}),
      });
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { samples, notSent: 0, elapsedMs: performance.now() - started };
}
