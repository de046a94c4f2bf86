/**
 * tRPC setup, in three parts: (1) the context every procedure receives, (2) one initTRPC with an
 * error formatter that names the fields a person got wrong and hides internals, (3) the procedures
 * the routers build on: public, signed-in, admin.
 */
import { initTRPC, TRPCError } from '@trpc/server';
import { ConnectionError, TimeoutError } from 'sequelize';
import { ZodError } from 'zod';
import { sessionUserRow, type Role, type User } from '@absensi/db';
import type { AppDeps } from './deps.js';
import type { RequestSession } from './session/types.js';

// (1) Context ----------------------------------------------------------------------------------

export interface Context {
  readonly deps: AppDeps;
  readonly session: RequestSession;
  /** The caller's address (after the trusted proxy), for rate limits and logs. */
  readonly clientAddress: string;
  /** Aborted when the client goes away (subscriptions). */
  readonly signal?: AbortSignal;
}

export interface SessionUser {
  id: number;
  name: string;
  email: string;
  role: Role;
  department: string | null;
}

export function sessionUserOf(
  user: Pick<User, 'id' | 'name' | 'email' | 'role' | 'department'>,
): SessionUser {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    department: user.department,
  };
}

// (2) Initialisation ---------------------------------------------------------------------------

/** "field: message; …" — what a person needs to fix their input. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) =>
      issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    const message = zodError
      ? describeZodError(zodError)
      : error.code === 'INTERNAL_SERVER_ERROR'
        ? 'Something went wrong on our side. Please try again; if it keeps happening, tell your administrator.'
        : shape.message;
    return {
      ...shape,
      message,
      data: { ...shape.data, stack: undefined, zodError: zodError ? zodError.flatten() : null },
    };
  },
});

// (3) Procedures -------------------------------------------------------------------------------

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const LOST_CONNECTION_CODES = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ER_CON_COUNT_ERROR',
]);

function isDatabaseOutage(cause: unknown): boolean {
  if (cause instanceof ConnectionError || cause instanceof TimeoutError) return true;
  const code = (cause as { parent?: { code?: string }; original?: { code?: string } } | null)
    ?.parent?.code;
  return code !== undefined && LOST_CONNECTION_CODES.has(code);
}

/** A database that cannot be reached is the server's trouble, not the caller's: 503, try again later. */
const databaseOutage = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (isDatabaseOutage(cause)) {
      throw new TRPCError({
        code: 'SERVICE_UNAVAILABLE',
        message: 'The attendance database is unavailable right now. Please try again in a moment.',
        cause,
      });
    }
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

export const publicProcedure = t.procedure.use(observed).use(databaseOutage);

/** Signed in with an active account; `ctx.user` is that user. */
export const protectedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const userId = ctx.session.userId;
  const loadUser = async (id: number): Promise<SessionUser | false> => {
    const row = await sessionUserRow(ctx.deps.db, id);
    return row?.active ? sessionUserOf(row) : false;
  };
  const user =
    userId === null
      ? false
      : ctx.deps.users
        ? await ctx.deps.users.get(userId, () => loadUser(userId))
        : await loadUser(userId);
  if (!user) {
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: 'Your session has ended. Please sign in again.',
    });
  }
  return next({ ctx: { user } });
});

export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== 'admin') {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Only administrators can do this.' });
  }
  return next();
});
