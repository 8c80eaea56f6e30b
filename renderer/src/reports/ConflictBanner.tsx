import { useState } from 'react';

/**
 * Shown when a save was refused because the report changed (or was deleted) in another window
 * since this one opened it (issue 13 §2). Calm, not alarming: nothing is lost yet, the user's text
 * is still on screen, and each way out keeps one version whole. While a choice runs the banner is
 * aria-busy, so tests and assistive technology wait on it rather than on time.
 */
export const ConflictBanner = ({ message, deleted, onReload, onKeepCopy }: { message: string; deleted: boolean; onReload: () => void; onKeepCopy: () => Promise<void> }) => {
  const [busy, setBusy] = useState(false);
  const keepCopy = async () => {
    setBusy(true);
    try {
      await onKeepCopy();
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="conflict-banner" role="alert" aria-busy={busy} data-state={deleted ? 'deleted' : 'changed'}>
      <p className="conflict-banner__text">
        {message} What you typed here is still on screen; autosave is paused until you choose.
      </p>
      <div className="conflict-banner__actions">
        {!deleted && (
          <button type="button" className="r-button" disabled={busy} onClick={onReload} title="Open the version saved in the other window; your changes here are dropped">
            Reload
          </button>
        )}
        <button type="button" className="r-button r-button--primary" disabled={busy} onClick={() => void keepCopy()} title="Save what is on screen as a new report, and open it">
          Keep my version as a copy
        </button>
      </div>
    </div>
  );
};
