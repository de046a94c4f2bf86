import { useEffect, useState } from 'react';
import { Field, ProblemMessage } from '../components';
import { classify, type Problem } from '../errors';
import { useAsync, useFormat, useLang, useSession } from '../hooks';
import { localDateIn } from '../i18n';
import { trpc, type Outputs } from '../trpc';

type Format = 'csv' | 'xlsx';
type ReportFile = Outputs['admin']['reports']['list'][number];

interface Job {
  jobId: string;
  month: string;
  state: 'queued' | 'running' | 'succeeded' | 'failed';
  percent: number;
  message: string | null;
  downloadUrl: string | null;
}

/**
 * A month's export: the button starts the worker's job, `live.job` reports its progress, and the
 * download appears when it is done. The list of finished files is read again while a job runs, in
 * case the job finished before the subscription began.
 */
export function Export() {
  const { t } = useLang();
  const { sessionLost } = useSession();
  const settings = useAsync(() => trpc.admin.settings.get.query(), 'settings');
  const zone = settings.data?.timeZone ?? 'Asia/Jakarta';
  const f = useFormat(zone);
  const [month, setMonth] = useState(() => localDateIn(new Date(), zone).slice(0, 7));
  const [format, setFormat] = useState<Format>('csv');
  const [job, setJob] = useState<Job | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [revision, setRevision] = useState(0);
  const files = useAsync(() => trpc.admin.reports.list.query(), `reports:${revision}`);

  const jobId = job?.jobId;
  const running = job !== null && (job.state === 'queued' || job.state === 'running');

  useEffect(() => {
    if (!jobId) return;
    const subscription = trpc.live.job.subscribe(
      { jobId },
      {
        onData: ({ data }) => {
          setJob((current) =>
            current && current.jobId === data.jobId ? { ...current, ...data } : current,
          );
          if (data.state === 'succeeded') setRevision((value) => value + 1);
        },
        onError: (error) => {
          const found = classify(error);
          if (found.kind === 'unauthorized') sessionLost();
          else setProblem(found);
        },
      },
    );
    return () => subscription.unsubscribe();
  }, [jobId, sessionLost]);

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setRevision((value) => value + 1), 3_000);
    return () => clearInterval(timer);
  }, [running]);

  // A file for the running job means it finished, whether or not its last event arrived.
  const finished = files.data?.find((file) => file.jobId === jobId);
  useEffect(() => {
    if (finished && running) {
      setJob((current) =>
        current
          ? { ...current, state: 'succeeded', percent: 100, downloadUrl: finished.downloadUrl }
          : current,
      );
    }
  }, [finished, running]);

  const start = () => {
    setProblem(null);
    trpc.admin.reports.export.mutate({ month, format }).then(
      ({ jobId: started }) =>
        setJob({
          jobId: started,
          month,
          state: 'queued',
          percent: 0,
          message: null,
          downloadUrl: null,
        }),
      (error: unknown) => setProblem(classify(error)),
    );
  };

  const fileLabel = (file: Pick<ReportFile, 'month'>) =>
    t('exportDownload', { month: f.month(file.month) });

  return (
    <div className="stack narrow-form">
      <h1>{t('exportTitle')}</h1>
      <div className="row wrap">
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
        <button className="button primary" onClick={start} disabled={running} data-testid="export">
          {t('exportStart')}
        </button>
      </div>
      <ProblemMessage problem={problem} />
      {job && (
        <section className="card stack" aria-live="polite" data-testid="job">
          <label className="field">
            <span>
              {f.month(job.month)} ·{' '}
              {job.state === 'failed'
                ? t('exportFailed', { message: job.message ?? '' })
                : `${Math.round(job.percent)} %`}
            </span>
            <progress max={100} value={job.percent} />
          </label>
          {job.state === 'succeeded' && job.downloadUrl && (
            <a className="button primary" href={job.downloadUrl} download data-testid="download">
              {fileLabel(job)}
            </a>
          )}
        </section>
      )}
      <h2>{t('exportFiles')}</h2>
      <ProblemMessage problem={files.problem} retry={files.reload} />
      {files.data && files.data.length === 0 && <p className="muted">{t('noRecords')}</p>}
      <ul className="records">
        {files.data?.map((file) => (
          <li key={file.jobId}>
            <a href={file.downloadUrl} download>
              {file.fileName}
            </a>
            <span className="muted small">
              {f.month(file.month)} · {f.number(file.rowCount)} · {f.dateTime(file.createdAt)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
