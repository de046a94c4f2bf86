import type { Formatters } from '../../i18n/format';
import { useAdminLang } from '../use-admin-lang';
import { ClockOutMark, RecordMarks } from '../../ui/RecordMarks';
import { StatusBadge } from '../../ui/StatusBadge';
import { TableHead } from '../../ui/TableHead';
import type { Row } from './correction';

/**
 * The listed records: how each shift ended, on time or late, whether an admin added or corrected
 * it, the node that took the clock-in, and a Correct button.
 */
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
            <tr key={row.id} data-testid="attendance-row">
              <td>{f.date(row.workDate)}</td>
              <td>{row.user.name}</td>
              <td>{row.user.department ?? ''}</td>
              <td>{f.time(row.clockInAt)}</td>
              <td>
                {row.clockOutAt ? f.time(row.clockOutAt) : t('open')}
                <ClockOutMark kind={row.clockOutKind} />
              </td>
              <td>
                <StatusBadge view={row} f={f} /> <RecordMarks record={row} />
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
