import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { problemOf } from '../../api/errors';
import { useTRPC } from '../../api/trpc';
import { useRequestLang } from '../../requests/messages';
import { refusalText } from '../../requests/words';
import { Field } from '../../ui/Field';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { useAdminLang } from '../use-admin-lang';

/** Approve or decline a pending request, with a note the employee reads. */
export function DecisionForm({ id }: { id: number }) {
  const { t } = useRequestLang();
  const admin = useAdminLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const decide = useMutation(
    trpc.admin.requests.decide.mutationOptions({
      onSettled: () => void queryClient.invalidateQueries(trpc.admin.requests.pathFilter()),
    }),
  );
  const send = (decision: 'approve' | 'decline') =>
    decide.mutate({ id, decision, ...(note.trim() ? { note: note.trim() } : {}) });
  const problem = problemOf(decide.error);
  return (
    <div className="stack">
      <Field label={t('noteForEmployee')}>
        <textarea rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      {problem && (
        <p className="banner error" role="alert">
          {refusalText(problem, t)}
        </p>
      )}
      <div className="row wrap">
        <button
          className="button primary"
          disabled={decide.isPending}
          onClick={() => send('approve')}
        >
          {t('approve')}
        </button>
        <ConfirmButton
          label={t('decline')}
          question={admin.t('confirmDecline')}
          className="button"
          disabled={decide.isPending}
          onConfirm={() => send('decline')}
        />
      </div>
    </div>
  );
}
