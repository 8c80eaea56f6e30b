import { useEffect, useRef, useState } from 'react';
import { Frame, type Place } from './Frame';
import { StoreErrorScreen } from './StoreErrorScreen';
import { useStatus } from './use-status';
import { LibraryScreen } from '../library/LibraryScreen';
import { ReportsScreen } from '../reports/ReportsScreen';

export const App = () => {
  const { state, refresh } = useStatus();
  const [place, setPlace] = useState<Place>('library');
  const [searchText, setSearchText] = useState('');
  // Ctrl+N from anywhere: Reports opens with the template chooser (each press a new request).
  const [newReportRequest, setNewReportRequest] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) return;
      if (event.key === '1') setPlace('library');
      else if (event.key === '2') setPlace('reports');
      else if (event.key.toLowerCase() === 'k') {
        // The search finds facts, so it brings the Library forward.
        setPlace('library');
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (event.key.toLowerCase() === 'n' && !document.querySelector('dialog[open]')) {
        setPlace('reports');
        setNewReportRequest((count) => count + 1);
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (state.kind === 'loading') {
    return (
      <div className="full-page" role="status" aria-live="polite">
        Opening your library…
      </div>
    );
  }
  if (state.kind === 'error') {
    return (
      <div className="full-page full-page--error" role="alert">
        <h1>Dossier cannot reach its library</h1>
        <p>{state.error.message}</p>
        <button type="button" className="button" onClick={() => void refresh()}>
          Try again
        </button>
      </div>
    );
  }
  const { status } = state;
  if (status.store.state !== 'ready') return <StoreErrorScreen status={status} onChanged={refresh} />;

  const search = {
    value: searchText,
    onChange: (value: string) => {
      setSearchText(value);
      if (place !== 'library') setPlace('library');
    },
  };

  return (
    <Frame place={place} onPlace={setPlace} status={status} search={search} searchRef={searchRef}>
      {/* The Library stays mounted while Reports is shown, so its filters and selection survive the trip. */}
      <div className="frame__screen" hidden={place !== 'library'}>
        <LibraryScreen status={status} active={place === 'library'} searchText={searchText} onSearchTextChange={setSearchText} onLibraryChanged={refresh} />
      </div>
      {place === 'reports' && <ReportsScreen status={status} newReportRequest={newReportRequest} />}
    </Frame>
  );
};
