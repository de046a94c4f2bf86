import { companyZone } from '../clock/today-cache';
import { useFormat } from '../i18n/use-format';
import { LiveNotice } from './LiveNotice';
import { useOwnAttendanceLive } from './use-own-attendance-live';

/**
 * The person's records kept current from their live events while `enabled`, and what others
 * changed told. The WebSocket's code is fetched when it first subscribes (api/lazy-link.ts).
 */
export function OwnLiveUpdates({
  userId,
  enabled,
  onNotice,
}: {
  userId: number;
  enabled: boolean;
  onNotice: () => void;
}) {
  const live = useOwnAttendanceLive(userId, enabled, onNotice);
  const f = useFormat(companyZone(userId));
  return enabled ? <LiveNotice notice={live.notice} f={f} onDismiss={live.dismiss} /> : null;
}
