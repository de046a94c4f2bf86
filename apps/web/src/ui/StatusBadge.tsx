import type { AttendanceView } from '../api/types';
import type { Formatters } from '../i18n/format';
import { useLang } from '../i18n/lang-context';

/** On time, or late by how long, in hours and minutes. */
export function StatusBadge({
  view,
  f,
}: {
  view: Pick<AttendanceView, 'status' | 'lateMinutes'>;
  f: Formatters;
}) {
  const { t } = useLang();
  return view.status === 'late' ? (
    <span className="badge late">{t('late', { duration: f.lateness(view.lateMinutes) })}</span>
  ) : (
    <span className="badge ok">{t('onTime')}</span>
  );
}
