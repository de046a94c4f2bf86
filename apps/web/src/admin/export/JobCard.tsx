import type { Formatters } from '../../i18n/format';
import { useAdminLang } from '../use-admin-lang';
import type { JobView } from './job-view';

/**
 * The running export: a labelled progress bar with its figure in words, then, once done, how many
 * rows the file holds (`rows`, null until it is listed) beside its Download button.
 */
export function JobCard({
  job,
  rows = null,
  f,
}: {
  job: JobView;
  rows?: number | null;
  f: Formatters;
}) {
  const { t } = useAdminLang();
  const percent = Math.round(job.percent);
  const words =
    job.state === 'failed'
      ? t('exportFailed')
      : job.state === 'succeeded'
        ? t('exportDone')
        : job.state === 'queued'
          ? t('exportQueued')
          : t('exportPercent', { percent: f.number(percent) });
  return (
    <section className="card stack job" aria-labelledby="job-title" data-testid="job">
      <h2 id="job-title">{f.month(job.month)}</h2>
      <div className="progress-row">
        <progress
          max={100}
          value={percent}
          aria-label={t('exportProgress')}
          aria-valuetext={words}
          data-testid="job-progress"
        />
        <span className={job.state === 'failed' ? 'late' : ''} aria-live="polite">
          {words}
        </span>
      </div>
      {job.state === 'succeeded' && job.downloadUrl && (
        <div className="row between job-done">
          {rows !== null && (
            <p className="job-rows">
              <span className="muted">{t('exportRows')}</span>{' '}
              <strong data-testid="job-rows">{f.number(rows)}</strong>
            </p>
          )}
          <a className="button primary" href={job.downloadUrl} download data-testid="download">
            {t('exportDownload', { month: f.month(job.month) })}
          </a>
        </div>
      )}
    </section>
  );
}
