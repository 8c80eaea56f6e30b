import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal sheet on the native <dialog>: the browser traps focus, makes the page behind inert and
 * turns Esc into a cancel event, which we route to onClose so React owns the open state.
 * Focus goes to the element marked data-autofocus, and back where it was when the sheet closes.
 */
export const Sheet = ({
  title,
  description,
  onClose,
  children,
  footer,
  size = 'medium',
  className = '',
}: {
  title: ReactNode;
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  size?: 'small' | 'medium' | 'large';
  className?: string;
}) => {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnFocusTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    let unmounting = false;
    // Chrome may close a dialog itself after repeated Esc presses (close-request abuse guard).
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
      className={`sheet sheet--${size} ${className}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        event.stopPropagation();
        onCloseRef.current();
      }}
    >
      <header className="sheet__header">
        <div>
          <h2 id={titleId}>{title}</h2>
          {description && (
            <p id={descriptionId} className="sheet__description">
              {description}
            </p>
          )}
        </div>
        <button type="button" className="icon-button" aria-label="Close" title="Close (Esc)" onClick={() => onCloseRef.current()}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div className="sheet__body">{children}</div>
      {footer && <footer className="sheet__footer">{footer}</footer>}
    </dialog>
  );
};
