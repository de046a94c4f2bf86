import { useState } from 'react';
import { useSession } from '../../auth/session';
import { problemOf } from '../../api/errors';
import { useAdminLang } from '../use-admin-lang';
import { useFormat } from '../../i18n/use-format';
import { localDateIn } from '../../time/zone';
import { ProblemMessage } from '../../ui/ProblemMessage';
import { AddShiftForm } from './AddShiftForm';
import { AttendanceFilters } from './AttendanceFilters';
import { AttendanceRows } from './AttendanceRows';
import { CorrectionForm } from './CorrectionForm';
import type { Row } from './correction';
import { todayOnly } from './filters';
import { Pager } from './Pager';
import { useAttendancePage } from './use-attendance-page';

/**
 * Everyone's records (a manager's people's), filtered (today's in the company's `zone` to begin
 * with), a page at a time; corrections, and shifts an admin adds.
 */
export function AttendanceScreen({ zone }: { zone: string }) {
  const { t } = useAdminLang();
  const admin = useSession().me.role === 'admin';
  const f = useFormat(zone);
  const [filters, setFilters] = useState(() => todayOnly(localDateIn(new Date(), zone)));
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const { list, page, next, previous } = useAttendancePage(filters);
  const items = list.data?.items ?? [];
  const open = (form: Row | 'new') => {
    setMessage(null);
    setEditing(form);
  };

  return (
    <div className="stack">
      <div className="row between">
        <h1>{t('navAttendance')}</h1>
        {admin && (
          <button className="button primary" onClick={() => open('new')}>
            {t('addShift')}
          </button>
        )}
      </div>
      <AttendanceFilters applied={filters} onApply={setFilters} />
      <ProblemMessage problem={problemOf(list.error)} retry={() => void list.refetch()} />
      {message && (
        <p className="banner ok" role="status">
          {message}
        </p>
      )}
      {editing === 'new' && (
        <AddShiftForm
          zone={zone}
          userId={filters.userId}
          onAdded={(view, name) => {
            setEditing(null);
            setMessage(t('shiftAdded', { name, date: f.date(view.workDate) }));
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {editing && editing !== 'new' && (
        <CorrectionForm
          key={editing.id}
          row={editing}
          zone={zone}
          onDone={() => setEditing(null)}
        />
      )}
      {list.data && items.length === 0 && <p className="muted">{t('noRecords')}</p>}
      {items.length > 0 && <AttendanceRows rows={items} f={f} onCorrect={admin ? open : null} />}
      {list.data && items.length > 0 && (
        <Pager
          page={page}
          shown={items.length}
          total={list.data.total}
          f={f}
          previous={previous}
          next={next}
        />
      )}
    </div>
  );
}
