import { useState } from 'react';
import { problemOf } from '../../api/errors';
import { useAdminLang } from '../use-admin-lang';
import { useFormat } from '../../i18n/use-format';
import { localDateIn } from '../../time/zone';
import { Field } from '../../ui/Field';
import { ProblemMessage } from '../../ui/ProblemMessage';
import { ExportFiles } from './ExportFiles';
import { isRunning } from './job-view';
import { JobCard } from './JobCard';
import { useExportJob } from './use-export-job';

type Format = 'csv' | 'xlsx';

/**
 * A month (this one in the company's `zone` to begin with) and a format; the button starts the
 * export, whose progress and download follow.
 */
export function ExportScreen({ zone }: { zone: string }) {
  const { t, lang } = useAdminLang();
  const f = useFormat(zone);
  const [month, setMonth] = useState(() => localDateIn(new Date(), zone).slice(0, 7));
  const [format, setFormat] = useState<Format>('csv');
  const { start, job, files, problem } = useExportJob();

  return (
    <div className="stack export-form">
      <h1>{t('exportTitle')}</h1>
      <div className="row wrap align-end">
        <Field label={t('month')}>
          <input
            type="month"
            required
            value={month}
            onChange={(event) => event.target.value && setMonth(event.target.value)}
          />
        </Field>
        <Field label={t('exportFormat')}>
          <select value={format} onChange={(event) => setFormat(event.target.value as Format)}>
            <option value="csv">CSV</option>
            <option value="xlsx">Excel (XLSX)</option>
          </select>
        </Field>
        <button
          className="button primary"
          onClick={() => start.mutate({ month, format, language: lang })}
          disabled={isRunning(job)}
          data-testid="export"
        >
          {t('exportStart')}
        </button>
      </div>
      <ProblemMessage problem={problem} />
      {job && (
        <JobCard
          job={job}
          rows={files.data?.find((file) => file.jobId === job.jobId)?.rowCount ?? null}
          f={f}
        />
      )}
      <h2>{t('exportFiles')}</h2>
      <ProblemMessage problem={problemOf(files.error)} retry={() => void files.refetch()} />
      <ExportFiles files={files.data} f={f} />
    </div>
  );
}
