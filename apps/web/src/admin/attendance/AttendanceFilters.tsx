import { useState } from 'react';
import { useAdminLang } from '../use-admin-lang';
import { Field } from '../../ui/Field';
import { DepartmentSelect, SiteSelect } from '../scope/ScopeSelects';
import type { Filters } from './filters';
import { PersonSelect } from './PersonSelect';

/** Dates, person, department, site and status to list; applied with the Filter button. */
export function AttendanceFilters({
  applied,
  onApply,
}: {
  applied: Filters;
  onApply: (filters: Filters) => void;
}) {
  const { t } = useAdminLang();
  const [draft, setDraft] = useState(applied);

  return (
    <form
      className="row wrap filters"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      <Field label={t('from')}>
        <input
          type="date"
          value={draft.from}
          onChange={(event) => setDraft({ ...draft, from: event.target.value })}
        />
      </Field>
      <Field label={t('to')}>
        <input
          type="date"
          value={draft.to}
          onChange={(event) => setDraft({ ...draft, to: event.target.value })}
        />
      </Field>
      <Field label={t('person')}>
        <PersonSelect
          value={draft.userId}
          emptyLabel={t('anyone')}
          onChange={(userId) => setDraft({ ...draft, userId })}
        />
      </Field>
      <DepartmentSelect
        value={draft.department}
        onChange={(department) => setDraft({ ...draft, department })}
      />
      <SiteSelect value={draft.siteId} onChange={(siteId) => setDraft({ ...draft, siteId })} />
      <Field label={t('status')}>
        <select
          value={draft.status}
          onChange={(event) => setDraft({ ...draft, status: event.target.value })}
        >
          <option value="">{t('any')}</option>
          <option value="on_time">{t('statusOnTime')}</option>
          <option value="late">{t('statusLate')}</option>
        </select>
      </Field>
      <button className="button primary" type="submit">
        {t('filter')}
      </button>
    </form>
  );
}
