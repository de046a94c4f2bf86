/**
 * Counts failed sign-ins per email and per client address (across every node in the cluster).
 * Implemented by @absensi/runtime over Redis or in memory.
 */
export interface LoginLimiter {
  /** Seconds to wait before another attempt, or 0 when one is allowed now. */
  retryAfterSeconds(email: string, address: string): Promise<number>;
  recordFailure(email: string, address: string): Promise<void>;
  recordSuccess(email: string): Promise<void>;
}
