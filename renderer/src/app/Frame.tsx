import { createContext, useContext, useState, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import type { Status } from '../../../electron/shared/contract/app';
import { BackupsDialog } from './BackupsDialog';

export type Place = 'library' | 'reports';

const places: { id: Place; label: string; shortcut: string }[] = [
  { id: 'library', label: 'Library', shortcut: 'Ctrl+1' },
  { id: 'reports', label: 'Reports', shortcut: 'Ctrl+2' },
];

/** Where a screen puts its own buttons in the top bar (see TopBarActions). */
const TopBarSlot = createContext<HTMLElement | null>(null);

/** Renders a screen's actions into the frame's top bar, beside the search box. */
export const TopBarActions = ({ children }: { children: ReactNode }) => {
  const slot = useContext(TopBarSlot);
  return slot ? createPortal(children, slot) : null;
};

export interface SearchBox {
  value: string;
  onChange: (value: string) => void;
}

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

/** Said only when the library speed-ups are off because an installed version differs: exports are still right, only slower. */
const PatchState = ({ status }: { status: Status }) => {
  const patches = status.libraryPatches;
  if (patches.active || patches.mismatches.length === 0) return null;
  return (
    <p className="rail__save" role="status" title={patches.summary}>
      Speed-ups off (library versions differ)
    </p>
  );
};

/** Every screen holds state from the old library, so a restore reloads the page. */
const BackupsButton = () => {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="rail__link" onClick={() => setOpen(true)}>
        Backups…
      </button>
      <BackupsDialog open={open} onClose={() => setOpen(false)} onRestored={async () => window.location.reload()} />
    </>
  );
};

export const Frame = ({
  place,
  onPlace,
  status,
  search,
  searchRef,
  title,
  children,
}: {
  place: Place;
  onPlace: (place: Place) => void;
  status: Status;
  search: SearchBox;
  /** The search input, so Ctrl+K can focus it from anywhere. */
  searchRef: RefObject<HTMLInputElement | null>;
  /** The open report's title, when there is one. */
  title?: ReactNode;
  children: ReactNode;
}) => {
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  return (
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
            {/* Left-to-right marks keep a path's leading "/" in place inside the right-to-left ellipsis box. */}
            {`\u200e${status.dataDir}\u200e`}
          </p>
          <SaveState status={status} />
          <PatchState status={status} />
          <BackupsButton />
        </div>
      </nav>
      <div className="frame__body">
        <header className="topbar">
          <div className="topbar__search" role="search">
            <label htmlFor="frame-search" className="visually-hidden">
              Search the library
            </label>
            <span className="topbar__search-icon" aria-hidden="true" />
            <input
              id="frame-search"
              ref={searchRef}
              type="search"
              className="topbar__input"
              placeholder="Search facts, quotes, sources…"
              title="Search the library (Ctrl+K). Press ↓ to go to the results, Esc to clear."
              autoComplete="off"
              spellCheck={false}
              value={search.value}
              onChange={(event) => search.onChange(event.target.value)}
              onKeyDown={(event) => {
                // Esc first clears the search; with nothing to clear it closes the open panel.
                if (event.key === 'Escape' && search.value) {
                  event.preventDefault();
                  event.stopPropagation();
                  search.onChange('');
                }
              }}
            />
            <kbd className="topbar__kbd" aria-hidden="true">
              Ctrl K
            </kbd>
          </div>
          {title && <div className="topbar__title">{title}</div>}
          <div className="topbar__actions" ref={setSlot} />
        </header>
        <TopBarSlot.Provider value={slot}>
          <main className="frame__main">{children}</main>
        </TopBarSlot.Provider>
      </div>
    </div>
  );
};
