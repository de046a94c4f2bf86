/**
 * tRPC setup, in three parts: (1) the context every procedure receives, (2) one initTRPC with an
 * error formatter that names the fields a person got wrong and hides internals, and the one place
 * where a domain error becomes a tRPC error, (3) the procedures the routers build on: public,
 * signed-in, admin.
 */
import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { ZodError } from 'zod';
import { isDatabaseOutage } from '@absensi/db';
import {
  isDomainError,
  signedInActor,
  type Actor,
  type CoreDeps,
  type DomainErrorCode,
} from '@absensi/core';
import type { LiveHub } from '@absensi/events';
import type { RequestSession } from '@absensi/runtime';
import { fieldIssues, RefusedError, refusalOf } from './refusals.js';

// (1) Context ----------------------------------------------------------------------------------

/** What every procedure may use: the use cases' dependencies, plus what only the contract needs. */
export interface AppDeps extends CoreDeps {
  /** Where subscriptions are served (realtime, or the embedded process); absent on HTTP-only API nodes. */
  readonly live?: LiveHub | undefined;
  /** Called after every procedure with its path and outcome, for metrics. */
  readonly observe?:
    | ((sample: { path: string; type: string; durationMs: number; code: string }) => void)
    | undefined;
}

export interface Context {
  readonly deps: AppDeps;
  readonly session: RequestSession;
  /** The caller's address (after the trusted proxy), for rate limits and logs. */
  readonly clientAddress: string;
  /** Aborted when the client goes away (subscriptions). */
  readonly signal?: AbortSignal;
  /**
   * Over HTTP only: a stand-in for a value whose JSON text is already known (`json`, exactly
   * `JSON.stringify` of the value), which the HTTP layer replaces with that text in the answer's
   * body, so a large answer shared by many callers is not serialised again for each. Absent
   * elsewhere (WebSocket, callers in code): return the value itself.
   */
  readonly preSerialized?: ((json: string) => unknown) | undefined;
}

/** The signed-in user as clients see them (`auth.me`). */
export type SessionUser = Actor;

// (2) Initialisation ---------------------------------------------------------------------------

/** The most calls one batched request (HTTP or one WebSocket message) may carry. */
export const MAX_BATCH_CALLS = 10;

/** tRPC's own words for a batch over the limit, replaced by ones a person can act on. */
const BATCH_TOO_LARGE = 'Batch call exceeds maximum size';

/** "field: message; …" — what a person needs to fix their input. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) =>
      issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
}

/**
 * Every error's shape: tRPC's own, plus `data.reason` and `data.params` (core's catalogue,
 * ERROR_REASONS), `data.field` (the input field at fault, if one) and, for input failing its schema,
 * `data.issues` (`[{ path, code, params }]`, FIELD_ISSUES). `message` stays English, for logs and API
 * users; clients word the reason in the reader's language.
 */
const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error, input }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    const message = zodError
      ? describeZodError(zodError)
      : error.code === 'INTERNAL_SERVER_ERROR'
        ? 'Something went wrong on our side. Please try again; if it keeps happening, tell your administrator.'
        : error.message === BATCH_TOO_LARGE
          ? `One request may carry at most ${MAX_BATCH_CALLS} calls; send the others in another request.`
          : shape.message;
    const field = isDomainError(error.cause) ? (error.cause.field ?? null) : null;
    const { reason, params } = zodError
      ? { reason: 'INPUT_INVALID' as const, params: {} }
      : error.message === BATCH_TOO_LARGE
        ? { reason: 'BATCH_TOO_LARGE' as const, params: { maxCalls: MAX_BATCH_CALLS } }
        : error.code === 'INTERNAL_SERVER_ERROR'
          ? { reason: 'SERVER_ERROR' as const, params: {} }
          : refusalOf(error);
    return {
      ...shape,
      message,
      data: {
        ...shape.data,
        stack: undefined,
        zodError: zodError ? zodError.flatten() : null,
        field,
        reason,
        params,
        issues: zodError ? fieldIssues(zodError, input) : [],
      },
    };
  },
});

// (3) Procedures -------------------------------------------------------------------------------

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const TRPC_CODE_OF: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INVALID: 'BAD_REQUEST',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  PRECONDITION_FAILED: 'PRECONDITION_FAILED',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
};

/**
 * Where the domain's refusals become tRPC errors (once, for every procedure), and a database that
 * cannot be reached becomes 503: the server's trouble, not the caller's; try again later.
 */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (isDomainError(cause))
    throw new TRPCError({ code: TRPC_CODE_OF[cause.code], message: cause.message, cause });
  if (isDatabaseOutage(cause)) {
    throw new RefusedError(
      'SERVICE_UNAVAILABLE',
      'The attendance database is unavailable right now. Please try again in a moment.',
      { reason: 'DATABASE_UNAVAILABLE' },
      cause,
    );
  }
  return result;
});

const observed = t.middleware(async ({ ctx, path, type, next }) => {
  const started = performance.now();
  const result = await next();
  ctx.deps.observe?.({
    path,
    type,
    durationMs: performance.now() - started,
    code: result.ok ? 'OK' : result.error.code,
  });
  if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR') {
    ctx.deps.log.error({ err: result.error.cause ?? result.error, path }, 'procedure failed');
  }
  return result;
});

/** Whether any string in a JSON value (or any key) holds a NUL character; walked without recursion. */
export function containsNul(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return true;
    } else if (Array.isArray(item)) {
      for (const entry of item as unknown[]) pending.push(entry);
    } else if (typeof item === 'object' && item !== null) {
      for (const [key, entry] of Object.entries(item)) {
        if (key.includes('\u0000')) return true;
        pending.push(entry);
      }
    }
  }
  return false;
}

/**
 * NUL is never text a person meant, and some drivers and databases end a string at it or refuse
 * it: refused for every procedure, in any field, before the input schema runs.
 */
const noNulCharacters = t.middleware(async ({ getRawInput, next }) => {
  const raw = await getRawInput().catch(() => undefined);
  if (containsNul(raw))
    throw new RefusedError(
      'BAD_REQUEST',
      'Text must not contain NUL characters (\\u0000). Remove them and try again.',
      { reason: 'NUL_CHARACTERS' },
    );
  return next();
});

export const publicProcedure = t.procedure.use(observed).use(domainErrors).use(noNulCharacters);

/** Signed in with an active account; `ctx.user` is that user. */
export const protectedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const user = await signedInActor(ctx.deps, ctx.session);
  return next({ ctx: { user } });
});

/** Admins, and managers (whose use cases keep to the departments and sites they manage). */
export const managerProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== 'admin' && ctx.user.role !== 'manager') {
    throw new RefusedError('FORBIDDEN', 'Only administrators and managers can do this.', {
      reason: 'MANAGERS_ONLY',
    });
  }
  return next();
});

export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== 'admin') {
    throw new RefusedError('FORBIDDEN', 'Only administrators can do this.', {
      reason: 'ADMINS_ONLY',
    });
  }
  return next();
});
