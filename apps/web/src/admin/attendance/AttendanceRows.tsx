import type { Formatters } from '../../i18n/format';
import { useAdminLang } from '../use-admin-lang';
import { TableHead } from '../../ui/TableHead';
import type { Row } from './correction';

/** The listed records, each with the node that took the clock-in and a Correct button. */
export function AttendanceRows({
  rows,
  f,
  onCorrect,
}: {
  rows: Row[];
  f: Formatters;
  onCorrect: (row: Row) => void;
}) {
  const { t } = useAdminLang();
  return (
    <div className="table-wrap">
      <table>
        <TableHead
          labels={[
            t('date'),
            t('name'),
            t('department'),
            t('in'),
            t('out'),
            t('status'),
            t('node'),
            t('actions'),
          ]}
        />
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>{f.date(row.workDate)}</td>
              <td>{row.user.name}</td>
              <td>{row.user.department ?? ''}</td>
              <td>{f.time(row.clockInAt)}</td>
              <td>
                {row.clockOutAt ? f.time(row.clockOutAt) : t('open')}
                {row.clockOutKind === 'auto' && ` (${t('autoOut')})`}
              </td>
              <td>
                {row.status === 'late' ? t('late', { minutes: row.lateMinutes }) : t('onTime')}
              </td>
              <td className="node">{row.clockInNode}</td>
              <td>
                <button className="button small" onClick={() => onCorrect(row)}>
                  {t('correct')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
