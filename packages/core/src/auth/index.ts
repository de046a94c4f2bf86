export {
  login,
  signedInActor,
  tooManyAttempts,
  type SessionClaim,
  type SignedIn,
} from './login.js';
export { changeOwnPassword } from './change-password.js';
export type { LoginLimiter } from './login-limiter.js';
export { covers, departmentsFor, scopeOf, type Scope } from './scope.js';
