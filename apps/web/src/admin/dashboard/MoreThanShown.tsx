import { useAdminLang } from '../use-admin-lang';
import { useFormat } from '../../i18n/use-format';

/** The lists stop at a few hundred names; say how many more there are. */
export function MoreThanShown({ shown, total }: { shown: number; total: number }) {
  const { t } = useAdminLang();
  const f = useFormat('UTC');
  if (total <= shown) return null;
  return <p className="muted">{t('andMore', { count: f.number(total - shown) })}</p>;
}
