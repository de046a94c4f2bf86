/**
 * Serves subscriptions whose procedure returns a LiveStream by pushing frames straight onto the
 * socket, in tRPC's WebSocket wire format, while every other message goes on to tRPC's own
 * connection handler.
 *
 * Why: tRPC's adapter pulls each subscription through an async iterator and races every `next()`
 * against the stop signal. Per event and per subscriber that is a dozen promises, a WeakMap entry
 * and one JSON serialisation; at 10,000 admins it was 4× the cost of the bare `ws` floor and 40 KiB
 * per connection. Here the hub calls one closure per subscriber, the event is serialised once, and
 * subscribers with the same subscription id share one frame string.
 *
 * The procedure stays the one definition: it is called through the router (middleware, input
 * validation, audience), and anything that is not a LiveStream, or fails, is handed to tRPC as the
 * client sent it, so errors are tRPC's own.
 */
import { EventEmitter } from 'node:events';
import { TRPCError } from '@trpc/server';
import { getErrorShape } from '@trpc/server/unstable-core-do-not-import';
import type { RawData, WebSocket } from 'ws';
import type { Logger } from '@absensi/core';
import { isLiveStream } from './stream.js';
import { appRouter } from '../root.js';
import { createCallerFactory, type Context } from '../trpc.js';

/** A socket whose unsent data passes this is a reader that cannot keep up: it is dropped and resumes. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
const OPEN = 1;

/**
 * The socket as tRPC's connection handler sees it: the same socket, but only the messages the push
 * path did not take. It also carries the connection's context, created by tRPC, for the push path.
 */
export class TrpcFacingSocket extends EventEmitter {
  context: Promise<Context> | null = null;

  constructor(private readonly socket: WebSocket) {
    super();
    socket.on('close', (code: number, reason: Buffer) => this.emit('close', code, reason));
    socket.on('error', (error: Error) => this.emit('error', error));
  }
  get readyState(): number {
    return this.socket.readyState;
  }
  send(data: string | Buffer): void {
    this.socket.send(data);
  }
  close(code?: number, reason?: string): void {
    this.socket.close(code, reason);
  }
  terminate(): void {
    this.socket.terminate();
  }
  /** Hands a message to tRPC. */
  pass(data: RawData | string, isBinary = false): void {
    this.emit('message', typeof data === 'string' ? Buffer.from(data) : data, isBinary);
  }
}

interface SubscriptionRequest {
  id: number | string;
  jsonrpc?: '2.0';
  method: 'subscription';
  params: { path: string; input?: unknown; lastEventId?: string };
}

function isSubscriptionRequest(message: unknown): message is SubscriptionRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { id, method, params } = message as Record<string, unknown>;
  return (
    method === 'subscription' &&
    (typeof id === 'number' || typeof id === 'string') &&
    typeof params === 'object' &&
    params !== null &&
    typeof (params as Record<string, unknown>).path === 'string'
  );
}

function stopTarget(message: unknown): number | string | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { id, method } = message as Record<string, unknown>;
  return method === 'subscription.stop' && (typeof id === 'number' || typeof id === 'string')
    ? id
    : undefined;
}

/** tRPC folds `params.lastEventId` (sent by a reconnecting client) into the input; so do we. */
function inputOf({ params }: SubscriptionRequest): unknown {
  if (params.lastEventId === undefined) return params.input;
  if (typeof params.input === 'object' && params.input !== null)
    return { ...params.input, lastEventId: params.lastEventId };
  return params.input ?? { lastEventId: params.lastEventId };
}

/**
 * One event's data frame for every subscriber with the same subscription id: the event is
 * serialised once and the frame encoded once, as UTF-8 bytes that every socket sends as they are
 * (a string would be encoded again per socket). One slot suffices, since the hub hands an event to
 * all subscribers before the next.
 */
export class FrameCache {
  private data: object | null = null;
  private json = '';
  private readonly frames = new Map<string, Buffer>();

  frame(head: string, eventId: string, data: object): Buffer {
    if (data !== this.data) {
      this.data = data;
      this.json = JSON.stringify(data);
      this.frames.clear();
    }
    let frame = this.frames.get(head);
    if (frame === undefined) {
      const id = JSON.stringify(eventId);
      frame = Buffer.from(
        `${head}"result":{"type":"data","id":${id},"data":{"id":${id},"data":${this.json}}}}`,
      );
      this.frames.set(head, frame);
    }
    return frame;
  }
}

const createCaller = createCallerFactory(appRouter);

async function callSubscription(ctx: Context, path: string, input: unknown): Promise<unknown> {
  let procedure: unknown = createCaller(ctx);
  for (const key of path.split('.')) procedure = (procedure as Record<string, unknown>)[key];
  return (procedure as (input: unknown) => Promise<unknown>)(input);
}

/** Disposes an iterable the push path will not serve, before tRPC is asked to serve it instead. */
async function dispose(result: unknown) {
  if (typeof result !== 'object' || result === null || !(Symbol.asyncIterator in result)) return;
  const iterator = (result as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  await iterator.return?.();
}

type Subscription =
  { state: 'starting' | 'stopping' } | { state: 'live'; head: string; detach: () => void };

export interface PushPathOptions {
  socket: WebSocket;
  trpc: TrpcFacingSocket;
  /** The client sends its connection params as its first message (tRPC's `connectionParams=1`). */
  expectsConnectionParams: boolean;
  frames: FrameCache;
  /** Messages in one batch beyond this go whole to tRPC, which refuses the batch. */
  maxBatch: number;
  log: Logger;
}

/** Takes over a connection's LiveStream subscriptions; everything else reaches tRPC unchanged. */
export function servePushPath({
  socket,
  trpc,
  expectsConnectionParams,
  frames,
  maxBatch,
  log,
}: PushPathOptions): void {
  const subscriptions = new Map<number | string, Subscription>();
  let awaitingParams = expectsConnectionParams;
  const gone = () => socket.readyState !== OPEN;

  const send = (frame: string) => {
    if (!gone()) socket.send(frame);
  };
  const headOf = (request: SubscriptionRequest) =>
    `{"id":${JSON.stringify(request.id)},${request.jsonrpc === '2.0' ? '"jsonrpc":"2.0",' : ''}`;
  const control = (head: string, type: 'started' | 'stopped') =>
    send(`${head}"result":{"type":"${type}"}}`);

  function handOver(request: SubscriptionRequest) {
    subscriptions.delete(request.id);
    trpc.pass(JSON.stringify(request));
  }

  async function start(request: SubscriptionRequest) {
    if (subscriptions.has(request.id)) {
      const error = new TRPCError({ code: 'BAD_REQUEST', message: `Duplicate id ${request.id}` });
      const shape = getErrorShape({
        config: appRouter._def._config,
        error,
        type: 'subscription',
        path: request.params.path,
        input: request.params.input,
        ctx: undefined,
      });
      send(JSON.stringify({ id: request.id, jsonrpc: request.jsonrpc, error: shape }));
      return;
    }
    subscriptions.set(request.id, { state: 'starting' });
    let result: unknown;
    try {
      if (!trpc.context) throw new Error('no connection context yet');
      result = await callSubscription(await trpc.context, request.params.path, inputOf(request));
    } catch {
      // Refused (signed out, bad input, unknown path) or failed: tRPC runs it again and answers in
      // its own words, or serves it if the failure has passed.
      if (!gone() && subscriptions.get(request.id)?.state === 'starting') handOver(request);
      else subscriptions.delete(request.id);
      return;
    }
    if (!isLiveStream(result)) {
      await dispose(result);
      if (!gone()) handOver(request);
      return;
    }
    if (gone()) return;
    const head = headOf(request);
    if (subscriptions.get(request.id)?.state === 'stopping') {
      subscriptions.delete(request.id);
      control(head, 'stopped');
      return;
    }
    control(head, 'started');
    // The replay inside attach() may exceed the bound on its own; only live events are held to it.
    let replayed = false;
    const detach = result.attach((eventId, data) => {
      if (replayed && socket.bufferedAmount > MAX_BUFFERED_BYTES) {
        log.warn(
          { buffered: socket.bufferedAmount },
          'live subscriber fell behind; dropped so it reconnects and resumes',
        );
        detach();
        socket.terminate();
        return;
      }
      socket.send(frames.frame(head, eventId, data), { binary: false });
    });
    replayed = true;
    subscriptions.set(request.id, { state: 'live', head, detach });
  }

  function stop(id: number | string) {
    const subscription = subscriptions.get(id);
    if (subscription?.state === 'live') {
      subscription.detach();
      subscriptions.delete(id);
      control(subscription.head, 'stopped');
    } else if (subscription) {
      subscriptions.set(id, { state: 'stopping' });
    }
  }

  socket.on('message', (data: RawData, isBinary: boolean) => {
    if (isBinary || awaitingParams) {
      awaitingParams = false;
      trpc.pass(data, isBinary);
      return;
    }
    // ws hands text frames over as one Buffer (binaryType 'nodebuffer', its default).
    const text = (data as Buffer).toString('utf8');
    let parsed: unknown;
    try {
      parsed = text === 'PING' || text === 'PONG' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (Array.isArray(parsed) && parsed.length > maxBatch) {
      trpc.pass(data);
      return;
    }
    const messages = Array.isArray(parsed) ? (parsed as unknown[]) : [parsed];
    const ours = messages.filter(
      (message) =>
        isSubscriptionRequest(message) ||
        (stopTarget(message) !== undefined && subscriptions.has(stopTarget(message)!)),
    );
    if (ours.length === 0) {
      trpc.pass(data);
      return;
    }
    const theirs = messages.filter((message) => !ours.includes(message));
    if (theirs.length > 0) trpc.pass(JSON.stringify(theirs.length === 1 ? theirs[0] : theirs));
    for (const message of ours) {
      if (isSubscriptionRequest(message)) {
        start(message).catch((error: unknown) =>
          log.error({ err: error }, 'live subscription failed to start'),
        );
      } else {
        stop(stopTarget(message)!);
      }
    }
  });
  socket.once('close', () => {
    for (const subscription of subscriptions.values())
      if (subscription.state === 'live') subscription.detach();
    subscriptions.clear();
  });
}
