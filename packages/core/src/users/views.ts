import type { Role, User } from '@absensi/db';

const iso = (date: Date) => new Date(date).toISOString();

export interface UserView {
  id: number;
  name: string;
  email: string;
  role: Role;
  department: string | null;
  active: boolean;
  /** "YYYY-MM-DD" from which they are expected at work; null: always. */
  hiredOn: string | null;
  createdAt: string;
}

export function userView(user: User): UserView {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    department: user.department,
    active: Boolean(user.active),
    hiredOn: user.hiredOn ?? null,
    createdAt: iso(user.createdAt),
  };
}
