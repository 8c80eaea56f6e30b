import { useEffect, useRef, useState } from 'react';
import { describeBackup, useBackups } from './use-backups';

/** Lists the rolling backups; restoring one asks first and keeps the current library beside it. */
export const BackupsDialog = ({ open, onClose, onRestored }: { open: boolean; onClose: () => void; onRestored: () => Promise<void> }) => {
  const dialog = useRef<HTMLDialogElement>(null);
  const { backups, problem, restore } = useBackups(open);
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const confirmRestore = async () => {
    if (!pending) return;
    const result = await restore(pending);
    if (!result.ok) return setError(result.error.message);
    setPending(null);
    onClose();
    await onRestored();
  };

  return (
    <dialog ref={dialog} className="backups" aria-labelledby="backups-title" onClose={onClose}>
      <h2 id="backups-title">Backups</h2>
      <p className="backups__intro">Dossier keeps up to 10 copies of your library a day, for 7 days. Restoring one keeps the current library beside it.</p>
      {problem && <p className="error-text">{problem}</p>}
      {backups === null ? (
        <p role="status">Loading backups…</p>
      ) : backups.length === 0 ? (
        <p>No backups yet: the first is made when the library is saved.</p>
      ) : (
        <ul className="backups__list">
          {backups.map((backup) => (
            <li key={backup.name}>
              <span>{describeBackup(backup)}</span>
              <button type="button" className="button" onClick={() => setPending(backup.name)}>
                Restore…
              </button>
            </li>
          ))}
        </ul>
      )}
      {pending && (
        <div className="backups__confirm" role="alertdialog" aria-labelledby="backups-confirm">
          <p id="backups-confirm">
            Replace the current library with the backup <code>{pending}</code>? The current library is kept as a file beside it.
          </p>
          <button type="button" className="button button--primary" onClick={() => void confirmRestore()}>
            Restore this backup
          </button>
          <button type="button" className="button" onClick={() => setPending(null)}>
            Cancel
          </button>
        </div>
      )}
      {error && <p className="error-text">{error}</p>}
      <div className="backups__actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
};
