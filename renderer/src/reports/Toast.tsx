import { useEffect } from 'react';

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
