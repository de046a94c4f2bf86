import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { problemOf } from '../api/errors';
import { useTRPC } from '../api/trpc';
import { useRequestLang } from '../requests/messages';
import { ProblemMessage } from '../ui/ProblemMessage';
import { keyBytes, pushRegistration, subscriptionInput } from './push-subscription';

/**
 * "Show notifications on this phone": subscribes this browser to Web Push (asking the person's
 * permission) and tells the server, or ends it. Shown only where the server has push set up
 * (`notifications.pushKey`) and the browser can take pushes; `null` otherwise.
 */
export function PushToggle({ onUnavailable }: { onUnavailable: (unavailable: boolean) => void }) {
  const { t, lang } = useRequestLang();
  const trpc = useTRPC();
  const key = useQuery(trpc.notifications.pushKey.queryOptions());
  const [registration, setRegistration] = useState<ServiceWorkerRegistration | null>(null);
  const [on, setOn] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const subscribe = useMutation(trpc.notifications.subscribePush.mutationOptions());
  const unsubscribe = useMutation(trpc.notifications.unsubscribePush.mutationOptions());

  useEffect(() => {
    let live = true;
    void pushRegistration().then(async (found) => {
      if (!live) return;
      setRegistration(found);
      setOn(Boolean(await found?.pushManager.getSubscription()));
    });
    return () => {
      live = false;
    };
  }, []);
  const available = Boolean(key.data) && registration !== null;
  useEffect(() => onUnavailable(!available), [available, onUnavailable]);
  if (!available || !key.data || !registration) return null;

  const turnOn = async (publicKey: string) => {
    const permission = await Notification.requestPermission();
    if (permission !== 'granted') return setNote(t('pushBlocked'));
    const subscription =
      (await registration.pushManager.getSubscription()) ??
      (await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: keyBytes(publicKey),
      }));
    await subscribe.mutateAsync({ ...subscriptionInput(subscription), lang });
    setOn(true);
  };
  const turnOff = async () => {
    const subscription = await registration.pushManager.getSubscription();
    if (subscription) {
      await unsubscribe.mutateAsync({ endpoint: subscription.endpoint });
      await subscription.unsubscribe();
    }
    setOn(false);
  };
  const toggle = async (wanted: boolean) => {
    setNote(null);
    setBusy(true);
    try {
      await (wanted ? turnOn(key.data!) : turnOff());
    } catch (error) {
      // The server's refusals show below; the browser's own (no push service) here.
      if (!subscribe.error && !unsubscribe.error)
        setNote(
          t('pushFailed', { detail: error instanceof Error ? error.message : String(error) }),
        );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="card stack" data-testid="push-toggle">
      <label className="row">
        <input
          type="checkbox"
          checked={on}
          disabled={busy}
          onChange={(event) => void toggle(event.target.checked)}
        />
        <span>{t('showOnThisPhone')}</span>
      </label>
      <span className="muted small">{t('showOnThisPhoneHelp')}</span>
      {note && (
        <p className="banner error" role="alert">
          {note}
        </p>
      )}
      <ProblemMessage problem={problemOf(subscribe.error ?? unsubscribe.error)} />
    </div>
  );
}
