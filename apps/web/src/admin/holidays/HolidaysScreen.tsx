import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { problemOf } from '../../api/errors';
import { useTRPC } from '../../api/trpc';
import type { Outputs } from '../../api/types';
import type { Formatters } from '../../i18n/format';
import { useFormat } from '../../i18n/use-format';
import { localDateIn } from '../../time/zone';
import { ProblemMessage } from '../../ui/ProblemMessage';
import { TableHead } from '../../ui/TableHead';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { weekdayName } from '../schedules/schedule';
import { useSiteList } from '../scope/use-scope-lists';
import { useAdminLang } from '../use-admin-lang';
import { monthWeeks } from './calendar';
import { HolidayForm, useKindNames } from './HolidayForm';
import { NationalProposals } from './NationalProposals';
import { TableWrap } from '../../ui/TableWrap';

export type Holiday = Outputs['admin']['holidays']['list'][number];

/**
 * The company's calendar of holidays (hari libur) for a year: national holidays, cuti bersama and
 * the company's own, for every site or one; the year's national holidays proposed, then confirmed.
 */
export function HolidaysScreen({ zone }: { zone: string }) {
  const { t } = useAdminLang();
  const trpc = useTRPC();
  const f = useFormat(zone);
  const queryClient = useQueryClient();
  const thisYear = Number(localDateIn(new Date(), zone).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [siteId, setSiteId] = useState('');
  const [editing, setEditing] = useState<Holiday | 'new' | null>(null);
  const [proposing, setProposing] = useState(false);
  const sites = useSiteList();
  const kinds = useKindNames();
  const list = useQuery(
    trpc.admin.holidays.list.queryOptions({ year, ...(siteId ? { siteId: Number(siteId) } : {}) }),
  );
  const remove = useMutation(
    trpc.admin.holidays.delete.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries(trpc.admin.holidays.pathFilter()),
    }),
  );
  const holidays = list.data ?? [];

  return (
    <div className="stack">
      <div className="row between wrap">
        <h1>{t('navHolidays')}</h1>
        <div className="row">
          <button className="button" onClick={() => setProposing(true)}>
            {t('proposeNational', { year })}
          </button>
          <button className="button primary" onClick={() => setEditing('new')}>
            {t('newHoliday')}
          </button>
        </div>
      </div>
      <div className="row wrap filters">
        <div className="row">
          <button
            className="button"
            onClick={() => setYear(year - 1)}
            aria-label={t('previousYear')}
          >
            ‹
          </button>
          <strong className="year">{year}</strong>
          <button className="button" onClick={() => setYear(year + 1)} aria-label={t('nextYear')}>
            ›
          </button>
        </div>
        {sites.length > 0 && (
          <label className="field inline">
            <span>{t('site')}</span>
            <select value={siteId} onChange={(event) => setSiteId(event.target.value)}>
              <option value="">{t('allSites')}</option>
              {sites.map((site) => (
                <option key={site.id} value={site.id}>
                  {site.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <ProblemMessage
        problem={problemOf(list.error ?? remove.error)}
        retry={() => void list.refetch()}
      />
      {proposing && <NationalProposals year={year} f={f} onDone={() => setProposing(false)} />}
      {editing && (
        <HolidayForm
          key={editing === 'new' ? 'new' : editing.id}
          holiday={editing === 'new' ? null : editing}
          year={year}
          sites={sites}
          onDone={() => setEditing(null)}
        />
      )}
      <YearCalendar year={year} holidays={holidays} f={f} />
      <TableWrap label={t('navHolidays')}>
        <table data-testid="holidays">
          <TableHead labels={[t('date'), t('name'), t('holidayKind'), t('site'), t('actions')]} />
          <tbody>
            {holidays.map((holiday) => (
              <tr key={holiday.id}>
                <td>{f.date(holiday.date)}</td>
                <td>{holiday.name}</td>
                <td>
                  <span className={`badge kind-${holiday.kind}`}>{kinds[holiday.kind]}</span>
                </td>
                <td>{holiday.siteName ?? t('allSites')}</td>
                <td className="actions">
                  <button className="button small" onClick={() => setEditing(holiday)}>
                    {t('edit')}
                  </button>
                  <ConfirmButton
                    label={t('delete')}
                    question={t('confirmDeleteHoliday', { name: holiday.name })}
                    disabled={remove.isPending}
                    onConfirm={() => remove.mutate({ id: holiday.id })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {list.data && holidays.length === 0 && <p className="muted">{t('noHolidays')}</p>}
    </div>
  );
}

/** Twelve months, Monday first, each holiday marked with its kind's colour and named on hover. */
function YearCalendar({ year, holidays, f }: { year: number; holidays: Holiday[]; f: Formatters }) {
  const byDate = new Map<string, Holiday[]>();
  for (const holiday of holidays)
    byDate.set(holiday.date, [...(byDate.get(holiday.date) ?? []), holiday]);
  const weekdays = Array.from({ length: 7 }, (_, index) => weekdayName(index, f.locale));
  return (
    <div className="year-calendar" data-testid="year-calendar">
      {Array.from({ length: 12 }, (_, index) => (
        <table className="month" key={index}>
          <caption>{f.month(`${year}-${String(index + 1).padStart(2, '0')}`)}</caption>
          <thead>
            <tr>
              {weekdays.map((name) => (
                <th scope="col" key={name}>
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {monthWeeks(year, index + 1).map((week, row) => (
              <tr key={row}>
                {week.map((date, column) => {
                  const marked = date ? byDate.get(date) : undefined;
                  return (
                    <td
                      key={column}
                      className={
                        marked ? `holiday kind-${marked[0]!.kind}` : column > 4 ? 'weekend' : ''
                      }
                      title={marked?.map((holiday) => holiday.name).join(' / ')}
                    >
                      {date ? Number(date.slice(8)) : ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
