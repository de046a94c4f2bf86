import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { problemOf } from '../../api/errors';
import { useTRPC } from '../../api/trpc';
import { useSession } from '../../auth/session';
import { useFormat } from '../../i18n/use-format';
import { Legend } from '../../recap/Legend';
import { TOTAL_COLUMNS } from '../../recap/totals';
import { useRequestLang } from '../../requests/messages';
import { localDateIn } from '../../time/zone';
import { Field } from '../../ui/Field';
import { ProblemMessage } from '../../ui/ProblemMessage';
import { JobCard } from '../export/JobCard';
import { isRunning } from '../export/job-view';
import { useJobProgress } from '../export/use-export-job';
import { DepartmentSelect, SiteSelect } from '../scope/ScopeSelects';
import { TableWrap } from '../../ui/TableWrap';

/** A table of people by rows, their name first, then the given cells under the given columns. */
function RecapTable({
  testId,
  label,
  head,
  columns,
  rows,
}: {
  testId: string;
  /** What the table is, for the scrolling region's name. */
  label: string;
  head: string;
  columns: ReactNode[];
  rows: { name: string; cells: ReactNode[] }[];
}) {
  return (
    <TableWrap label={label}>
      <table className="recap" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            {columns}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              <th scope="row">{row.name}</th>
              {row.cells}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/**
 * The month's recap (rekap absensi) of the reader's people, by department and site: the grid of
 * one code per person per day with its legend, the totals payroll reads, and its export as XLSX
 * or CSV through the worker's export job, its progress followed live.
 */
export function RecapScreen({ zone }: { zone: string }) {
  const { t, lang } = useRequestLang();
  const trpc = useTRPC();
  const f = useFormat(zone);
  const [month, setMonth] = useState(() => localDateIn(new Date(), zone).slice(0, 7));
  const [department, setDepartment] = useState('');
  const [siteId, setSiteId] = useState('');
  const whose = {
    month,
    ...(department ? { department } : {}),
    ...(siteId ? { siteId: Number(siteId) } : {}),
  };
  const recap = useQuery({
    ...trpc.admin.recap.month.queryOptions(whose),
    placeholderData: keepPreviousData,
  });
  const progress = useJobProgress(useSession().me.role === 'admin');
  const start = useMutation(
    trpc.admin.recap.export.mutationOptions({
      onSuccess: ({ jobId }) => progress.follow({ jobId, month }),
    }),
  );
  const data = recap.data;
  return (
    <div className="stack">
      <h1>{t('recapTitle')}</h1>
      <p className="muted">{t('recapHelp')}</p>
      <div className="row wrap filters">
        <Field label={t('month')}>
          <input
            type="month"
            required
            value={month}
            onChange={(event) => event.target.value && setMonth(event.target.value)}
          />
        </Field>
        <DepartmentSelect value={department} onChange={setDepartment} />
        <SiteSelect value={siteId} onChange={setSiteId} />
        {(['xlsx', 'csv'] as const).map((format) => (
          <button
            key={format}
            className="button"
            disabled={isRunning(progress.job) || start.isPending}
            onClick={() => start.mutate({ ...whose, format, language: lang })}
            data-testid={`recap-export-${format}`}
          >
            {format === 'xlsx' ? t('exportXlsx') : t('exportCsv')}
          </button>
        ))}
      </div>
      <ProblemMessage problem={problemOf(start.error) ?? progress.problem} />
      {progress.job && <JobCard job={progress.job} f={f} />}
      <ProblemMessage problem={problemOf(recap.error)} retry={() => void recap.refetch()} />
      {data && data.people.length === 0 && <p className="muted">{t('noPeople')}</p>}
      {data && data.people.length > 0 && (
        <>
          <h2>{t('grid')}</h2>
          <RecapTable
            testId="recap-grid"
            label={t('grid')}
            head={t('employee')}
            columns={data.dates.map((date) => (
              <th key={date} scope="col" title={f.date(date)}>
                {Number(date.slice(8))}
              </th>
            ))}
            rows={data.people.map((person) => ({
              name: person.name,
              cells: person.codes.map((code, index) => (
                <td key={index} data-date={data.dates[index]}>
                  <span className={`code code-${code}`}>{code}</span>
                </td>
              )),
            }))}
          />
          <Legend legend={data.legend} />
          <h2>{t('totals')}</h2>
          <RecapTable
            testId="recap-totals"
            label={t('totals')}
            head={t('employee')}
            columns={TOTAL_COLUMNS.map(([key]) => (
              <th key={key} scope="col">
                {t(key)}
              </th>
            ))}
            rows={data.people.map((person) => ({
              name: `${person.name}${person.department ? ` · ${person.department}` : ''}`,
              cells: TOTAL_COLUMNS.map(([key, value]) => (
                <td key={key}>{value(person.totals, f)}</td>
              )),
            }))}
          />
        </>
      )}
    </div>
  );
}
