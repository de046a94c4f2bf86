import { useSyncExternalStore } from 'react';
import { useLang } from '../i18n/lang-context';
import { DEFAULT_ZONE } from './default-zone';
import { refusedZones } from './usable-zone';

const refusedList = () => refusedZones.list.join(', ');

/** Says, when the company's time zone could not be used, which zone the times are shown in. */
export function ZoneNotice() {
  const { t } = useLang();
  const zones = useSyncExternalStore(refusedZones.subscribe, refusedList);
  if (!zones) return null;
  return (
    <p className="banner warn" role="status">
      {t('zoneNotUsable', { zone: zones, fallback: DEFAULT_ZONE })}
    </p>
  );
}
