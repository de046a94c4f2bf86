import { tracked, TRPCError } from '@trpc/server';
import { z } from 'zod';
import { eventSubject, isAttendanceEvent, type AppEvent, type LiveHub } from '@absensi/events';
import { protectedProcedure, router } from '../trpc.js';

function requireHub(live: LiveHub | undefined): LiveHub {
  if (!live) {
    throw new TRPCError({
      code: 'METHOD_NOT_SUPPORTED',
      message: 'Live updates are served over the WebSocket at /ws.',
    });
  }
  return live;
}

const lastEventId = z.string().max(64).nullish();

export const liveRouter = router({
  /** Attendance events as they happen: every one for admins, their own for employees. Resumes after lastEventId. */
  attendance: protectedProcedure
    .input(z.object({ lastEventId }).optional())
    .subscription(async function* ({ ctx, input, signal }) {
      const hub = requireHub(ctx.deps.live);
      const user = ctx.user;
      const accepts = (event: AppEvent) =>
        isAttendanceEvent(event) && (user.role === 'admin' || eventSubject(event) === user.id);
      for await (const event of hub.subscribe({
        accepts,
        lastEventId: input?.lastEventId ?? undefined,
        signal,
      })) {
        if (isAttendanceEvent(event)) yield tracked(event.id, event);
      }
    }),

  /** Progress of one background job, for the admin who started it. */
  job: protectedProcedure
    .input(z.object({ jobId: z.string().min(1).max(64), lastEventId }))
    .subscription(async function* ({ ctx, input, signal }) {
      const hub = requireHub(ctx.deps.live);
      const accepts = (event: AppEvent) =>
        event.type === 'JobProgress' &&
        event.data.jobId === input.jobId &&
        event.data.ownerId === ctx.user.id;
      for await (const event of hub.subscribe({
        accepts,
        // A job's whole story so far is replayed: the client subscribes only after it learns the job id.
        lastEventId: input.lastEventId ?? '',
        signal,
      })) {
        if (event.type === 'JobProgress') yield tracked(event.id, event.data);
      }
    }),
});
