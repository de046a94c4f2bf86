import { createServer } from 'node:net';

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * Linux hands out 32768–60999 as the local ports of outgoing connections, so a block there can be
 * taken by a client socket between this check and the server's listen. Blocks come from below it.
 */
const LOWEST = 10_000;
const EPHEMERAL_START = 32_768;

/** A block of `count` consecutive free loopback ports, away from the usual and ephemeral ones. */
export async function freePortBlock(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const base = LOWEST + Math.floor(Math.random() * (EPHEMERAL_START - LOWEST - count));
    const ports = Array.from({ length: count }, (_, index) => base + index);
    if ((await Promise.all(ports.map(portFree))).every(Boolean)) return base;
  }
  throw new Error('no block of free ports found');
}
