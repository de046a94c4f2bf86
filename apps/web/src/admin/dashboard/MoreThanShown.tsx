import { useLang } from '../../i18n/lang-context';
import { useFormat } from '../../i18n/use-format';

/** The lists stop at a few hundred names; say how many more there are. */
export function MoreThanShown({ shown, total }: { shown: number; total: number }) {
  const { t } = useLang();
  const f = useFormat('UTC');
  if (total <= shown) return null;
  return <p className="muted">{t('andMore', { count: f.number(total - shown) })}</p>;
}
