import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import {
  eventSubject,
  isAttendanceEvent,
  type AppEvent,
  type AttendanceEvent,
  type JobProgress,
  type LiveHub,
  type NotificationCreated,
  type RequestChanged,
} from '@absensi/events';
import { covers, scopeOf } from '@absensi/core';
import { LiveStream } from '../live/stream.js';
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
  /**
   * Attendance events as they happen: every one for admins, their people's for managers, their own
   * for employees. Resumes after lastEventId.
   */
  attendance: protectedProcedure
    .input(z.object({ lastEventId }).optional())
    .subscription(async ({ ctx, input, signal }) => {
      const user = ctx.user;
      // A manager follows their own people (the departments they manage) as an admin follows all.
      const scope = user.role === 'manager' ? await scopeOf(ctx.deps, user) : null;
      return new LiveStream(requireHub(ctx.deps.live), {
        accepts: (event: AppEvent): event is AttendanceEvent =>
          isAttendanceEvent(event) &&
          (user.role === 'admin' ||
            eventSubject(event) === user.id ||
            (scope !== null && covers(scope, event.data))),
        project: (event) => event,
        lastEventId: input?.lastEventId ?? undefined,
        signal,
      });
    }),

  /** The caller's notifications as they are made (a request decided, overtime ordered). */
  notifications: protectedProcedure
    .input(z.object({ lastEventId }).optional())
    .subscription(({ ctx, input, signal }) => {
      const userId = ctx.user.id;
      return new LiveStream(requireHub(ctx.deps.live), {
        accepts: (event: AppEvent): event is NotificationCreated =>
          event.type === 'NotificationCreated' && event.data.userId === userId,
        project: (event) => event,
        lastEventId: input?.lastEventId ?? undefined,
        signal,
      });
    }),

  /** Requests filed, decided or cancelled, for approvers: admins all, managers their departments'. */
  requests: protectedProcedure
    .input(z.object({ lastEventId }).optional())
    .subscription(async ({ ctx, input, signal }) => {
      const scope = await scopeOf(ctx.deps, ctx.user);
      return new LiveStream(requireHub(ctx.deps.live), {
        accepts: (event: AppEvent): event is RequestChanged =>
          event.type === 'RequestChanged' && covers(scope, event.data),
        project: (event) => event,
        lastEventId: input?.lastEventId ?? undefined,
        signal,
      });
    }),

  /** Progress of one background job, for the admin who started it. */
  job: protectedProcedure
    .input(z.object({ jobId: z.string().min(1).max(64), lastEventId }))
    .subscription(({ ctx, input, signal }) => {
      const ownerId = ctx.user.id;
      return new LiveStream(requireHub(ctx.deps.live), {
        accepts: (event: AppEvent): event is JobProgress =>
          event.type === 'JobProgress' &&
          event.data.jobId === input.jobId &&
          event.data.ownerId === ownerId,
        project: (event) => event.data,
        // A job's whole story so far is replayed: the client subscribes only after it learns the job id.
        lastEventId: input.lastEventId ?? '',
        signal,
      });
    }),
});
