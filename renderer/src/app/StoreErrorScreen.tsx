import { useState } from 'react';
import type { Status } from '../../../electron/shared/contract/app';
import { useApi } from '../api/api-context';
import { describeBackup, useBackups } from './use-backups';

const titles: Record<Exclude<Status['store']['state'], 'ready'>, string> = {
  corrupt: 'Your library file could not be read',
  'newer-schema': 'This library was saved by a newer version of Dossier',
  unreadable: 'Dossier cannot open its data folder',
};

/** A store that could not be opened: say what happened, where the file is, what to do. */
export const StoreErrorScreen = ({ status, onChanged }: { status: Status; onChanged: () => Promise<void> }) => {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const { backups, restore } = useBackups(true);
  const newest = backups?.[0] ?? null;
  const store = status.store;
  if (store.state === 'ready') return null;

  const startFresh = async () => {
    const result = await api.call('store:start-fresh');
    if (!result.ok) setError(result.error.message);
    else await onChanged();
  };

  const restoreNewest = async () => {
    if (!newest) return;
    const result = await restore(newest.name);
    if (!result.ok) setError(result.error.message);
    else await onChanged();
  };

  return (
    <div className="full-page full-page--error" role="alert">
      <h1>{titles[store.state]}</h1>
      <p>{store.message}</p>
      <dl className="facts-list">
        <dt>Library file</dt>
        <dd>
          <code>{store.path}</code>
        </dd>
        {store.state === 'corrupt' && (
          <>
            <dt>Moved aside to</dt>
            <dd>
              <code>{store.movedTo}</code>
            </dd>
          </>
        )}
      </dl>
      {newest && store.state !== 'newer-schema' && (
        <section className="restore-offer" aria-label="Newest backup">
          <p>
            The newest backup is from <strong>{describeBackup(newest)}</strong>.
          </p>
          {confirming ? (
            <>
              <p>Restore it? Anything changed since then is not in it; nothing else is deleted.</p>
              <button type="button" className="button button--primary" onClick={() => void restoreNewest()}>
                Restore this backup
              </button>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </>
          ) : (
            <button type="button" className="button button--primary" onClick={() => setConfirming(true)}>
              Restore the newest backup…
            </button>
          )}
        </section>
      )}
      {store.state === 'corrupt' && (
        <>
          <p>
            Nothing was deleted. You can start a new library from the bundled documents now and recover
            from the moved file later, or quit and restore a backup copy of <code>dossier.json</code> into the data folder.
          </p>
          <button type="button" className={newest ? 'button' : 'button button--primary'} onClick={() => void startFresh()}>
            Start a new library
          </button>
        </>
      )}
      {store.state === 'newer-schema' && <p>Install the newest version of Dossier, then open it again. The file has not been changed.</p>}
      {store.state === 'unreadable' && <p>Check that the folder exists and that you may write to it, then try again.</p>}
      {error && <p className="error-text">{error}</p>}
    </div>
  );
};
