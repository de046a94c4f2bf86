import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { problemOf } from '../api/errors';
import { useTRPC } from '../api/trpc';
import { useSession } from '../auth/session';
import { companyZone } from '../clock/today-cache';
import { useFormat } from '../i18n/use-format';
import { localDateIn } from '../time/zone';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ProblemMessage } from '../ui/ProblemMessage';
import { draftOf, type RequestDraft } from './draft';
import { useRequestLang } from './messages';
import type { OutboxItem } from './outbox';
import { OutboxList } from './OutboxList';
import { RequestForm } from './RequestForm';
import { RequestSummary } from './RequestSummary';
import { useRequestOutbox } from './use-outbox';
import { refusalText } from './words';

/** How many of one's requests a page shows, and how many more "load more" adds. */
const PAGE = 50;

/**
 * The employee's requests (pengajuan): their leave balance, a new request, the requests kept on
 * this phone (waiting for the network, or refused to fix), and what they asked for with its
 * state, pending ones cancellable. Loaded only when opened.
 */
export default function RequestsScreen() {
  const { t } = useRequestLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { me } = useSession();
  const zone = companyZone(me.id);
  const f = useFormat(zone);
  const today = localDateIn(new Date(), zone);
  const [limit, setLimit] = useState(PAGE);
  const mine = useQuery(trpc.requests.mine.queryOptions({ limit }));
  const balances = useQuery(trpc.requests.balances.queryOptions());
  const cancel = useMutation(
    trpc.requests.cancel.mutationOptions({
      onSettled: () => void queryClient.invalidateQueries(trpc.requests.pathFilter()),
    }),
  );
  const cancelProblem = problemOf(cancel.error);
  const { items: onPhone, outbox } = useRequestOutbox();
  const [refiling, setRefiling] = useState<{ key: string; draft: RequestDraft } | null>(null);
  const refile = (item: OutboxItem) => {
    setRefiling({ key: item.clientKey, draft: draftOf(item.input, zone) });
    void outbox.remove(item.clientKey);
    window.scrollTo({ top: 0, behavior: 'smooth' });
  };
  return (
    <div className="stack">
      <h1>{t('requestsTitle')}</h1>
      <p className="muted">{t('requestsHelp')}</p>
      {balances.data && balances.data.length > 0 && (
        <section className="card stack" aria-label={t('balances', { year: today.slice(0, 4) })}>
          <h2>{t('balances', { year: today.slice(0, 4) })}</h2>
          {balances.data.map((balance) => (
            <p key={balance.leaveTypeId} data-testid="balance">
              <strong>{balance.name}</strong>:{' '}
              {t('balanceLine', {
                remaining: f.number(balance.remainingDays),
                allowance: f.number(balance.allowanceDays),
                used: f.number(balance.usedDays),
                pending: f.number(balance.pendingDays),
              })}
            </p>
          ))}
        </section>
      )}
      <RequestForm
        key={refiling?.key ?? 'new'}
        zone={zone}
        today={today}
        f={f}
        initial={refiling?.draft}
      />
      <h2>{t('myRequests')}</h2>
      <OutboxList
        items={onPhone}
        f={f}
        onRefile={refile}
        onRemove={(item) => void outbox.remove(item.clientKey)}
      />
      <ProblemMessage problem={problemOf(mine.error)} retry={() => void mine.refetch()} />
      {cancelProblem && (
        <p className="banner error" role="alert">
          {refusalText(cancelProblem, t)}
        </p>
      )}
      {mine.data && mine.data.items.length === 0 && onPhone.length === 0 && (
        <p className="muted">{t('noRequests')}</p>
      )}
      <ul className="stack plain">
        {mine.data?.items.map((request) => (
          <RequestSummary key={request.id} request={request} f={f}>
            {request.state === 'pending' && (
              <ConfirmButton
                className="button small"
                label={t('cancelRequest')}
                question={t('confirmCancelRequest')}
                disabled={cancel.isPending}
                onConfirm={() => cancel.mutate({ id: request.id })}
              />
            )}
          </RequestSummary>
        ))}
      </ul>
      {mine.data?.nextBefore !== null && mine.data !== undefined && limit < 200 && (
        <button className="button" onClick={() => setLimit(limit + PAGE)}>
          {t('loadMore')}
        </button>
      )}
    </div>
  );
}
