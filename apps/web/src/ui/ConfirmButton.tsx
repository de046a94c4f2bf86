import { useState } from 'react';
import { useLang } from '../i18n/lang-context';
import { ModalDialog } from './ModalDialog';

/**
 * A button for an action that cannot be taken back (reset a password, deactivate, delete,
 * decline): it first asks `question` in an alert dialog, with Cancel focused, and calls
 * `onConfirm` only when the person chooses `confirmLabel`. Escape or Cancel closes the dialog and
 * focus returns to the button.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  disabled,
  className = 'button small danger',
}: {
  /** The button's words in the table or form. */
  label: string;
  /** What is about to happen, as a full sentence ("Deactivate Siti? …"). */
  question: string;
  /** The confirming button's words (the action's name, never just "OK"). */
  confirmLabel?: string;
  onConfirm: () => void;
  disabled?: boolean;
  className?: string;
}) {
  const { t } = useLang();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} disabled={disabled} onClick={() => setOpen(true)}>
        {label}
      </button>
      {open && (
        <ModalDialog
          title={t('confirmTitle')}
          onClose={() => setOpen(false)}
          size="narrow"
          role="alertdialog"
        >
          <p>{question}</p>
          <div className="row end">
            <button type="button" className="button" autoFocus onClick={() => setOpen(false)}>
              {t('confirmCancel')}
            </button>
            <button
              type="button"
              className="button danger"
              onClick={() => {
                setOpen(false);
                onConfirm();
              }}
            >
              {confirmLabel ?? label}
            </button>
          </div>
        </ModalDialog>
      )}
    </>
  );
}
