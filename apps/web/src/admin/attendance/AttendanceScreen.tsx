import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { problemOf } from '../../api/errors';
import { useTRPC } from '../../api/trpc';
import { useAdminLang } from '../use-admin-lang';
import { useFormat } from '../../i18n/use-format';
import { localDateIn } from '../../time/zone';
import { ProblemMessage } from '../../ui/ProblemMessage';
import { useCompanyZone } from '../use-company-zone';
import { AttendanceFilters } from './AttendanceFilters';
import { AttendanceRows } from './AttendanceRows';
import { CorrectionForm } from './CorrectionForm';
import type { Row } from './correction';
import { listInput, todayOnly } from './filters';

/** Everyone's records, filtered, with corrections. */
export function AttendanceScreen() {
  const { t } = useAdminLang();
  const trpc = useTRPC();
  const zone = useCompanyZone();
  const f = useFormat(zone);
  const [filters, setFilters] = useState(() => todayOnly(localDateIn(new Date(), zone)));
  const [editing, setEditing] = useState<Row | null>(null);
  const list = useQuery({
    ...trpc.admin.attendance.list.queryOptions(listInput(filters)),
    placeholderData: keepPreviousData,
  });

  return (
    <div className="stack">
      <h1>{t('navAttendance')}</h1>
      <AttendanceFilters applied={filters} onApply={setFilters} />
      <ProblemMessage problem={problemOf(list.error)} retry={() => void list.refetch()} />
      {editing && (
        <CorrectionForm
          key={editing.id}
          row={editing}
          zone={zone}
          onDone={() => setEditing(null)}
        />
      )}
      {list.data && list.data.items.length === 0 && <p className="muted">{t('noRecords')}</p>}
      {list.data && list.data.items.length > 0 && (
        <AttendanceRows rows={list.data.items} f={f} onCorrect={setEditing} />
      )}
    </div>
  );
}
