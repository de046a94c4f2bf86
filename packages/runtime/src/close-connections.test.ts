import { Agent, request } from 'node:http';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { closeConnectionsWhenClosing } from './close-connections.js';

/** A server whose one route answers only when told to, and a keep-alive client (as nginx's pool). */
async function serverWithSlowRoute(withHelper: boolean) {
  const app = Fastify();
  if (withHelper) closeConnectionsWhenClosing(app);
  let closeBegun: () => void = () => undefined;
  const closing = new Promise<void>((resolve) => (closeBegun = resolve));
  app.addHook('preClose', (done) => {
    closeBegun();
    done();
  });
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let arrived: () => void = () => undefined;
  const inFlight = new Promise<void>((resolve) => (arrived = resolve));
  app.get('/slow', async () => {
    arrived();
    await released;
    return { done: true };
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  const agent = new Agent({ keepAlive: true });
  const answer = new Promise<{ status: number; connection: string | undefined; body: string }>(
    (resolve, reject) => {
      request({ host: '127.0.0.1', port, path: '/slow', agent }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            connection: response.headers.connection,
            body,
          }),
        );
      })
        .on('error', reject)
        .end();
    },
  );
  /** Closes while the request is in flight, and lets it finish once the listener has stopped. */
  const closeMidRequest = async () => {
    await inFlight;
    const closed = app.close();
    await closing;
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    return { closed };
  };
  return { agent, answer, closeMidRequest };
}

const agents: Agent[] = [];
afterEach(() => agents.splice(0).forEach((agent) => agent.destroy()));

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise.then(() => 'closed' as const),
    new Promise<'still open'>((resolve) => setTimeout(() => resolve('still open'), ms)),
  ]);

describe('closeConnectionsWhenClosing', () => {
  it('answers the request in flight, with Connection: close, and then the server stops', async () => {
    const server = await serverWithSlowRoute(true);
    agents.push(server.agent);
    const { closed } = await server.closeMidRequest();
    expect(await server.answer).toMatchObject({
      status: 200,
      connection: 'close',
      body: '{"done":true}',
    });
    expect(await within(closed, 2_000)).toBe('closed');
  });

  it('is needed: without it a kept-alive connection that was busy holds the server open', async () => {
    const server = await serverWithSlowRoute(false);
    agents.push(server.agent);
    const { closed } = await server.closeMidRequest();
    expect((await server.answer).connection).toBe('keep-alive');
    expect(await within(closed, 1_000)).toBe('still open');
    server.agent.destroy();
    expect(await within(closed, 2_000)).toBe('closed');
  });
});
