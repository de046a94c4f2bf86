import type { Formatters } from '../i18n/format';
import { useLang } from '../i18n/lang-context';
import type { QueuedTap } from './queue';

/**
 * Taps kept on the phone until the server has them, each with the time it was made: offline or
 * with a busy server alike, they are saved and on their way, not failed.
 */
export function PendingTaps({
  pending,
  sending,
  f,
}: {
  pending: QueuedTap[];
  sending: boolean;
  f: Formatters;
}) {
  const { t } = useLang();
  if (pending.length === 0) return null;
  return (
    <section className="card pending" aria-live="polite" data-testid="pending">
      <h2>
        {t('waitingToSync')} {sending && <span className="muted small">{t('sending')}</span>}
      </h2>
      <p className="muted small" data-testid="pending-note">
        {t('savedSending')}
      </p>
      <ul>
        {pending.map((tap) => (
          <li key={tap.key}>
            {t('waitingItem', {
              action: tap.kind === 'clockIn' ? t('clockIn') : t('clockOut'),
              time: f.time(tap.at),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
