import { Agent, request as httpRequest } from 'node:http';
import { ingestRequest, INGEST_PATH, type AppEvent } from '@absensi/events';

export class IngestRefusedError extends Error {
  constructor(
    readonly status: number,
    detail: string,
  ) {
    super(`realtime refused the events (${status}): ${detail}`);
    this.name = 'IngestRefusedError';
  }
}

/**
 * Posts batches to realtime over kept-alive connections. node:http rather than fetch: a subscriber
 * posts once per event at rush rates, and fetch's per-request machinery cost several times the CPU.
 */
export class Forwarder {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 4 });
  private readonly url: URL;

  constructor(
    ingestUrl: string,
    private readonly secret: string,
    private readonly timeoutMs = 5_000,
  ) {
    this.url = new URL(INGEST_PATH, ingestUrl);
  }

  /** Posts one batch; throws when realtime is unreachable or refuses it. */
  forward(events: readonly AppEvent[]): Promise<void> {
    const { headers, body } = ingestRequest(this.secret, events);
    return new Promise((resolve, reject) => {
      const request = httpRequest(
        this.url,
        {
          method: 'POST',
          agent: this.agent,
          timeout: this.timeoutMs,
          headers,
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            if (status >= 200 && status < 300) resolve();
            else reject(new IngestRefusedError(status, text));
          });
          response.on('error', reject);
        },
      );
      request.on('timeout', () =>
        request.destroy(new Error(`realtime did not answer within ${this.timeoutMs} ms`)),
      );
      request.on('error', reject);
      request.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Waits before the next try: doubling from 100 ms up to 5 s. */
export function backoffMs(attempt: number): number {
  return Math.min(5_000, 100 * 2 ** Math.min(attempt, 6));
}
