import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal on the native <dialog>: the browser traps focus, makes the page behind inert and turns
 * Esc into a cancel event, routed to onClose so React owns the open state. Focus goes to the
 * element marked data-autofocus and returns where it was on close.
 */
export const Dialog = ({
  title,
  description,
  onClose,
  children,
  footer,
  closable = true,
  className = '',
}: {
  title: ReactNode;
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  /** False while something runs that must not be abandoned half-way. */
  closable?: boolean;
  className?: string;
}) => {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  const closableRef = useRef(closable);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    onCloseRef.current = onClose;
    closableRef.current = closable;
  }, [onClose, closable]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnFocusTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (returnFocusTo?.isConnected) returnFocusTo.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`report-dialog ${className}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      data-native-undo=""
      onCancel={(event) => {
        event.preventDefault();
        event.stopPropagation();
        if (closableRef.current) onCloseRef.current();
      }}
    >
      <header className="report-dialog__header">
        <div>
          <h2 id={titleId}>{title}</h2>
          {description && (
            <p id={descriptionId} className="report-dialog__description">
              {description}
            </p>
          )}
        </div>
        <button type="button" className="r-icon-button" aria-label="Close" title="Close (Esc)" disabled={!closable} onClick={() => onCloseRef.current()}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div className="report-dialog__body">{children}</div>
      {footer && <footer className="report-dialog__footer">{footer}</footer>}
    </dialog>
  );
};

export interface ToastMessage {
  id: number;
  text: string;
  tone: 'info' | 'error';
  action?: { label: string; run: () => void };
}

/** The line at the foot of a screen that confirms an action and offers Undo. */
export const Toast = ({ toast, onDismiss }: { toast: ToastMessage | null; onDismiss: () => void }) => {
  useEffect(() => {
    if (!toast || toast.tone === 'error') return;
    const timer = window.setTimeout(onDismiss, toast.action ? 15_000 : 5_000);
    return () => window.clearTimeout(timer);
  }, [toast, onDismiss]);
  return (
    <div className="report-toast-region" role="status" aria-live="polite">
      {toast && (
        <div className={`report-toast report-toast--${toast.tone}`} key={toast.id}>
          <span>{toast.text}</span>
          {toast.action && (
            <button type="button" className="report-toast__action" onClick={toast.action.run}>
              {toast.action.label}
            </button>
          )}
          <button type="button" className="r-icon-button r-icon-button--small" aria-label="Dismiss" title="Dismiss" onClick={onDismiss}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
    </div>
  );
};
