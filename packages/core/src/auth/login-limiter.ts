/**
 * Counts sign-in attempts per (email, client address) pair and per client address, across every
 * node in the cluster. Implemented by @absensi/runtime over Redis, or in memory in one process.
 *
 * An attempt is reserved before its password is checked, so parallel requests and batched calls
 * cannot check more passwords than the limit between them. A failed attempt keeps its reservation
 * (that is the count); a right password gives it back.
 *
 * The policy: a stranger who guesses at someone's email from their own address blocks only that
 * address for that email, never the person signing in from elsewhere; an address that guesses at
 * many emails is stopped by its own, larger limit.
 */
export interface LoginLimiter {
  /**
   * Reserves one attempt for `email` from `address`.
   * @returns 0 when the attempt may go ahead (one is reserved), else the seconds to wait (nothing
   * is reserved).
   */
  reserve(email: string, address: string): Promise<number>;
  /** The reserved attempt had the right password: the pair's failures are forgotten. */
  succeeded(email: string, address: string): Promise<void>;
}
