import { useEffect } from 'react';

export interface NoticeMessage {
  id: number;
  text: string;
  tone: 'info' | 'error';
  action?: { label: string; shortcut?: string; run: () => void };
}

/** The two looks in use: the Library's notices and the report screens' toasts (their own CSS). */
const LOOKS = {
  library: { region: 'notice-region', box: 'notice', text: 'notice__text', action: 'notice__action', dismiss: 'icon-button icon-button--small' },
  report: { region: 'report-toast-region', box: 'report-toast', text: undefined, action: 'report-toast__action', dismiss: 'r-icon-button r-icon-button--small' },
} as const;

/**
 * The line at the foot of a screen that confirms an action and offers Undo. With `autoDismiss`,
 * an information goes after 5 s (15 s when it offers an action); errors stay until dismissed.
 */
export const Notice = ({
  notice,
  onDismiss,
  look = 'library',
  autoDismiss = false,
}: {
  notice: NoticeMessage | null;
  onDismiss: () => void;
  look?: keyof typeof LOOKS;
  autoDismiss?: boolean;
}) => {
  useEffect(() => {
    if (!autoDismiss || !notice || notice.tone === 'error') return;
    const timer = window.setTimeout(onDismiss, notice.action ? 15_000 : 5_000);
    return () => window.clearTimeout(timer);
  }, [autoDismiss, notice, onDismiss]);
  const classes = LOOKS[look];
  return (
    <div className={classes.region} role="status" aria-live="polite">
      {notice && (
        <div className={`${classes.box} ${classes.box}--${notice.tone}`} key={notice.id}>
          <span className={classes.text}>{notice.text}</span>
          {notice.action && (
            <button
              type="button"
              className={classes.action}
              title={notice.action.shortcut ? `${notice.action.label} (${notice.action.shortcut})` : undefined}
              onClick={notice.action.run}
            >
              {notice.action.label}
            </button>
          )}
          <button type="button" className={classes.dismiss} aria-label="Dismiss" title="Dismiss" onClick={onDismiss}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
    </div>
  );
};
