import { usePeople } from '../scope/use-scope-lists';

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
