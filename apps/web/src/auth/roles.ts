import type { Me } from '../api/types';

export type Role = Me['role'];

/** Whether a role opens the admin area: admins all of it, managers their people's part. */
export function seesAdminArea(role: Role): boolean {
  return role === 'admin' || role === 'manager';
}
