import type { AttendanceView } from '../api/types';
import { useLang } from '../i18n/lang-context';

/** How a shift ended when nobody tapped out: automatically, or when the account was deactivated. */
export function ClockOutMark({ kind }: { kind: AttendanceView['clockOutKind'] }) {
  const { t } = useLang();
  if (kind === 'auto') return <span className="muted small"> ({t('autoOut')})</span>;
  if (kind === 'deactivation')
    return <span className="muted small"> ({t('outDeactivation')})</span>;
  return null;
}

/** A shift an administrator added, or changed after it was recorded. */
export function RecordMarks({ record }: { record: Pick<AttendanceView, 'origin' | 'corrected'> }) {
  const { t } = useLang();
  return (
    <>
      {record.origin === 'admin' && <span className="badge mark">{t('markAdded')}</span>}
      {record.corrected && <span className="badge mark">{t('markCorrected')}</span>}
    </>
  );
}
