import type { ReactNode } from 'react';
import type { Status } from '../../../electron/shared/contract/app';

export type Place = 'library' | 'reports';

const places: { id: Place; label: string; shortcut: string }[] = [
  { id: 'library', label: 'Library', shortcut: 'Ctrl+1' },
  { id: 'reports', label: 'Reports', shortcut: 'Ctrl+2' },
];

const SaveState = ({ status }: { status: Status }) => {
  const { lastWrite } = status;
  if (lastWrite.state === 'failed') {
    return (
      <p className="rail__save rail__save--failed" role="alert" title={lastWrite.message ?? ''}>
        Not saved: {lastWrite.message}
      </p>
    );
  }
  return <p className="rail__save">{lastWrite.state === 'saved' ? 'All changes saved' : 'Library up to date'}</p>;
};

export const Frame = ({ place, onPlace, status, children }: { place: Place; onPlace: (place: Place) => void; status: Status; children: ReactNode }) => (
  <div className="frame">
    <nav className="rail" aria-label="Main">
      <div className="rail__brand">Dossier</div>
      <ul className="rail__places">
        {places.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className="rail__place"
              aria-current={place === item.id ? 'page' : undefined}
              title={`${item.label} (${item.shortcut})`}
              onClick={() => onPlace(item.id)}
            >
              {item.label}
            </button>
          </li>
        ))}
      </ul>
      <div className="rail__footer">
        <p className="rail__label">Data folder</p>
        <p className="rail__path" title={status.dataDir}>
          {status.dataDir}
        </p>
        <SaveState status={status} />
      </div>
    </nav>
    <main className="frame__main">{children}</main>
  </div>
);
