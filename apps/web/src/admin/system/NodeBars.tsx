import type { Dashboard } from '../../api/types';
import type { Formatters } from '../../i18n/format';
import { useAdminLang } from '../use-admin-lang';

/** Today's clock-ins and -outs per API node, as bars, with when each node last took a tap. */
export function NodeBars({
  byNode,
  lastSeen,
  f,
}: {
  byNode: Dashboard['byNode'];
  lastSeen: Map<string, string>;
  f: Formatters;
}) {
  const { t } = useAdminLang();
  const most = Math.max(1, ...byNode.map((node) => node.clockIns + node.clockOuts));
  return (
    <section className="card" aria-labelledby="nodes-title">
      <h2 id="nodes-title">{t('byNode')}</h2>
      {byNode.length === 0 ? (
        <p className="muted">{t('noEvents')}</p>
      ) : (
        <ul className="bars" data-testid="nodes">
          {byNode.map((node) => {
            const seen = lastSeen.get(node.node);
            return (
              <li key={node.node}>
                <span className="node">{node.node}</span>
                <span className="bar" aria-hidden="true">
                  <span style={{ width: `${((node.clockIns + node.clockOuts) / most) * 100}%` }} />
                </span>
                <span>
                  {t('clockIns')} {f.number(node.clockIns)} · {t('clockOuts')}{' '}
                  {f.number(node.clockOuts)}
                  {seen && ` · ${t('systemLastSeen', { time: f.time(seen) })}`}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
