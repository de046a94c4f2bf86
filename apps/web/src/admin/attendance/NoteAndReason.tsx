import { Field } from '../../ui/Field';
import { useAdminLang } from '../use-admin-lang';

/** What the admin writes with a change: a note on the shift, and why (required, audited). */
export function NoteAndReason({
  note,
  reason,
  onChange,
}: {
  note: string;
  reason: string;
  onChange: (text: { note?: string; reason?: string }) => void;
}) {
  const { t } = useAdminLang();
  return (
    <>
      <Field label={t('note')}>
        <input
          value={note}
          maxLength={500}
          onChange={(event) => onChange({ note: event.target.value })}
        />
      </Field>
      <Field label={t('reason')}>
        <textarea
          required
          maxLength={500}
          value={reason}
          onChange={(event) => onChange({ reason: event.target.value })}
        />
      </Field>
    </>
  );
}
