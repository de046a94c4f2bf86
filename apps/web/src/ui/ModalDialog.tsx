import { createFocusTrap } from 'focus-trap';
import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';

/**
 * A modal dialog, open while it is rendered: the browser's own modal `<dialog>` (the rest of the
 * page inert and hidden from assistive technology, the dialog in the top layer) with `focus-trap`
 * keeping Tab and Shift+Tab inside it. Focus moves into it (to an `autoFocus` control, else its
 * form's first field, so a correction opens on its clock-in time and not on a map link above it,
 * else its first control), Escape or a click on the dimmed page calls `onClose`, and on close focus returns to
 * the control that had it before. CSP-safe: nothing injects styles.
 */
/** A form's fields that take typing or a choice, in document order. */
const FORM_FIELD =
  'form input:not([type="hidden"]):not([disabled]), form select:not([disabled]), form textarea:not([disabled])';

export function ModalDialog({
  title,
  onClose,
  size,
  role = 'dialog',
  children,
}: {
  /** The dialog's name, shown as its heading. */
  title: string;
  onClose: () => void;
  /** 'wide' for forms with several fields on a row, 'narrow' for a question. */
  size?: 'wide' | 'narrow';
  /** 'alertdialog' for a question that interrupts, such as a confirmation. */
  role?: 'dialog' | 'alertdialog';
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = useRef(onClose);
  close.current = onClose;

  useLayoutEffect(() => {
    const dialog = ref.current!;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    const trap = createFocusTrap(dialog, {
      initialFocus: () =>
        dialog.querySelector<HTMLElement>('[autofocus]') ??
        dialog.querySelector<HTMLElement>(FORM_FIELD) ??
        undefined,
      fallbackFocus: dialog,
      escapeDeactivates: false,
      returnFocusOnDeactivate: false,
      allowOutsideClick: true,
    });
    trap.activate();
    return () => {
      trap.deactivate();
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={size ? `modal ${size}` : 'modal'}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: the component closes, not the browser, so the page's state says what is open.
        event.preventDefault();
        close.current();
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) close.current();
      }}
    >
      <div className="dialog stack">
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </dialog>
  );
}

/** A form's modal dialog (ModalDialog), `wide` for forms with several fields on a row. */
export function FormDialog({
  title,
  onClose,
  wide,
  children,
}: {
  title: string;
  onClose: () => void;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <ModalDialog title={title} onClose={onClose} size={wide ? 'wide' : undefined}>
      {children}
    </ModalDialog>
  );
}
