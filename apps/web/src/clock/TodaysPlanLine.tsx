import type { Today } from '../api/types';
import type { Formatters } from '../i18n/format';
import { useLang } from '../i18n/lang-context';

/** Today's plan in one line: the shift with its times and grace, a day off, or a holiday. */
export function TodaysPlanLine({ plan, f }: { plan: Today['plan']; f: Formatters }) {
  const { t } = useLang();
  if (plan.kind === 'holiday')
    return <p className="muted small">{t('holidayToday', { name: plan.holidayName ?? '' })}</p>;
  if (plan.kind === 'off') return <p className="muted small">{t('dayOffToday')}</p>;
  if (plan.kind !== 'work' || !plan.shift || !plan.start || !plan.end) return null;
  return (
    <p className="muted small">
      {t('shiftInfo', {
        name: plan.shift.name,
        start: f.time(plan.start),
        end: f.time(plan.end),
        grace: plan.shift.lateGraceMinutes,
      })}
    </p>
  );
}
