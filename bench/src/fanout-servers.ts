/**
 * The fan-out floors, each its own process so its memory can be read from /proc:
 *   node fanout-servers.js ws '{"port":…,"publishPort":…}'
 *   node fanout-servers.js socketio '{"port":…,"publishPort":…,"redisUrl":…,"redisPrefix":…}'
 * POST /publish on publishPort with an event's JSON: the bare `ws` server sends it, wrapped the way
 * tRPC frames a subscription's data, to every client; the Socket.IO server does io.emit through the
 * Redis adapter (which publishes to Redis for other nodes and delivers locally).
 */
import { createServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { Server as SocketIoServer } from 'socket.io';
import { WebSocketServer } from 'ws';

export interface FanoutSettings {
  port: number;
  publishPort: number;
  redisUrl?: string;
  redisPrefix?: string;
}

function publishEndpoint(port: number, onEvent: (json: string) => void) {
  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/healthz') {
      response.writeHead(200).end('ok');
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      onEvent(Buffer.concat(chunks).toString('utf8'));
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"accepted":1}');
    });
  });
  server.listen(port, '127.0.0.1');
  return server;
}

export function startWsFloor(settings: FanoutSettings) {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: settings.port });
  publishEndpoint(settings.publishPort, (json) => {
    const event = JSON.parse(json) as { id: string };
    const frame = JSON.stringify({
      id: 1,
      jsonrpc: '2.0',
      result: { type: 'data', id: event.id, data: event },
    });
    for (const client of wss.clients) client.send(frame);
  });
}

export function startSocketIo(settings: FanoutSettings) {
  const pub = new Redis(settings.redisUrl ?? 'redis://127.0.0.1:6379');
  const sub = pub.duplicate();
  const http = createServer();
  const io = new SocketIoServer(http, {
    transports: ['websocket'],
    adapter: createAdapter(pub, sub, { key: `${settings.redisPrefix ?? 'bench-'}socket.io` }),
  });
  http.listen(settings.port, '127.0.0.1');
  publishEndpoint(settings.publishPort, (json) => {
    io.emit('attendance', JSON.parse(json));
  });
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const kind = process.argv[2];
  const settings = JSON.parse(process.argv[3] ?? '{}') as FanoutSettings;
  if (kind === 'ws') startWsFloor(settings);
  else if (kind === 'socketio') startSocketIo(settings);
  else throw new Error(`unknown fan-out server ${kind}`);
}
