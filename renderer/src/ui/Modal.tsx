import { useEffect, useId, useRef, type ReactNode } from 'react';

/** The two looks in use: the Library's sheets and the report screens' dialogs (their own CSS). */
const LOOKS = {
  sheet: { root: 'sheet', header: 'sheet__header', description: 'sheet__description', body: 'sheet__body', footer: 'sheet__footer', close: 'icon-button' },
  report: { root: 'report-dialog', header: 'report-dialog__header', description: 'report-dialog__description', body: 'report-dialog__body', footer: 'report-dialog__footer', close: 'r-icon-button' },
} as const;

export interface ModalProps {
  title: ReactNode;
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  /** False while something runs that must not be abandoned half-way: Esc and × do nothing. */
  closable?: boolean;
  className?: string;
}

/**
 * A modal on the native <dialog>: the browser traps focus, makes the page behind inert and turns
 * Esc into a cancel event, routed to onClose so React owns the open state. Focus goes to the
 * element marked data-autofocus and returns where it was on close. Chrome may also close a dialog
 * itself after repeated Esc presses (its close-request abuse guard): that too is told to onClose.
 */
export const Modal = ({
  title,
  description,
  onClose,
  children,
  footer,
  closable = true,
  className = '',
  look,
  size = 'medium',
}: ModalProps & { look: keyof typeof LOOKS; /** Width of a sheet. */ size?: 'small' | 'medium' | 'large' }) => {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  const closableRef = useRef(closable);
  const titleId = useId();
  const descriptionId = useId();
  const classes = LOOKS[look];

  useEffect(() => {
    onCloseRef.current = onClose;
    closableRef.current = closable;
  }, [onClose, closable]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnFocusTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    let unmounting = false;
    const onNativeClose = () => {
      if (!unmounting) onCloseRef.current();
    };
    dialog.addEventListener('close', onNativeClose);
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      unmounting = true;
      dialog.removeEventListener('close', onNativeClose);
      if (dialog.open) dialog.close();
      if (returnFocusTo?.isConnected) returnFocusTo.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`${classes.root} ${look === 'sheet' ? `sheet--${size} ` : ''}${className}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      // The report screens' own undo (Ctrl+Z) leaves the fields of their dialogs to the browser.
      data-native-undo={look === 'report' ? '' : undefined}
      onCancel={(event) => {
        event.preventDefault();
        event.stopPropagation();
        if (closableRef.current) onCloseRef.current();
      }}
    >
      <header className={classes.header}>
        <div>
          <h2 id={titleId}>{title}</h2>
          {description && (
            <p id={descriptionId} className={classes.description}>
              {description}
            </p>
          )}
        </div>
        <button type="button" className={classes.close} aria-label="Close" title="Close (Esc)" disabled={!closable} onClick={() => onCloseRef.current()}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div className={classes.body}>{children}</div>
      {footer && <footer className={classes.footer}>{footer}</footer>}
    </dialog>
  );
};
