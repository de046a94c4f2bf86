import type { Outputs } from '../api/types';
import type { Formatters } from '../i18n/format';
import { useLang } from '../i18n/lang-context';
import { ClockOutMark, RecordMarks } from '../ui/RecordMarks';
import { StatusBadge } from '../ui/StatusBadge';
import { TableHead } from '../ui/TableHead';
import { TableWrap } from '../ui/TableWrap';

type HistoryItem = Outputs['attendance']['history']['items'][number];

/**
 * The month's shifts, newest first, with how each ended and what an admin did to it: a two-line
 * list on a phone, a table from 768 px up (the stylesheet shows one of the two).
 */
export function HistoryTable({ items, f }: { items: HistoryItem[]; f: Formatters }) {
  return (
    <>
      <HistoryList items={items} f={f} />
      <HistoryGrid items={items} f={f} />
    </>
  );
}

/** A phone's view: each shift on two lines (date and status; in, out and hours worked). */
function HistoryList({ items, f }: { items: HistoryItem[]; f: Formatters }) {
  const { t } = useLang();
  return (
    <ul className="shift-list" data-testid="history-list">
      {items.map((item) => (
        <li key={item.id}>
          <div className="shift-line">
            <strong>{f.date(item.workDate)}</strong>
            <span>
              <StatusBadge view={item} f={f} /> <RecordMarks record={item} />
            </span>
          </div>
          <div className="shift-line muted">
            <span>
              {t('in')} {f.time(item.clockInAt)} · {t('out')}{' '}
              {item.clockOutAt ? f.time(item.clockOutAt) : t('open')}
              <ClockOutMark kind={item.clockOutKind} />
            </span>
            <span>{item.workedMinutes === null ? '—' : f.duration(item.workedMinutes)}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** From 768 px up: the shifts as a table. */
function HistoryGrid({ items, f }: { items: HistoryItem[]; f: Formatters }) {
  const { t } = useLang();
  return (
    <TableWrap label={t('history')} className="shift-table">
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
    </TableWrap>
  );
}
