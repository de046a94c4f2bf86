import type { Dashboard } from '../../api/types';
import type { Formatters } from '../../i18n/format';
import { useAdminLang } from '../use-admin-lang';
import { Stat } from '../../ui/Stat';

/** Present now, late today, not yet in, clocked out. */
export function DayCounts({ counts, f }: { counts: Dashboard['counts']; f: Formatters }) {
  const { t } = useAdminLang();
  return (
    <div className="stats" data-testid="counts">
      <Stat label={t('present')} value={f.number(counts.present)} tone="ok" />
      <Stat label={t('lateToday')} value={f.number(counts.lateToday)} tone="late" />
      <Stat label={t('notYetIn')} value={f.number(counts.notYetIn)} />
      <Stat label={t('clockedOut')} value={f.number(counts.clockedOut)} />
    </div>
  );
}
