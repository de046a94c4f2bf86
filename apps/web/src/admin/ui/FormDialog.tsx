import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

/**
 * A modal dialog holding a form, open while it is rendered: focus moves into it and stays there
 * (Tab and Shift+Tab cycle inside), Escape or a click outside calls `onClose`, and on close focus
 * returns to the control that opened it. The rest of the page is hidden from assistive technology
 * meanwhile. Built on React Aria's Modal (CSP-safe: it injects no <style> element).
 */
export function FormDialog({
  title,
  onClose,
  wide,
  children,
}: {
  /** The dialog's name, shown as its heading. */
  title: string;
  onClose: () => void;
  /** A wider panel, for forms with several fields on a row. */
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <ModalOverlay
      isOpen
      isDismissable
      onOpenChange={(open) => !open && onClose()}
      className="modal-overlay"
    >
      <Modal className={wide ? 'modal wide' : 'modal'}>
        <Dialog className="dialog stack">
          <Heading slot="title" level={2}>
            {title}
          </Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
