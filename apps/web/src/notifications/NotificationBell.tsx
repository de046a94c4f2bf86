import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc';
import { navigate } from '../app/route';
import { useRequestLang } from '../requests/messages';
import { useRequestOutbox } from '../requests/use-outbox';
import { useSession } from '../auth/session';
import { companyZone } from '../clock/today-cache';
import { useFormat } from '../i18n/use-format';
import { useNotificationsLive } from './use-notifications-live';
import { notificationText } from './words';

/**
 * The header's link to the notifications, with the count of unread ones, kept current live; it
 * also keeps the request outbox sending while the app is open.
 * Loaded after the first screen, so the employee's first download does not grow.
 */
export default function NotificationBell() {
  const { t } = useRequestLang();
  const trpc = useTRPC();
  const { me } = useSession();
  const f = useFormat(companyZone(me.id));
  // Requests kept on this phone are sent whichever screen is open (the bell is always shown).
  useRequestOutbox();
  // Where the person allowed it, the phone shows it too while the app is in the background.
  useNotificationsLive((note) => {
    if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
    if (document.visibilityState === 'visible') return;
    // The tag of its Web Push twin (when this phone has push on): the phone shows it once.
    new Notification(t('appName'), {
      body: notificationText(note, t, f),
      icon: '/icon-192.png',
      tag: `notification-${note.id}`,
    });
  });
  const list = useQuery(trpc.notifications.list.queryOptions({ limit: 50 }));
  const unread = list.data?.unread ?? 0;
  return (
    <a
      className="button small bell"
      href="/notifications"
      aria-label={unread ? t('unreadCount', { count: unread }) : t('notifications')}
      data-testid="notifications-link"
      onClick={(event) => {
        event.preventDefault();
        navigate('/notifications');
      }}
    >
      <svg
        aria-hidden="true"
        width="18"
        height="18"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 && (
        <span className="count" data-testid="unread">
          {unread}
        </span>
      )}
    </a>
  );
}
