export { login, signedInActor } from './login.js';
export type { LoginLimiter } from './login-limiter.js';
export { covers, departmentsFor, scopeOf, type Scope } from './scope.js';
