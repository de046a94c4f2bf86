import { useLang } from '../i18n/lang-context';
import { LOCATE_WAIT_MS } from './locate';
import type { SyncState } from './sync';

/**
 * What the clock says about the position: that it is being taken and why (at most a few seconds),
 * and, when none came, that the tap went without it and what to do if the workplace needs it.
 */
export function LocationNote({ state }: { state: SyncState }) {
  const { t } = useLang();
  const seconds = LOCATE_WAIT_MS / 1_000;
  let text: string | null = null;
  if (state.locating) text = t('locating', { seconds });
  else if (state.located === 'timeout') text = t('locationTimeout', { seconds });
  else if (state.located === 'denied' || state.located === 'none') text = t('locationDenied');
  if (text === null) return null;
  return (
    <p className="muted small" role="status" data-testid="location-note">
      {text}
    </p>
  );
}
