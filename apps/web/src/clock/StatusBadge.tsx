import type { AttendanceView } from '../api/types';
import { useLang } from '../i18n/lang-context';

/** On time, or late by how many minutes. */
export function StatusBadge({ view }: { view: Pick<AttendanceView, 'status' | 'lateMinutes'> }) {
  const { t } = useLang();
  return view.status === 'late' ? (
    <span className="badge late">{t('late', { minutes: view.lateMinutes })}</span>
  ) : (
    <span className="badge ok">{t('onTime')}</span>
  );
}
