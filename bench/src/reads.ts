/** Scenario 2: reads under load, closed loop. */
import { closedLoop, send, type ClientPool, type Target } from './load.js';
import { latencyOf, type Latency } from './stats.js';

export interface ReadResult {
  path: string;
  concurrency: number;
  ok: number;
  /** Failures other than refusals under load. */
  errors: number;
  /** Refused under load (503, admission control): answered at once, not served. */
  refused: number;
  perSecond: number;
  latency: Latency;
}

export async function readLoad(options: {
  pool: ClientPool;
  target: Target;
  path: string;
  cookies: string[];
  concurrency: number;
  seconds: number;
}): Promise<ReadResult> {
  const result = await closedLoop({
    concurrency: options.concurrency,
    durationMs: options.seconds * 1000,
    maxCount: 2_000_000,
    run: (index) =>
      send(
        options.pool.agentFor(index),
        options.target,
        {
          method: 'GET',
          path: options.path,
          headers: { cookie: options.cookies[index % options.cookies.length]! },
        },
        10_000,
      ),
  });
  const ok = result.samples.filter((sample) => sample.ok).length;
  const served = result.samples.filter((sample) => sample.status !== 503);
  return {
    path: options.path,
    concurrency: options.concurrency,
    ok,
    errors: served.length - ok,
    refused: result.samples.length - served.length,
    perSecond: ok / (result.elapsedMs / 1000),
    latency: latencyOf(served.map((sample) => sample.latencyMs)),
  };
}
