import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { problemOf } from '../api/errors';
import { useTRPC } from '../api/trpc';
import { useSession } from '../auth/session';
import { companyZone } from '../clock/today-cache';
import { useFormat } from '../i18n/use-format';
import { useRequestLang } from '../requests/messages';
import { ProblemMessage } from '../ui/ProblemMessage';
import { PushToggle } from './PushToggle';
import { notificationText } from './words';

/**
 * The person's notifications, newest first, the unread marked, all markable read at once; and
 * showing them on this phone (Web Push where the server has it, else while the app is open).
 */
export default function NotificationsScreen() {
  const { t } = useRequestLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { me } = useSession();
  const f = useFormat(companyZone(me.id));
  const list = useQuery(trpc.notifications.list.queryOptions({ limit: 50 }));
  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSettled: () => void queryClient.invalidateQueries(trpc.notifications.pathFilter()),
    }),
  );
  const newest = list.data?.items[0]?.id;
  const [permission, setPermission] = useState(() =>
    typeof Notification === 'undefined' ? 'denied' : Notification.permission,
  );
  const [noPush, setNoPush] = useState(true);
  const onPushUnavailable = useCallback((unavailable: boolean) => setNoPush(unavailable), []);
  return (
    <div className="stack">
      <div className="row between wrap">
        <h1>{t('notifications')}</h1>
        {list.data && list.data.unread > 0 && newest !== undefined && (
          <button
            className="button small"
            disabled={markRead.isPending}
            onClick={() => markRead.mutate({ upTo: newest })}
          >
            {t('markAllRead')}
          </button>
        )}
      </div>
      <PushToggle onUnavailable={onPushUnavailable} />
      {noPush && permission === 'default' && (
        <button
          className="button small"
          onClick={() => void Notification.requestPermission().then(setPermission)}
        >
          {t('allowSystemNotifications')}
        </button>
      )}
      <ProblemMessage problem={problemOf(list.error)} retry={() => void list.refetch()} />
      <ProblemMessage problem={problemOf(markRead.error)} />
      {list.data && list.data.items.length === 0 && <p className="muted">{t('noNotifications')}</p>}
      <ul className="records">
        {list.data?.items.map((note) => (
          <li key={note.id} data-testid="notification" className={note.read ? '' : 'unread'}>
            <span>
              {!note.read && <span className="badge mark">{t('unread')}</span>}{' '}
              {notificationText(note, t, f)}
            </span>
            <time className="muted small" dateTime={note.createdAt}>
              {f.dateTime(note.createdAt)}
            </time>
          </li>
        ))}
      </ul>
    </div>
  );
}
