/**
 * Scenario 3: fan-out. N open subscriptions on one server; for each published event, the delay from
 * handing it to the server until each subscriber has it (p50, p99, last), and the server's resident
 * memory per connection. The same for tRPC live.attendance on realtime, a bare `ws` server and
 * Socket.IO with the Redis adapter.
 */
import { io as socketIo, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import { ingestRequest, INGEST_PATH } from '@absensi/events';
import { sampleAttendanceCreated } from '@absensi/events/testing';
import { latencyOf, type Latency } from './stats.js';
import { rssOf } from './setup.js';

export interface FanoutSystem {
  name: string;
  pid: number;
  /** Opens one subscriber; resolves once it is subscribed. `onEvent` gets the raw frame text or event. */
  connect(localAddress: string, onMessage: (marker: string) => void): Promise<() => void>;
  /** Hands one event to the server. */
  publish(event: ReturnType<typeof sampleAttendanceCreated>): Promise<void>;
}

/** tRPC live.attendance over a raw ws socket (the wire protocol of tRPC v11's wsLink). */
export function trpcSystem(
  pid: number,
  wsUrl: string,
  cookie: string,
  ingestUrl: string,
  secret: string,
): FanoutSystem {
  return {
    name: 'tRPC live.attendance (realtime)',
    pid,
    connect: (localAddress, onMessage) =>
      new Promise((resolve, reject) => {
        const socket = new WebSocket(wsUrl, { headers: { cookie }, localAddress });
        const timer = setTimeout(() => {
          socket.terminate();
          reject(new Error('subscribe timeout'));
        }, 20_000);
        socket.on('open', () =>
          socket.send(
            JSON.stringify({
              id: 1,
              method: 'subscription',
              params: { path: 'live.attendance', input: {} },
            }),
          ),
        );
        socket.on('message', (data: Buffer) => {
          const text = data.toString('utf8');
          if (text === 'PING') return socket.send('PONG');
          if (text.includes('"started"')) {
            clearTimeout(timer);
            resolve(() => socket.terminate());
            return;
          }
          onMessage(text);
        });
        socket.on('error', (error) => {
          clearTimeout(timer);
          reject(error);
        });
      }),
    async publish(event) {
      const { headers, body } = ingestRequest(secret, [event]);
      const response = await fetch(`${ingestUrl}${INGEST_PATH}`, { method: 'POST', headers, body });
      if (!response.ok) throw new Error(`ingest answered ${response.status}`);
    },
  };
}

export function wsFloorSystem(pid: number, port: number, publishPort: number): FanoutSystem {
  return {
    name: 'bare ws (floor)',
    pid,
    connect: (localAddress, onMessage) =>
      new Promise((resolve, reject) => {
        const socket = new WebSocket(`ws://127.0.0.1:${port}`, { localAddress });
        const timer = setTimeout(() => {
          socket.terminate();
          reject(new Error('connect timeout'));
        }, 20_000);
        socket.on('open', () => {
          clearTimeout(timer);
          resolve(() => socket.terminate());
        });
        socket.on('message', (data: Buffer) => onMessage(data.toString('utf8')));
        socket.on('error', (error) => {
          clearTimeout(timer);
          reject(error);
        });
      }),
    publish: (event) => publishTo(publishPort, event),
  };
}

export function socketIoSystem(pid: number, port: number, publishPort: number): FanoutSystem {
  return {
    name: 'Socket.IO + redis-adapter',
    pid,
    connect: (localAddress, onMessage) =>
      new Promise((resolve, reject) => {
        const socket: Socket = socketIo(`http://127.0.0.1:${port}`, {
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
          timeout: 20_000,
          localAddress,
        } as Parameters<typeof socketIo>[1]);
        socket.on('connect', () => resolve(() => socket.disconnect()));
        socket.on('connect_error', reject);
        socket.on('attendance', (event: { id: string }) => onMessage(event.id));
      }),
    publish: (event) => publishTo(publishPort, event),
  };
}

async function publishTo(port: number, event: unknown) {
  const response = await fetch(`http://127.0.0.1:${port}/publish`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(event),
  });
  if (!response.ok) throw new Error(`publish answered ${response.status}`);
  await response.arrayBuffer();
}

export interface FanoutLevel {
  connections: number;
  connectFailures: number;
  /** Per round: the median over the round's events of the per-event p50 / p99 / last delivery. */
  rounds: { p50: number; p99: number; last: number; missing: number }[];
  perEvent: Latency[];
  rssBytes: number;
  rssPerConnectionBytes: number;
}

/**
 * Opens subscribers up to each level (kept open between levels), then publishes `events` events
 * one at a time per round, waiting for all deliveries (or `waitMs`) before the next.
 */
export async function runFanout(
  system: FanoutSystem,
  options: {
    levels: number[];
    rounds: number;
    eventsPerRound: number;
    addresses: string[];
    waitMs: number;
    log: (line: string) => void;
  },
): Promise<{ baselineRss: number; levels: FanoutLevel[] }> {
  const closers: (() => void)[] = [];
  let current = '';
  let arrivals: number[] = [];
  const onMessage = (marker: string) => {
    if (current && marker.includes(current)) arrivals.push(performance.now());
  };
  await new Promise((resolve) => setTimeout(resolve, 500));
  const baselineRss = rssOf(system.pid);
  const levels: FanoutLevel[] = [];
  let failures = 0;
  try {
    for (const level of options.levels) {
      let next = closers.length;
      const opener = async () => {
        while (next < level) {
          const index = next;
          next += 1;
          try {
            closers.push(
              await system.connect(options.addresses[index % options.addresses.length]!, onMessage),
            );
          } catch {
            failures += 1;
          }
        }
      };
      await Promise.all(Array.from({ length: 100 }, opener));
      const connected = closers.length;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const rssBytes = rssOf(system.pid);
      const perEvent: Latency[] = [];
      const rounds: FanoutLevel['rounds'] = [];
      for (let round = 0; round < options.rounds; round += 1) {
        const inRound: Latency[] = [];
        let missing = 0;
        for (let eventIndex = 0; eventIndex < options.eventsPerRound; eventIndex += 1) {
          const event = sampleAttendanceCreated(1);
          arrivals = [];
          current = event.id;
          const started = performance.now();
          await system.publish(event);
          const deadline = Date.now() + options.waitMs;
          while (arrivals.length < connected && Date.now() < deadline)
            await new Promise((resolve) => setTimeout(resolve, 2));
          current = '';
          const delays = arrivals.map((at) => at - started);
          missing += connected - delays.length;
          inRound.push(latencyOf(delays));
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        perEvent.push(...inRound);
        const med = (values: number[]) => latencyOf(values).p50;
        rounds.push({
          p50: med(inRound.map((l) => l.p50)),
          p99: med(inRound.map((l) => l.p99)),
          last: med(inRound.map((l) => l.max)),
          missing,
        });
      }
      const result: FanoutLevel = {
        connections: connected,
        connectFailures: failures,
        rounds,
        perEvent,
        rssBytes,
        rssPerConnectionBytes: (rssBytes - baselineRss) / Math.max(1, connected),
      };
      options.log(
        `${system.name}: ${connected} connections (${failures} failed), p99 ${rounds.map((r) => r.p99.toFixed(1)).join('/')} ms, ${(result.rssPerConnectionBytes / 1024).toFixed(1)} KiB/conn`,
      );
      levels.push(result);
    }
  } finally {
    for (const close of closers) close();
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { baselineRss, levels };
}
