import type { Outputs } from '../api/types';
import type { Formatters } from '../i18n/format';
import { useLang } from '../i18n/lang-context';
import { ClockOutMark, RecordMarks } from '../ui/RecordMarks';
import { StatusBadge } from '../ui/StatusBadge';
import { TableHead } from '../ui/TableHead';

type HistoryItem = Outputs['attendance']['history']['items'][number];

/** The month's shifts, newest first, with how each ended and what an admin did to it. */
export function HistoryTable({ items, f }: { items: HistoryItem[]; f: Formatters }) {
  const { t } = useLang();
  return (
    <div className="table-wrap">
      <table>
        <TableHead labels={[t('date'), t('in'), t('out'), t('status'), t('worked')]} />
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>{f.date(item.workDate)}</td>
              <td>{f.time(item.clockInAt)}</td>
              <td>
                {item.clockOutAt ? f.time(item.clockOutAt) : t('open')}
                <ClockOutMark kind={item.clockOutKind} />
              </td>
              <td>
                <StatusBadge view={item} f={f} /> <RecordMarks record={item} />
              </td>
              <td>{item.workedMinutes === null ? '—' : f.duration(item.workedMinutes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
