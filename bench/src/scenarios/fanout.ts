/**
 * Scenario 3, fan-out: events delivered to N live subscriptions by the cluster's realtime, then by
 * a bare `ws` server (the floor) and by Socket.IO with its Redis adapter, each started in turn.
 */
import { join } from 'node:path';
import { testEnvironment } from '@absensi/config';
import { runFanout, socketIoSystem, trpcSystem, wsFloorSystem } from '../fanout.js';
import { DIST, REALTIME_SECRET } from '../fixtures.js';
import type { Resources } from '../resources.js';
import type { BenchResults } from '../results.js';
import { answers, freePortBlock, startChild, waitFor } from '../setup.js';
import type { Stage } from '../stage.js';

export async function runFanoutScenario(
  stage: Stage,
  results: BenchResults,
  context: { addresses: string[]; path: string; resources: Resources },
) {
  const { plan, log, cluster } = stage;
  const { path, resources } = context;
  const realtimePid = cluster.supervisor.pid('realtime');
  if (!realtimePid) throw new Error('realtime is not running');
  const f = plan.fanout;
  const common = {
    levels: f.levels,
    rounds: f.rounds,
    eventsPerRound: f.eventsPerRound,
    addresses: context.addresses,
    waitMs: f.waitMs,
    log,
  };
  results.fanout.trpc = await runFanout(
    trpcSystem(
      realtimePid,
      `ws://127.0.0.1:${cluster.settings.realtimePort}/ws`,
      stage.adminCookies[0]!,
      cluster.ingestUrl,
      REALTIME_SECRET,
    ),
    common,
  );
  const fanBase = await freePortBlock(4);
  const wsFloor = resources.adopt(
    startChild(
      'ws-floor',
      [
        join(DIST, 'fanout-servers.js'),
        'ws',
        JSON.stringify({ port: fanBase, publishPort: fanBase + 1 }),
      ],
      { PATH: path },
      stage.sink,
    ),
  );
  await waitFor('ws floor', answers(`http://127.0.0.1:${fanBase + 1}/healthz`), 15_000);
  results.fanout.ws = await runFanout(
    wsFloorSystem(wsFloor.process.pid!, fanBase, fanBase + 1),
    common,
  );
  await wsFloor.stop();
  const sio = resources.adopt(
    startChild(
      'socketio',
      [
        join(DIST, 'fanout-servers.js'),
        'socketio',
        JSON.stringify({
          port: fanBase + 2,
          publishPort: fanBase + 3,
          redisUrl: testEnvironment().redisUrl,
          redisPrefix: stage.prefix,
        }),
      ],
      { PATH: path },
      stage.sink,
    ),
  );
  await waitFor('socket.io', answers(`http://127.0.0.1:${fanBase + 3}/healthz`), 15_000);
  results.fanout.socketio = await runFanout(
    socketIoSystem(sio.process.pid!, fanBase + 2, fanBase + 3),
    common,
  );
  await sio.stop();
}
