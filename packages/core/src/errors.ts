/**
 * What went wrong, in the domain's terms: a code that says which kind of refusal it is (the API maps
 * it to a status once, in packages/api), a message a person can act on, and, where one field is at
 * fault, its name.
 */
import type { ErrorReason, Refusal } from './error-reasons.js';

export const DOMAIN_ERROR_CODES = [
  /** The thing asked for does not exist (or is not the caller's to see). */
  'NOT_FOUND',
  /** The request contradicts the current state: already clocked in, a key used for another tap. */
  'CONFLICT',
  /** The input is well-formed but not acceptable: a time in the future, a shift of 30 hours. */
  'INVALID',
  /** Signed in, but not allowed to do this. */
  'FORBIDDEN',
  /** Not signed in, or the session has ended. */
  'UNAUTHENTICATED',
  /** Too many attempts; wait before trying again. */
  'RATE_LIMITED',
  /** Something this needs is not set up here (an export without a worker). */
  'PRECONDITION_FAILED',
  /** A service this needs is unreachable for now; try again later. */
  'UNAVAILABLE',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/**
 * A refusal: `code` is the broad kind (its HTTP status), `why` the specific reason from the
 * catalogue (ERROR_REASONS) with its params, which clients translate; `message` is English, for logs
 * and API users. Without a `why`, the reason is the broad code itself.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly reason: ErrorReason;
  readonly params: Record<string, string | number>;

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The input field at fault, when there is one (e.g. `clockOutAt`). */
    readonly field?: string,
    why?: Refusal,
  ) {
    super(message);
    this.reason = why?.reason ?? code;
    this.params = why?.params ?? {};
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
