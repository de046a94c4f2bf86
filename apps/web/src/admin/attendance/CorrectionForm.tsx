import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { problemOf } from '../../api/errors';
import { useTRPC } from '../../api/trpc';
import { useAdminLang } from '../use-admin-lang';
import { useFormat } from '../../i18n/use-format';
import { Field } from '../../ui/Field';
import { ProblemMessage } from '../../ui/ProblemMessage';
import { AuditTrail } from './AuditTrail';
import { correctionInput, draftOf, type Row, type Status } from './correction';

/** Corrects one record's times, status or note, with a reason that goes into its audit trail. */
export function CorrectionForm({
  row,
  zone,
  onDone,
}: {
  row: Row;
  zone: string;
  onDone: () => void;
}) {
  const { t } = useAdminLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const f = useFormat(zone);
  const [draft, setDraft] = useState(() => draftOf(row, zone));
  const correct = useMutation(
    trpc.admin.attendance.correct.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries(trpc.admin.attendance.pathFilter()),
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    correct.mutate(correctionInput(row, zone, draft), { onSuccess: onDone });
  };

  return (
    <form className="card stack correction" onSubmit={submit} aria-label={t('correct')}>
      <h2>{t('correctTitle', { name: row.user.name, date: f.date(row.workDate) })}</h2>
      <div className="row wrap">
        <Field label={`${t('in')} (${zone})`}>
          <input
            type="datetime-local"
            value={draft.clockIn}
            onChange={(event) => setDraft({ ...draft, clockIn: event.target.value })}
          />
        </Field>
        <Field label={`${t('out')} (${zone})`}>
          <input
            type="datetime-local"
            value={draft.clockOut}
            onChange={(event) => setDraft({ ...draft, clockOut: event.target.value })}
          />
        </Field>
        <Field label={t('status')}>
          <select
            value={draft.status}
            onChange={(event) => setDraft({ ...draft, status: event.target.value as Status })}
          >
            <option value="on_time">{t('statusOnTime')}</option>
            <option value="late">{t('statusLate')}</option>
          </select>
        </Field>
      </div>
      <Field label={t('note')}>
        <input
          value={draft.note}
          onChange={(event) => setDraft({ ...draft, note: event.target.value })}
          maxLength={500}
        />
      </Field>
      <Field label={t('reason')}>
        <textarea
          required
          minLength={5}
          maxLength={500}
          value={draft.reason}
          onChange={(event) => setDraft({ ...draft, reason: event.target.value })}
        />
      </Field>
      <ProblemMessage problem={problemOf(correct.error)} />
      <div className="row">
        <button className="button primary" type="submit" disabled={correct.isPending}>
          {correct.isPending ? t('saving') : t('save')}
        </button>
        <button className="button" type="button" onClick={onDone}>
          {t('cancel')}
        </button>
      </div>
      <AuditTrail id={row.id} f={f} />
    </form>
  );
}
