import type { Formatters } from '../../i18n/format';
import { useAdminLang } from '../use-admin-lang';
import type { ReportFile } from './job-view';

/** The admin's finished exports, newest first, each a download. */
export function ExportFiles({ files, f }: { files: ReportFile[] | undefined; f: Formatters }) {
  const { t } = useAdminLang();
  return (
    <>
      {files && files.length === 0 && <p className="muted">{t('noRecords')}</p>}
      <ul className="records">
        {files?.map((file) => (
          <li key={file.jobId}>
            <a href={file.downloadUrl} download>
              {file.fileName}
            </a>
            <span className="muted small">
              {f.month(file.month)} · {t('exportRows')} {f.number(file.rowCount)} ·{' '}
              {f.dateTime(file.createdAt)}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
