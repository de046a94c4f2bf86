import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc';
import { useSession } from '../../auth/session';
import { localDateIn } from '../../time/zone';

/** Names and departments of the people a list offers to choose from. */
export interface Person {
  id: number;
  name: string;
  department: string | null;
}

/**
 * A manager's own people (the roster's rows: the employees of the departments they look after),
 * read once for every picker; disabled for an admin, who reads the users instead.
 */
function useManagedPeople(enabled: boolean): Person[] {
  const trpc = useTRPC();
  const roster = useQuery({
    ...trpc.admin.schedules.roster.queryOptions({
      from: localDateIn(new Date(), 'UTC'),
      days: 1,
      limit: 200,
    }),
    enabled,
    staleTime: 60_000,
  });
  return (roster.data?.items ?? []).map((row) => ({
    id: row.userId,
    name: row.name,
    department: row.department,
  }));
}

/** The people an admin (the first 200 users by name) or a manager (their own) picks from. */
export function usePeople(): Person[] {
  const trpc = useTRPC();
  const admin = useSession().me.role === 'admin';
  const users = useQuery({ ...trpc.admin.users.list.queryOptions({ limit: 200 }), enabled: admin });
  const managed = useManagedPeople(!admin);
  return admin ? (users.data?.items ?? []) : managed;
}

/** The departments to filter by: every one for an admin, a manager's own for a manager. */
export function useDepartments(): string[] {
  const trpc = useTRPC();
  const admin = useSession().me.role === 'admin';
  const all = useQuery({ ...trpc.admin.users.departments.queryOptions(), enabled: admin });
  const managed = useManagedPeople(!admin);
  if (admin) return all.data ?? [];
  const names = managed.flatMap((person) => (person.department ? [person.department] : []));
  return [...new Set(names)].sort((a, b) => a.localeCompare(b));
}

/** The active sites by name, for an admin; none for a manager (sites are an admin's to read). */
export function useSiteList() {
  const trpc = useTRPC();
  const admin = useSession().me.role === 'admin';
  const sites = useQuery({ ...trpc.admin.sites.list.queryOptions({}), enabled: admin });
  return sites.data ?? [];
}
