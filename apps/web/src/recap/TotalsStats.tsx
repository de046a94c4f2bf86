import type { Formatters } from '../i18n/format';
import { useRequestLang } from '../requests/messages';
import { Stat } from '../ui/Stat';
import { TOTAL_COLUMNS, type RecapTotals } from './totals';

/** A person's month totals as figures with their labels. */
export function TotalsStats({ totals, f }: { totals: RecapTotals; f: Formatters }) {
  const { t } = useRequestLang();
  return (
    <div className="stats" data-testid="month-totals">
      {TOTAL_COLUMNS.map(([key, value]) => (
        <Stat key={key} label={t(key)} value={value(totals, f)} />
      ))}
    </div>
  );
}
