import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc';

/** The people an admin picks from: the first 200 users by name, read once for every picker. */
export function usePeople() {
  const trpc = useTRPC();
  return useQuery(trpc.admin.users.list.queryOptions({ limit: 200 })).data?.items ?? [];
}

/** A choice of person by name; `onChange` gets their id ('' for none). */
export function PersonSelect({
  value,
  emptyLabel,
  required = false,
  onChange,
}: {
  value: string;
  emptyLabel: string;
  required?: boolean;
  onChange: (userId: string) => void;
}) {
  const people = usePeople();
  return (
    <select value={value} required={required} onChange={(event) => onChange(event.target.value)}>
      <option value="">{emptyLabel}</option>
      {people.map((user) => (
        <option key={user.id} value={user.id}>
          {user.name}
        </option>
      ))}
    </select>
  );
}
