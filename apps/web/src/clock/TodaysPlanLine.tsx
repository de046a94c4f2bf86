import type { Today } from '../api/types';
import type { Formatters } from '../i18n/format';
import { useLang } from '../i18n/lang-context';

/**
 * Today's plan in one line: the shift with its times and grace, a day off, or a holiday. Its line
 * is there, empty, before the day is read (`plan` null) and when there is no plan.
 */
export function TodaysPlanLine({ plan, f }: { plan: Today['plan'] | null; f: Formatters }) {
  const { t } = useLang();
  return <p className="muted small plan-line">{planText(plan, f, t)}</p>;
}

function planText(
  plan: Today['plan'] | null,
  f: Formatters,
  t: ReturnType<typeof useLang>['t'],
): string | null {
  if (!plan) return null;
  if (plan.kind === 'holiday') return t('holidayToday', { name: plan.holidayName ?? '' });
  if (plan.kind === 'off') return t('dayOffToday');
  if (plan.kind !== 'work' || !plan.shift || !plan.start || !plan.end) return null;
  return t('shiftInfo', {
    name: plan.shift.name,
    start: f.time(plan.start),
    end: f.time(plan.end),
    grace: plan.shift.lateGraceMinutes,
  });
}
