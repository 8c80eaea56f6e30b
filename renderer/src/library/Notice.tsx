export interface NoticeMessage {
  id: number;
  text: string;
  tone: 'info' | 'error';
  action?: { label: string; shortcut?: string; run: () => void };
}

/** The line at the foot of the Library that confirms an action and offers Undo. */
export const Notice = ({ notice, onDismiss }: { notice: NoticeMessage | null; onDismiss: () => void }) => (
  <div className="notice-region" role="status" aria-live="polite">
    {notice && (
      <div className={`notice notice--${notice.tone}`} key={notice.id}>
        <span className="notice__text">{notice.text}</span>
        {notice.action && (
          <button
            type="button"
            className="notice__action"
            title={notice.action.shortcut ? `${notice.action.label} (${notice.action.shortcut})` : undefined}
            onClick={notice.action.run}
          >
            {notice.action.label}
          </button>
        )}
        <button type="button" className="icon-button icon-button--small" aria-label="Dismiss" title="Dismiss" onClick={onDismiss}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
    )}
  </div>
);
