import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { problemOf } from '../../api/errors';
import { useTRPC } from '../../api/trpc';
import { useAdminLang } from '../use-admin-lang';
import { Field } from '../../ui/Field';
import { ProblemMessage } from '../../ui/ProblemMessage';

/**
 * The company's time zone and the automatic clock-out hour of shifts outside any schedule (shift
 * starts, grace and allowances belong to shift types).
 */
export function SettingsScreen() {
  const { t } = useAdminLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.admin.settings.get.queryOptions());
  const [draft, setDraft] = useState({
    timeZone: '',
    autoClockOutHour: 0,
  });
  const update = useMutation(
    trpc.admin.settings.update.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries(trpc.admin.settings.pathFilter()),
    }),
  );
  const zones = useMemo(() => {
    try {
      return Intl.supportedValuesOf('timeZone');
    } catch {
      return [];
    }
  }, []);

  useEffect(() => {
    if (current.data) {
      const { timeZone, autoClockOutHour } = current.data;
      setDraft({ timeZone, autoClockOutHour });
    }
  }, [current.data]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(draft);
  };

  return (
    <form className="stack narrow-form" onSubmit={submit}>
      <h1>{t('settings')}</h1>
      <ProblemMessage problem={problemOf(current.error)} retry={() => void current.refetch()} />
      <Field label={t('timeZone')}>
        <input
          list="zones"
          required
          value={draft.timeZone}
          onChange={(event) => setDraft({ ...draft, timeZone: event.target.value })}
        />
        <datalist id="zones">
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </Field>
      <Field label={t('autoClockOutHour')}>
        <input
          type="number"
          min={0}
          max={23}
          required
          value={draft.autoClockOutHour}
          onChange={(event) => setDraft({ ...draft, autoClockOutHour: Number(event.target.value) })}
        />
      </Field>
      <ProblemMessage problem={problemOf(update.error)} />
      {update.isSuccess && (
        <p className="banner ok" role="status">
          {t('saved')}
        </p>
      )}
      <button className="button primary" type="submit" disabled={!current.data}>
        {t('save')}
      </button>
    </form>
  );
}
