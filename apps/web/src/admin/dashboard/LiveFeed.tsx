import type { LiveEvent } from '../../api/types';
import type { Formatters } from '../../i18n/format';
import { useAdminLang } from '../use-admin-lang';
import { StatusBadge } from '../../ui/StatusBadge';
import { feedLine } from './feed-line';

/**
 * The latest clock-ins and -outs, newest first, with the node that took each. Each tap shows at
 * its own time, with its date when that is not `today`: a tap kept offline since yesterday reads
 * as yesterday's, not as the moment it was synced.
 */
export function LiveFeed({ feed, today, f }: { feed: LiveEvent[]; today: string; f: Formatters }) {
  const { t } = useAdminLang();
  return (
    <section className="card" aria-labelledby="feed-title">
      <h2 id="feed-title">{t('feed')}</h2>
      {feed.length === 0 ? (
        <p className="muted">{t('noEvents')}</p>
      ) : (
        <ol className="feed" data-testid="feed" aria-live="polite">
          {feed.map((event) => {
            const line = feedLine(event, f.timeZone);
            return (
              <li key={event.id}>
                <time dateTime={line.at}>
                  {line.day === today ? f.time(line.at) : `${f.date(line.day)} ${f.time(line.at)}`}
                </time>
                <span>
                  {t(line.text, { name: event.data.userName, date: f.date(line.workDate) })}
                </span>
                {line.showLate && <StatusBadge view={event.data} f={f} />}
                <span className="node">{t('viaNode', { node: event.nodeId })}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
