/** A hand-written client of /ws for tests: every frame kept, the close code seen, the refusal's status. */
import { WebSocket } from 'ws';

export interface Frame {
  id: number | string | null;
  jsonrpc?: string;
  method?: string;
  result?: {
    type: 'started' | 'stopped' | 'data';
    id?: string;
    data?: { id: string; data: { type: string } };
  };
  error?: { message: string; data: { code: string } };
}

/**
 * A raw socket that keeps every frame it receives; `localAddress` makes it come from another
 * loopback address (127.0.0.2…), as another client behind nginx would.
 */
export async function openRaw(
  url: string,
  headers: Record<string, string> = {},
  localAddress?: string,
) {
  const socket = new WebSocket(url, { headers, ...(localAddress ? { localAddress } : {}) });
  const frames: Frame[] = [];
  let closed: { code: number; reason: string } | null = null;
  socket.on('message', (data: Buffer) => {
    const text = data.toString('utf8');
    if (text !== 'PING' && text !== 'PONG') frames.push(JSON.parse(text) as Frame);
  });
  socket.on('close', (code: number, reason: Buffer) => {
    closed = { code, reason: reason.toString('utf8') };
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return {
    socket,
    frames,
    get closed() {
      return closed !== null;
    },
    /** The close frame's code and reason, once closed. */
    get closeCode() {
      return closed;
    },
    send: (message: unknown) => socket.send(JSON.stringify(message)),
    of: (id: number | string) => frames.filter((frame) => frame.id === id),
    close: () => socket.terminate(),
  };
}

export type RawSocket = Awaited<ReturnType<typeof openRaw>>;

export const subscribe = (id: number | string, path: string, input?: unknown, jsonrpc?: '2.0') => ({
  id,
  ...(jsonrpc ? { jsonrpc } : {}),
  method: 'subscription',
  params: { path, input },
});

/** The HTTP status an upgrade gets (101 when it is taken) and the body of a refusal. */
export function upgradeStatus(
  url: string,
  headers: Record<string, string> = {},
  localAddress?: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers, ...(localAddress ? { localAddress } : {}) });
    socket.once('open', () => {
      socket.terminate();
      resolve({ status: 101, body: '' });
    });
    socket.once('unexpected-response', (request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body });
        request.destroy();
      });
    });
    // After a refusal the client may still report the aborted request: settled by then.
    socket.on('error', reject);
  });
}
