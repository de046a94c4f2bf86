import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useState } from 'react';
import { classify, problemOf } from '../../api/errors';
import { useTRPC } from '../../api/trpc';
import { useSession } from '../../auth/session';
import { useFormat } from '../../i18n/use-format';
import { useRequestLang } from '../../requests/messages';
import { RequestSummary } from '../../requests/RequestSummary';
import { KIND_KEYS, STATE_KEYS, type RequestKind, type RequestState } from '../../requests/words';
import { localDateIn } from '../../time/zone';
import { Field } from '../../ui/Field';
import { ProblemMessage } from '../../ui/ProblemMessage';
import { DepartmentSelect } from '../scope/ScopeSelects';
import { AttachmentPhoto } from './AttachmentPhoto';
import { DecisionForm } from './DecisionForm';
import { OrderOvertime } from './OrderOvertime';

/**
 * The requests of the approver's people (all for an admin, their departments' for a manager),
 * waiting ones first by default, each approvable or declinable with a note, its photo shown on
 * demand; read again live whenever a request is filed, decided or cancelled (`live.requests`).
 */
export function RequestsAdminScreen({ zone }: { zone: string }) {
  const { t } = useRequestLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { sessionLost, me } = useSession();
  const f = useFormat(zone);
  const [state, setState] = useState<RequestState | ''>('pending');
  const [kind, setKind] = useState<RequestKind | ''>('');
  const [department, setDepartment] = useState('');
  const [shown, setShown] = useState<number | null>(null);
  const list = useQuery(
    trpc.admin.requests.list.queryOptions({
      limit: 100,
      ...(state ? { state } : {}),
      ...(kind ? { kind } : {}),
      ...(department ? { department } : {}),
    }),
  );
  useSubscription(
    trpc.live.requests.subscriptionOptions(undefined, {
      onStarted: () => void queryClient.invalidateQueries(trpc.admin.requests.pathFilter()),
      onData: () => void queryClient.invalidateQueries(trpc.admin.requests.pathFilter()),
      onError: (error) => {
        if (classify(error).kind === 'unauthorized') sessionLost();
      },
    }),
  );
  return (
    <div className="stack">
      <h1>{t('requestsTitle')}</h1>
      <p className="muted">{t('approvalsHelp')}</p>
      <div className="row wrap filters">
        <Field label={t('stateLabel')}>
          <select value={state} onChange={(e) => setState(e.target.value as RequestState | '')}>
            <option value="">{t('stateAll')}</option>
            {(Object.keys(STATE_KEYS) as RequestState[]).map((value) => (
              <option key={value} value={value}>
                {t(STATE_KEYS[value])}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('kind')}>
          <select value={kind} onChange={(e) => setKind(e.target.value as RequestKind | '')}>
            <option value="">{t('kindAll')}</option>
            {(Object.keys(KIND_KEYS) as RequestKind[]).map((value) => (
              <option key={value} value={value}>
                {t(KIND_KEYS[value])}
              </option>
            ))}
          </select>
        </Field>
        <DepartmentSelect value={department} onChange={setDepartment} />
      </div>
      <ProblemMessage problem={problemOf(list.error)} retry={() => void list.refetch()} />
      {list.data && list.data.items.length === 0 && <p className="muted">{t('noRequests')}</p>}
      <ul className="stack plain">
        {list.data?.items.map((request) => {
          const photo = request.attachments[0];
          const who = `${request.userName ?? `#${request.userId}`}${request.department ? ` (${request.department})` : ''}`;
          return (
            <RequestSummary key={request.id} request={request} f={f} who={who}>
              {photo && (
                <button
                  className="button small"
                  onClick={() => setShown(shown === photo.id ? null : photo.id)}
                >
                  {shown === photo.id ? t('hidePhoto') : t('showPhoto')}
                </button>
              )}
              {photo && shown === photo.id && <AttachmentPhoto id={photo.id} alt={who} />}
              {request.state === 'pending' &&
                (request.userId === me.id ? (
                  <p className="muted">{t('ownRequestWaits')}</p>
                ) : (
                  <DecisionForm id={request.id} />
                ))}
            </RequestSummary>
          );
        })}
      </ul>
      <OrderOvertime today={localDateIn(new Date(), zone)} />
    </div>
  );
}
