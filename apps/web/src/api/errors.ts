import { TRPCClientError } from '@trpc/client';
import type { MessageKey, Translate } from '../i18n/translate';

export type ErrorKind =
  | 'network'
  | 'unauthorized'
  | 'forbidden'
  | 'conflict'
  | 'invalid'
  | 'tooMany'
  | 'unavailable'
  | 'server';

export interface Problem {
  kind: ErrorKind;
  /** The server's message (English), kept for details such as a validation message. */
  serverMessage: string;
  /** True when the server answered and decided: sending the same again gives the same answer. */
  answered: boolean;
}

interface ErrorShape {
  data?: { code?: string; httpStatus?: number } | null;
  meta?: { response?: { status?: number } };
}

/** What kind of trouble a failed call is, from its tRPC code, its HTTP status or its absence. */
export function classify(error: unknown): Problem {
  const serverMessage = error instanceof Error ? error.message : String(error);
  if (!(error instanceof TRPCClientError)) {
    return { kind: 'server', serverMessage, answered: false };
  }
  const shape = error as unknown as ErrorShape;
  const code = shape.data?.code;
  const status = shape.data?.httpStatus ?? shape.meta?.response?.status;
  switch (code) {
    case 'UNAUTHORIZED':
      return { kind: 'unauthorized', serverMessage, answered: true };
    case 'FORBIDDEN':
      return { kind: 'forbidden', serverMessage, answered: true };
    case 'CONFLICT':
      return { kind: 'conflict', serverMessage, answered: true };
    case 'BAD_REQUEST':
    case 'PARSE_ERROR':
    case 'NOT_FOUND':
    case 'UNPROCESSABLE_CONTENT':
      return { kind: 'invalid', serverMessage, answered: true };
    case 'TOO_MANY_REQUESTS':
      return { kind: 'tooMany', serverMessage, answered: false };
    case 'SERVICE_UNAVAILABLE':
    case 'GATEWAY_TIMEOUT':
    case 'BAD_GATEWAY':
      return { kind: 'unavailable', serverMessage, answered: false };
    case undefined:
      break;
    default:
      return { kind: 'server', serverMessage, answered: false };
  }
  // No tRPC answer at all: the network failed, or a proxy answered for a server that is down.
  if (status !== undefined && status >= 500) {
    return { kind: 'unavailable', serverMessage, answered: false };
  }
  if (typeof navigator !== 'undefined' && !navigator.onLine) {
    return { kind: 'network', serverMessage, answered: false };
  }
  if (status === undefined || status === 0)
    return { kind: 'network', serverMessage, answered: false };
  return { kind: 'server', serverMessage, answered: false };
}

/** A sentence a person can act on, in their language. */
export function describe(problem: Problem, t: Translate, context: 'login' | 'other' = 'other') {
  const keys: Record<ErrorKind, MessageKey> = {
    network: 'errOffline',
    unauthorized: context === 'login' ? 'errWrongPassword' : 'errSessionLost',
    forbidden: 'errForbidden',
    conflict: 'errGeneric',
    invalid: 'errInvalid',
    tooMany: 'errTooMany',
    unavailable: 'errServerDown',
    server: 'errGeneric',
  };
  if (problem.kind === 'conflict') {
    if (/email/i.test(problem.serverMessage)) return t('errEmailTaken');
    if (/already clocked in/i.test(problem.serverMessage)) return t('errAlreadyIn');
    if (/not clocked in/i.test(problem.serverMessage)) return t('errNotIn');
    return problem.serverMessage;
  }
  if (problem.kind === 'invalid' && /3 days/.test(problem.serverMessage)) return t('errTooOld');
  const outside = /You are (.+?) from (.+); you need to be within (\S+ k?m)/.exec(
    problem.serverMessage,
  );
  if (problem.kind === 'invalid' && outside)
    return t('errOutsideSite', { distance: outside[1]!, site: outside[2]!, radius: outside[3]! });
  if (problem.kind === 'invalid' && /needs your location/.test(problem.serverMessage))
    return t('errLocationNeeded');
  if (problem.kind === 'invalid' && /current password is not right/.test(problem.serverMessage))
    return t('errCurrentPassword');
  if (problem.kind === 'invalid' && /must differ from the current one/.test(problem.serverMessage))
    return t('errSamePassword');
  const minutes = /in (\d+) minute/.exec(problem.serverMessage)?.[1] ?? '15';
  return t(keys[problem.kind], { detail: problem.serverMessage, minutes });
}

/** A failed call's problem, or null when nothing failed (a query's or mutation's `error`). */
export function problemOf(error: unknown): Problem | null {
  return error ? classify(error) : null;
}
