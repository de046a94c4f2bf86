import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { problemOf } from '../../api/errors';
import { useTRPC } from '../../api/trpc';
import { useRequestLang } from '../../requests/messages';
import { refusalText } from '../../requests/words';
import { Field } from '../../ui/Field';
import { PersonSelect } from '../attendance/PersonSelect';

/**
 * A manager's or an admin's written order for overtime: an employee of theirs, a date, how long,
 * and the instruction. It counts as approved, and the employee is told.
 */
export function OrderOvertime({ today }: { today: string }) {
  const { t } = useRequestLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState({ userId: '', date: today, minutes: '', note: '' });
  const order = useMutation(
    trpc.admin.requests.orderOvertime.mutationOptions({
      onSuccess: () => {
        setDraft({ userId: '', date: today, minutes: '', note: '' });
        void queryClient.invalidateQueries(trpc.admin.requests.pathFilter());
      },
    }),
  );
  const edit = (change: Partial<typeof draft>) => {
    order.reset();
    setDraft({ ...draft, ...change });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const minutes = Number.parseInt(draft.minutes, 10);
    order.mutate({
      userId: Number(draft.userId),
      date: draft.date,
      ...(Number.isFinite(minutes) ? { minutes } : {}),
      note: draft.note.trim(),
    });
  };
  const problem = problemOf(order.error);
  return (
    <form className="card stack" aria-label={t('orderOvertime')} onSubmit={submit}>
      <h2>{t('orderOvertime')}</h2>
      <p className="muted small">{t('orderOvertimeHelp')}</p>
      <div className="row wrap">
        <Field label={t('employeeId')}>
          <PersonSelect
            required
            value={draft.userId}
            emptyLabel="–"
            onChange={(userId) => edit({ userId })}
          />
        </Field>
        <Field label={t('date')}>
          <input
            type="date"
            required
            value={draft.date}
            onChange={(e) => edit({ date: e.target.value })}
          />
        </Field>
        <Field label={t('overtimeMinutes')}>
          <input
            type="number"
            min={1}
            max={960}
            value={draft.minutes}
            onChange={(e) => edit({ minutes: e.target.value })}
          />
        </Field>
      </div>
      <Field label={t('instruction')}>
        <textarea
          required
          rows={2}
          maxLength={500}
          value={draft.note}
          onChange={(e) => edit({ note: e.target.value })}
        />
      </Field>
      {problem && (
        <p className="banner error" role="alert">
          {refusalText(problem, t)}
        </p>
      )}
      {order.isSuccess && (
        <p className="banner ok" role="status">
          {t('ordered')}
        </p>
      )}
      <button className="button primary" type="submit" disabled={order.isPending}>
        {t('orderOvertime')}
      </button>
    </form>
  );
}
