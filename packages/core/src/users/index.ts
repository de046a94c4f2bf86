export {
  createUser,
  deactivateUser,
  resetPassword,
  updateUser,
  managerScopes,
  setManagerScopes,
  type ManagerScopes,
  type AccountChanges,
  type NewAccount,
} from './manage.js';
export { departments, listUsers } from './queries.js';
export {
  UserCache,
  USER_CACHE_TTL_MS,
  type KnownUser,
  type UserChangeNotifier,
} from './user-cache.js';
export { userView, type UserView } from './views.js';
