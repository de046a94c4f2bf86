import { trpcClient } from '../api/client';
import { classify } from '../api/errors';
import type { AttendanceView } from '../api/types';
import type { QueuedTap, SendOutcome } from './queue';
import { retryAfterOf } from './retry';

/** Sends one waiting tap as `attendance.clockIn/clockOut`, and sorts the answer for the queue. */
export async function sendTap(tap: QueuedTap): Promise<SendOutcome<AttendanceView>> {
  const input = {
    idempotencyKey: tap.key,
    at: tap.at,
    // The phone's clock now: the server takes the tap's true time as its own clock minus the time
    // the tap waited on this phone (sentAt − at), however wrong this phone's clock is.
    sentAt: new Date().toISOString(),
    ...(tap.location ? { location: tap.location } : {}),
  };
  try {
    const value =
      tap.kind === 'clockIn'
        ? await trpcClient.attendance.clockIn.mutate(input)
        : await trpcClient.attendance.clockOut.mutate(input);
    return { status: 'sent', value };
  } catch (error) {
    const problem = classify(error);
    // The server decided (already counted elsewhere, not possible, too old): it will say the same
    // again, so the tap leaves the queue and the person is told. Anything else is tried later.
    const final = problem.answered && problem.kind !== 'unauthorized';
    // A busy node (503) or a network failure: the tap stays queued with its time, and is sent
    // again when the server said (Retry-After) or after a backoff.
    return final
      ? { status: 'refused', error: problem }
      : { status: 'retry', error: problem, retryAfterSeconds: retryAfterOf(error, Date.now()) };
  }
}
