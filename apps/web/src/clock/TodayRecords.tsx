import type { AttendanceView } from '../api/types';
import type { Formatters } from '../i18n/format';
import { useLang } from '../i18n/lang-context';
import { ClockOutMark, RecordMarks } from '../ui/RecordMarks';
import { StatusBadge } from '../ui/StatusBadge';

/** Today's shifts: in, out (and how it ended), on time or late, and what an admin did to them. */
export function TodayRecords({ records, f }: { records: AttendanceView[]; f: Formatters }) {
  const { t } = useLang();
  return (
    <section className="card" aria-labelledby="today-title">
      <h2 id="today-title">{t('today')}</h2>
      {records.length > 0 ? (
        <ul className="records" data-testid="today-records">
          {records.map((record) => (
            <li key={record.id}>
              <span>
                {t('in')} <strong>{f.time(record.clockInAt)}</strong>
              </span>
              <span>
                {t('out')} <strong>{record.clockOutAt ? f.time(record.clockOutAt) : '—'}</strong>
                <ClockOutMark kind={record.clockOutKind} />
              </span>
              <StatusBadge view={record} f={f} />
              <RecordMarks record={record} />
              {record.clockInSource === 'offline' && (
                <span className="muted small">{t('offlineTap')}</span>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('noRecordsToday')}</p>
      )}
    </section>
  );
}
