import type { FormEvent, ReactNode } from 'react';
import type { Problem } from '../../api/errors';
import { ProblemMessage } from '../../ui/ProblemMessage';
import { SaveButtons } from '../attendance/SaveButtons';
import { useAdminLang } from '../use-admin-lang';

/** A card holding a form: its title, fields, why the server refused it, and Save / Cancel. */
export function EditForm({
  title,
  saveLabel,
  problem,
  pending,
  onSubmit,
  onCancel,
  children,
}: {
  title: string;
  /** The submit button's words (Save by default). */
  saveLabel?: string;
  problem: Problem | null;
  pending: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useAdminLang();
  return (
    <form
      className="card stack"
      aria-label={title}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <h2>{title}</h2>
      {children}
      <ProblemMessage problem={problem} />
      <SaveButtons label={saveLabel ?? t('save')} pending={pending} onCancel={onCancel} />
    </form>
  );
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
