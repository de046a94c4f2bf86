export { login, signedInActor } from './login.js';
export type { LoginLimiter } from './login-limiter.js';
