import { trpcClient } from '../api/client';
import { classify } from '../api/errors';
import type { FileOutcome, OutboxItem } from './outbox';

interface WithResponse {
  meta?: { response?: { headers?: { get(name: string): string | null } } };
}

/** The Retry-After (seconds) of a refused HTTP answer (503 OVERLOADED), when it gave one. */
export function retryAfterOf(error: unknown): number | undefined {
  const header = (error as WithResponse | null)?.meta?.response?.headers?.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, (at - Date.now()) / 1000);
}

/** Sends one waiting request as `requests.file`, and sorts the answer for the outbox. */
export async function sendRequest(item: OutboxItem): Promise<FileOutcome> {
  try {
    await trpcClient.requests.file.mutate(item.input);
    return { status: 'sent' };
  } catch (error) {
    const problem = classify(error);
    // The server decided (a date not allowed, a balance used up, a photo it cannot read): it will
    // say the same again, so the person is shown why. A lost session waits for a new sign-in.
    if (problem.answered && problem.kind !== 'unauthorized') return { status: 'refused', problem };
    return { status: 'retry', problem, retryAfterSeconds: retryAfterOf(error) };
  }
}
