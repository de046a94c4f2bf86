import { describe } from '../api/errors';
import type { Formatters } from '../i18n/format';
import { useLang } from '../i18n/lang-context';
import { tapOnDateAt } from '../i18n/tap-words';
import type { RefusedTap } from './refused-taps';

/** Taps the server refused for good ("Not counted"), each with why, until dismissed. */
export function RefusedTaps({
  refused,
  onDismiss,
  f,
}: {
  refused: RefusedTap[];
  onDismiss: (key: string) => void;
  f: Formatters;
}) {
  const { t } = useLang();
  return refused.map((item) => (
    <section className="card refused" role="alert" key={item.key}>
      <h2>{t('notCounted')}</h2>
      <p>
        {tapOnDateAt(item, t, f)}: {describe(item.problem, t)}
      </p>
      <button className="button small" onClick={() => onDismiss(item.key)}>
        {t('dismiss')}
      </button>
    </section>
  ));
}
