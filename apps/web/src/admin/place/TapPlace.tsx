import type { AttendanceView } from '../../api/types';
import { useAdminLang } from '../use-admin-lang';
import { distanceText, mapUrl } from './position';

type Verdict = AttendanceView['clockInGeofence'];

/**
 * "Outside the site" for a tap outside its site's geofence, "No location" for one without a
 * position at a site; nothing for one inside (its distance says enough).
 */
export function GeofenceBadge({ verdict }: { verdict: Verdict }) {
  const { t } = useAdminLang();
  if (verdict === 'outside')
    return (
      <span className="badge late" data-testid="geofence-outside">
        {t('geoOutside')}
      </span>
    );
  if (verdict === 'unknown') return <span className="badge mark">{t('geoUnknown')}</span>;
  return null;
}

/**
 * Where one tap was: flagged when outside its site, how far from it, the phone's accuracy and a
 * link to the position on the map; nothing when the tap carried no position and had no site.
 */
export function TapPlace({
  location,
  distanceM,
  verdict,
  locale,
}: {
  location: AttendanceView['clockInLocation'];
  distanceM: number | null;
  verdict: Verdict;
  locale: string;
}) {
  const { t } = useAdminLang();
  if (!location && verdict === null) return null;
  return (
    <span className="place">
      <GeofenceBadge verdict={verdict} />
      {distanceM !== null && <span data-testid="distance">{distanceText(distanceM, locale)}</span>}
      {location?.accuracy != null && (
        <span className="muted">
          {t('accuracy', { metres: distanceText(location.accuracy, locale) })}
        </span>
      )}
      {location && (
        <a href={mapUrl(location.lat, location.lng)} target="_blank" rel="noreferrer noopener">
          {t('onMap')}
        </a>
      )}
    </span>
  );
}
