import type { Role, User } from '@absensi/db';

/** The signed-in person a use case acts for. */
export interface Actor {
  id: number;
  name: string;
  email: string;
  role: Role;
  department: string | null;
}

export function actorOf(user: Pick<User, 'id' | 'name' | 'email' | 'role' | 'department'>): Actor {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    department: user.department,
  };
}
