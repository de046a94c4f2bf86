import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Field, ProblemMessage } from '../components';
import { classify, type Problem } from '../errors';
import { useAsync, useLang } from '../hooks';
import { trpc } from '../trpc';

export function Settings() {
  const { t } = useLang();
  const current = useAsync(() => trpc.admin.settings.get.query(), 'settings');
  const [draft, setDraft] = useState({
    timeZone: '',
    shiftStart: '',
    graceMinutes: 0,
    autoClockOutHour: 0,
  });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const zones = useMemo(() => {
    try {
      return Intl.supportedValuesOf('timeZone');
    } catch {
      return [];
    }
  }, []);

  useEffect(() => {
    if (current.data) {
      const { timeZone, shiftStart, graceMinutes, autoClockOutHour } = current.data;
      setDraft({ timeZone, shiftStart, graceMinutes, autoClockOutHour });
    }
  }, [current.data]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setProblem(null);
    trpc.admin.settings.update.mutate(draft).then(
      () => setSaved(true),
      (error: unknown) => setProblem(classify(error)),
    );
  };

  return (
    <form className="stack narrow-form" onSubmit={submit}>
      <h1>{t('settings')}</h1>
      <ProblemMessage problem={current.problem} retry={current.reload} />
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
      <Field label={t('shiftStart')}>
        <input
          type="time"
          required
          value={draft.shiftStart}
          onChange={(event) => setDraft({ ...draft, shiftStart: event.target.value })}
        />
      </Field>
      <Field label={t('graceMinutes')}>
        <input
          type="number"
          min={0}
          max={240}
          required
          value={draft.graceMinutes}
          onChange={(event) => setDraft({ ...draft, graceMinutes: Number(event.target.value) })}
        />
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
      <ProblemMessage problem={problem} />
      {saved && (
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
