import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

/**
 * A modal dialog, open while it is rendered: focus moves into it and stays there (Tab and
 * Shift+Tab cycle inside), Escape or a click outside calls `onClose`, and on close focus returns
 * to the control that had it before. The rest of the page is hidden from assistive technology
 * meanwhile. Built on React Aria's Modal (CSP-safe: it injects no <style> element).
 */
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
  return (
    <ModalOverlay
      isOpen
      isDismissable
      onOpenChange={(open) => !open && onClose()}
      className="modal-overlay"
    >
      <Modal className={size ? `modal ${size}` : 'modal'}>
        <Dialog role={role} className="dialog stack">
          <Heading slot="title" level={2}>
            {title}
          </Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
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
