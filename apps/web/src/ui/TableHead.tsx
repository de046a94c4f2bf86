import { useLang } from '../i18n/lang-context';
import type { MessageKey } from '../i18n/translate';

/** A table's header row from message keys. */
export function TableHead({ columns }: { columns: MessageKey[] }) {
  const { t } = useLang();
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th scope="col" key={column}>
            {t(column)}
          </th>
        ))}
      </tr>
    </thead>
  );
}
