import type { LiveEvent } from '../../api/types';
import type { Formatters } from '../../i18n/format';
import { useAdminLang } from '../use-admin-lang';
import { eventText } from './event-text';

/** The latest clock-ins and -outs, newest first, with the node that took each. */
export function LiveFeed({ feed, f }: { feed: LiveEvent[]; f: Formatters }) {
  const { t } = useAdminLang();
  return (
    <section className="card" aria-labelledby="feed-title">
      <h2 id="feed-title">{t('feed')}</h2>
      {feed.length === 0 ? (
        <p className="muted">{t('noEvents')}</p>
      ) : (
        <ol className="feed" data-testid="feed" aria-live="polite">
          {feed.map((event) => (
            <li key={event.id}>
              <time dateTime={event.occurredAt}>{f.time(event.occurredAt)}</time>
              <span>{t(eventText(event), { name: event.data.userName })}</span>
              {event.type === 'AttendanceCreated' && event.data.status === 'late' && (
                <span className="badge late">{t('late', { minutes: event.data.lateMinutes })}</span>
              )}
              <span className="node">{t('viaNode', { node: event.nodeId })}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
