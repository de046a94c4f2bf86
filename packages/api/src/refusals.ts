/**
 * What a refused call says to a program: the reason from core's catalogue with its params, and for
 * input that fails its schema, each field's path with a stable issue code (never the schema
 * library's own codes or English). Clients word these in the reader's language.
 */
import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import type { ZodError } from 'zod';
import {
  FIELD_ISSUES,
  isDomainError,
  type ErrorReason,
  type FieldIssue,
  type FieldIssueCode,
  type Refusal,
} from '@absensi/core';

/** A tRPC error raised by the contract itself (not a use case), carrying its reason. */
export class RefusedError extends TRPCError {
  constructor(
    code: TRPC_ERROR_CODE_KEY,
    message: string,
    readonly refusal: Refusal,
    cause?: unknown,
  ) {
    super({ code, message, cause });
  }
}

/** The reason for a tRPC code when nothing more specific is known. */
const REASON_OF_CODE: Partial<Record<TRPC_ERROR_CODE_KEY, ErrorReason>> = {
  PARSE_ERROR: 'INVALID',
  BAD_REQUEST: 'INVALID',
  UNPROCESSABLE_CONTENT: 'INVALID',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHORIZED: 'UNAUTHENTICATED',
  TOO_MANY_REQUESTS: 'RATE_LIMITED',
  PRECONDITION_FAILED: 'PRECONDITION_FAILED',
  SERVICE_UNAVAILABLE: 'UNAVAILABLE',
};

/** The reason and params of any error a procedure ended with. */
export function refusalOf(error: TRPCError): {
  reason: ErrorReason;
  params: Record<string, string | number>;
} {
  if (isDomainError(error.cause)) return { reason: error.cause.reason, params: error.cause.params };
  if (error instanceof RefusedError)
    return { reason: error.refusal.reason, params: error.refusal.params ?? {} };
  return { reason: REASON_OF_CODE[error.code] ?? 'SERVER_ERROR', params: {} };
}

/** The value at a path in the raw input, or undefined when any step is missing. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const step of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[step];
  }
  return value;
}

type ZodIssue = ZodError['issues'][number];

const SIZE_CODES: Record<'small' | 'big', Record<string, FieldIssueCode>> = {
  small: { string: 'TOO_SHORT', array: 'TOO_FEW', set: 'TOO_FEW', date: 'BAD_DATE' },
  big: { string: 'TOO_LONG', array: 'TOO_MANY', set: 'TOO_MANY', date: 'BAD_DATE' },
};

function issueOf(issue: ZodIssue, input: unknown): Omit<FieldIssue, 'path'> {
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(input, issue.path) === undefined
        ? { code: 'REQUIRED', params: {} }
        : { code: 'WRONG_TYPE', params: { expected: String(issue.expected) } };
    case 'too_small':
      return {
        code: SIZE_CODES.small[issue.origin] ?? 'TOO_SMALL',
        params: { minimum: Number(issue.minimum) },
      };
    case 'too_big':
      return {
        code: SIZE_CODES.big[issue.origin] ?? 'TOO_LARGE',
        params: { maximum: Number(issue.maximum) },
      };
    case 'invalid_format':
      if (issue.format === 'email') return { code: 'BAD_EMAIL', params: {} };
      if (issue.format === 'date' || issue.format === 'datetime')
        return { code: 'BAD_DATE', params: {} };
      return { code: 'BAD_FORMAT', params: { format: issue.format } };
    case 'invalid_value':
      return { code: 'NOT_ALLOWED', params: { options: issue.values.map(String).join(', ') } };
    case 'not_multiple_of':
      return { code: 'NOT_MULTIPLE', params: { divisor: Number(issue.divisor) } };
    case 'unrecognized_keys':
      return { code: 'UNKNOWN_FIELD', params: { keys: issue.keys.join(', ') } };
    case 'custom': {
      const named = (issue.params as { issue?: unknown } | undefined)?.issue;
      return typeof named === 'string' && named in FIELD_ISSUES
        ? { code: named as FieldIssueCode, params: {} }
        : { code: 'INVALID_VALUE', params: {} };
    }
    default:
      return { code: 'INVALID_VALUE', params: {} };
  }
}

/**
 * Each field a person got wrong, with a stable code and its limits: `{ path: 'reason', code:
 * 'TOO_SHORT', params: { minimum: 5 } }`. `input` is the raw input, to tell a missing field
 * (REQUIRED) from one of the wrong type.
 */
export function fieldIssues(error: ZodError, input: unknown): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    ...issueOf(issue, input),
  }));
}
