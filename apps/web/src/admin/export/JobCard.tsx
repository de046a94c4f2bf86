import { JOB_STATE_WORDS } from '../../i18n/enum-words';
import type { Formatters } from '../../i18n/format';
import { useAdminLang } from '../use-admin-lang';
import type { JobView } from './job-view';

/** The running export's progress bar, and its download once it is done. */
export function JobCard({ job, f }: { job: JobView; f: Formatters }) {
  const { t } = useAdminLang();
  return (
    <section className="card stack" aria-live="polite" data-testid="job">
      <label className="field">
        <span>
          {f.month(job.month)} · {t(JOB_STATE_WORDS[job.state])}
          {job.state === 'failed'
            ? `: ${t('exportFailed')}`
            : ` · ${f.number(Math.round(job.percent))} %`}
        </span>
        <progress max={100} value={job.percent} />
      </label>
      {job.state === 'succeeded' && job.downloadUrl && (
        <a className="button primary" href={job.downloadUrl} download data-testid="download">
          {t('exportDownload', { month: f.month(job.month) })}
        </a>
      )}
    </section>
  );
}
