import { useQueryClient, type QueryFilters } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { problemOf } from '../../api/errors';
import { ProblemMessage } from '../../ui/ProblemMessage';
import { SaveButtons } from '../attendance/SaveButtons';
import { useAdminLang } from '../use-admin-lang';
import { FormDialog } from '../../ui/ModalDialog';

/** What a form needs of the mutations that save it: whether one runs, and why one failed. */
export interface Saving {
  error: unknown;
  isPending: boolean;
}

/**
 * A form in a modal dialog (FormDialog): its title, fields, why the server refused it (the first
 * of `saving` that failed), and Save / Cancel, "Saving…" while any of `saving` runs. Escape and
 * Cancel call `onCancel`.
 */
export function EditForm({
  title,
  saveLabel,
  saving,
  onSubmit,
  onCancel,
  children,
}: {
  title: string;
  /** The submit button's words (Save by default). */
  saveLabel?: string;
  saving: Saving[];
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useAdminLang();
  const failed = saving.find((mutation) => mutation.error);
  return (
    <FormDialog title={title} onClose={onCancel}>
      <form
        className="stack"
        aria-label={title}
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        {children}
        <ProblemMessage problem={problemOf(failed?.error)} />
        <SaveButtons
          label={saveLabel ?? t('save')}
          pending={saving.some((mutation) => mutation.isPending)}
          onCancel={onCancel}
        />
      </form>
    </FormDialog>
  );
}

/** A form's fields, and `set` to change some of them. */
export function useDraft<T extends object>(initial: () => T) {
  const [draft, setDraft] = useState(initial);
  return [draft, (changes: Partial<T>) => setDraft((old) => ({ ...old, ...changes }))] as const;
}

/** After a save: what it changed is read again (`filters`), then `onDone`. */
export function useAfterSave(onDone: () => void, ...filters: QueryFilters[]) {
  const queryClient = useQueryClient();
  return () => {
    for (const filter of filters) void queryClient.invalidateQueries(filter);
    onDone();
  };
}

/** A whole number input whose value the form keeps as text. */
export function NumberInput({
  value,
  min,
  max,
  onChange,
}: {
  value: string;
  min: number;
  max: number;
  onChange: (value: string) => void;
}) {
  return (
    <input
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      required
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

/** Which one of a list is open in its form: a new one, an existing one, or none. */
export function useEditing<T extends { id: number }>() {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  return {
    open: editing !== null,
    /** The form's React key: a new form for each thing edited. */
    key: editing === 'new' ? 'new' : String(editing?.id),
    /** The one being changed; null for a new one. */
    item: editing === 'new' ? null : editing,
    startNew: () => setEditing('new'),
    edit: (item: T) => setEditing(item),
    done: () => setEditing(null),
  };
}

/** "Edit: Malam" for an existing one, else the new one's title. */
export function formTitle(
  t: (key: 'edit') => string,
  existing: { name: string } | null,
  newTitle: string,
) {
  return existing ? `${t('edit')}: ${existing.name}` : newTitle;
}

/** A required line of text, such as a name. */
export function TextField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <input required value={value} onChange={(event) => onChange(event.target.value)} />
    </label>
  );
}

/** Whether a thing is in use (its form shows it only when changing an existing one). */
export function ActiveCheck({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (active: boolean) => void;
}) {
  const { t } = useAdminLang();
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      {t('active')}
    </label>
  );
}
