import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc';
import { navigate } from '../app/route';
import { useRequestLang } from '../requests/messages';
import { useNotificationsLive } from './use-notifications-live';

/**
 * The header's link to the notifications, with the count of unread ones, kept current live.
 * Loaded after the first screen, so the employee's first download does not grow.
 */
export default function NotificationBell() {
  const { t } = useRequestLang();
  const trpc = useTRPC();
  useNotificationsLive();
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
      <span aria-hidden="true">🔔</span>
      {unread > 0 && (
        <span className="count" data-testid="unread">
          {unread}
        </span>
      )}
    </a>
  );
}
