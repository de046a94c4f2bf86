import { TRPCClientError } from '@trpc/client';
import type { ErrorReason, FieldIssue } from '@absensi/core/reasons';
import { formatters } from '../i18n/format';
import { refusalTexts } from '../i18n/refusal-texts';
import { translatorOf, type MessageKey, type Translate } from '../i18n/translate';

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
  /** The server's message (English), for logs and details; never shown in the Indonesian UI. */
  serverMessage: string;
  /** True when the server answered and decided: sending the same again gives the same answer. */
  answered: boolean;
  /** The server's reason code (core's ERROR_REASONS), when it gave one. */
  reason?: ErrorReason | undefined;
  /** The values that come with the reason (times as ISO instants with their `timeZone`). */
  params?: Record<string, string | number> | undefined;
  /** The fields that failed the input's schema, each with a stable issue code. */
  issues?: FieldIssue[] | undefined;
}

interface ErrorShape {
  data?: {
    code?: string;
    httpStatus?: number;
    reason?: string;
    params?: Record<string, string | number>;
    issues?: FieldIssue[];
  } | null;
  meta?: { response?: { status?: number } };
}

/** A reason code as sent; whether the app has words for it is decided when it is said. */
function isReason(value: unknown): value is ErrorReason {
  return typeof value === 'string';
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
  const said = {
    serverMessage,
    reason: isReason(shape.data?.reason) ? shape.data.reason : undefined,
    params: shape.data?.params ?? {},
    issues: shape.data?.issues ?? [],
  };
  switch (code) {
    case 'UNAUTHORIZED':
      return { kind: 'unauthorized', answered: true, ...said };
    case 'FORBIDDEN':
      return { kind: 'forbidden', answered: true, ...said };
    case 'CONFLICT':
      return { kind: 'conflict', answered: true, ...said };
    case 'BAD_REQUEST':
    case 'PARSE_ERROR':
    case 'NOT_FOUND':
    case 'UNPROCESSABLE_CONTENT':
    case 'PRECONDITION_FAILED':
      return { kind: 'invalid', answered: true, ...said };
    case 'TOO_MANY_REQUESTS':
      return { kind: 'tooMany', answered: false, ...said };
    case 'SERVICE_UNAVAILABLE':
    case 'GATEWAY_TIMEOUT':
    case 'BAD_GATEWAY':
      return { kind: 'unavailable', answered: false, ...said };
    case undefined:
      break;
    default:
      return { kind: 'server', answered: false, ...said };
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

/** Reasons that say no more than the kind of trouble: worded by kind, as before reasons existed. */
const BROAD: ReadonlySet<ErrorReason> = new Set<ErrorReason>([
  'NOT_FOUND',
  'CONFLICT',
  'INVALID',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'SERVER_ERROR',
  'INPUT_INVALID',
]);

const INSTANTS = new Set(['since', 'until', 'from', 'at']);
const DATES = new Set(['date', 'day', 'startDate', 'endDate']);

/**
 * A reason's params as the reader writes them: instants in their `timeZone` (the time alone when
 * it is today), dates, distances in m/km and numbers in the language's style; an open end
 * ("until" empty) as the word for a shift still running.
 */
export function paramTexts(
  params: Record<string, string | number>,
  t: Translate,
  now = new Date(),
): Record<string, string> {
  const lang = t.lang ?? 'id';
  const zone = typeof params.timeZone === 'string' ? params.timeZone : 'Asia/Jakarta';
  const f = formatters(lang, zone);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (INSTANTS.has(name) && typeof value === 'string')
      out[name] = value === '' ? t('open') : f.moment(value, now);
    else if (DATES.has(name) && typeof value === 'string' && /^\d{4}-\d\d-\d\d$/.test(value))
      out[name] = f.date(value);
    else if (name.endsWith('Metres') && typeof value === 'number') out[name] = f.distance(value);
    else if (typeof value === 'number' && name !== 'year' && name !== 'first' && name !== 'last')
      out[name] = f.number(value);
    else out[name] = String(value);
  }
  return out;
}

/**
 * The key of the UI label of the field at `path` (`days.3` → field.days), looked up in `labels`;
 * a path the app has no label for is "one of the fields" (field.unknown), never the raw path.
 */
export function fieldLabelKey(path: string, labels: Readonly<Record<string, string>>): string {
  const segments = path.split('.').filter((segment) => !/^\d+$/.test(segment));
  for (let length = segments.length; length > 0; length--) {
    const key = `field.${segments.slice(0, length).join('.')}`;
    if (Object.hasOwn(labels, key)) return key;
  }
  return 'field.unknown';
}

/**
 * A sentence a person can act on, in their language: the field issues with each field's label, else
 * the reason's own words with its params, else (a broad reason, or the texts not loaded yet) the
 * kind's.
 */
export function describe(problem: Problem, t: Translate, context: 'login' | 'other' = 'other') {
  const texts = refusalTexts(t.lang ?? 'id');
  const reason = problem.reason;
  if (texts) {
    const say = translatorOf(texts);
    const issues = (problem.issues ?? []).filter((issue) =>
      Object.hasOwn(texts, `issue.${issue.code}`),
    );
    if (issues.length > 0) {
      const fields = issues
        .slice(0, 3)
        .map(
          (issue) =>
            `${say(fieldLabelKey(issue.path, texts))}: ${say(`issue.${issue.code}`, paramTexts(issue.params, t))}`,
        );
      return `${say('reason.INPUT_INVALID')} ${fields.join('; ')}`;
    }
    if (reason && !BROAD.has(reason) && Object.hasOwn(texts, `reason.${reason}`))
      return say(`reason.${reason}`, paramTexts(problem.params ?? {}, t));
  }
  const keys: Record<ErrorKind, MessageKey> = {
    network: 'errOffline',
    unauthorized: context === 'login' ? 'errWrongPassword' : 'errSessionLost',
    forbidden: 'errForbidden',
    conflict: 'errConflict',
    invalid: reason === 'NOT_FOUND' ? 'errNotFound' : 'errInvalid',
    tooMany: 'errTooMany',
    unavailable: 'errServerDown',
    server: 'errGeneric',
  };
  return t(keys[problem.kind]);
}

/** A failed call's problem, or null when nothing failed (a query's or mutation's `error`). */
export function problemOf(error: unknown): Problem | null {
  return error ? classify(error) : null;
}
