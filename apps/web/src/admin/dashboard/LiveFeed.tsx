import type { LiveEvent } from '../../api/types';
import type { Formatters } from '../../i18n/format';
import { useAdminLang } from '../use-admin-lang';
import { StatusBadge } from '../../ui/StatusBadge';
import { distanceText } from '../place/position';
import { GeofenceBadge } from '../place/TapPlace';
import { feedLine } from './feed-line';

/**
 * The latest clock-ins and -outs, newest first, with, for a clock-in
 * outside its site's geofence, the flag and how far away it was. Each tap shows at
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
                {line.showPlace && <FeedPlace data={event.data} locale={f.locale} />}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** A clock-in's geofence flag and distance from its site, when it was not simply inside. */
function FeedPlace({ data, locale }: { data: LiveEvent['data']; locale: string }) {
  const verdict = data.clockInGeofence ?? null;
  if (verdict === null || verdict === 'inside') return null;
  return (
    <span className="place" data-testid="feed-place">
      <GeofenceBadge verdict={verdict} />
      {data.clockInDistanceM != null && <span>{distanceText(data.clockInDistanceM, locale)}</span>}
    </span>
  );
}
