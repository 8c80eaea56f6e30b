import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import '../styles/library.css';
import type { Status } from '../../../electron/shared/contract/app';
import type { Fact } from '../../../electron/shared/entities';
import { useApi } from '../api/api-context';
import { TopBarActions } from '../app/Frame';
import { collectFactIds, exportBundle, importBundle } from './bundle';
import { ConflictComparison } from './ConflictComparison';
import { FactDetail } from './FactDetail';
import { FactForm, type FactFormMode } from './FactForm';
import { FactList } from './FactList';
import { FilterPane } from './FilterPane';
import { countActiveFilters, noFilters, toQuery, type Filters } from './filters';
import { pluralise } from './format';
import { ImportSheet } from './ImportSheet';
import { LibraryEmptyState } from './LibraryEmptyState';
import { Menu } from '../ui/Menu';
import { Notice, type NoticeMessage } from '../ui/Notice';
import { Sheet } from '../ui/Sheet';
import { SourceForm, type SourceFormMode } from './SourceForm';
import { useDebouncedValue } from './use-debounced-value';
import { useFactDetail } from './use-fact-detail';
import { useFactSearch } from './use-fact-search';
import { IMPORT_ACCEPT, useImport } from './use-import';
import { useFacets, useSources } from './use-library-lists';

type OpenSheet =
  | { kind: 'none' }
  | { kind: 'fact-form'; mode: FactFormMode }
  | { kind: 'source-form'; mode: SourceFormMode }
  | { kind: 'comparison'; factId: string }
  | { kind: 'refusal'; title: string; message: string };

const isEditable = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

const aDialogIsOpen = (): boolean => document.querySelector('dialog[open]') !== null;

const shorten = (text: string, length = 60): string => (text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text);

export const LibraryScreen = ({
  status,
  active,
  searchText,
  onSearchTextChange,
  onLibraryChanged,
}: {
  status: Status;
  /** False while another place is shown: the screen stays mounted but takes no shortcuts. */
  active: boolean;
  searchText: string;
  onSearchTextChange: (text: string) => void;
  onLibraryChanged: () => Promise<void> | void;
}) => {
  const api = useApi();
  const [version, setVersion] = useState(0);
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [sheet, setSheet] = useState<OpenSheet>({ kind: 'none' });
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [dragging, setDragging] = useState(false);
  const importer = useImport();
  const importInputRef = useRef<HTMLInputElement>(null);
  const bundleInputRef = useRef<HTMLInputElement>(null);
  const noticeId = useRef(0);

  const debouncedText = useDebouncedValue(searchText, 120);
  const query = useMemo(() => toQuery(filters, debouncedText), [filters, debouncedText]);
  const search = useFactSearch(query, version);
  const facets = useFacets(version);
  const sources = useSources(version);
  const detail = useFactDetail(selectedId, version);

  const show = useCallback((text: string, tone: NoticeMessage['tone'] = 'info', action?: NoticeMessage['action']) => {
    noticeId.current += 1;
    setNotice({ id: noticeId.current, text, tone, action });
  }, []);

  // Confirmations fade after a while; an offer to undo stays a little longer.
  useEffect(() => {
    if (!notice || notice.tone === 'error') return;
    const timer = window.setTimeout(() => setNotice((current) => (current?.id === notice.id ? null : current)), notice.action ? 20_000 : 6_000);
    return () => window.clearTimeout(timer);
  }, [notice]);

  const changed = useCallback(() => {
    setVersion((value) => value + 1);
    void onLibraryChanged();
  }, [onLibraryChanged]);

  const clearFilters = useCallback(() => {
    setFilters(noFilters);
    onSearchTextChange('');
  }, [onSearchTextChange]);

  const indicatorLabel = useCallback(
    (key: string) => (facets.kind === 'loaded' ? (facets.value.indicators.find((indicator) => indicator.key === key)?.label ?? key) : key),
    [facets],
  );

  // ---- actions -------------------------------------------------------------------------------

  const restore = useCallback(
    async (undoToken: string, reselect: string | null) => {
      const result = await api.call('trash:restore', { undoToken });
      if (!result.ok) {
        show(result.error.message, 'error');
        return;
      }
      changed();
      if (reselect) setSelectedId(reselect);
      show(result.value.sources > 0 ? `Restored the source and ${pluralise(result.value.facts, 'fact')}.` : `Restored ${pluralise(result.value.facts, 'fact')}.`);
    },
    [api, changed, show],
  );

  const deleteFact = useCallback(
    async (fact: Fact) => {
      const result = await api.call('facts:delete', { id: fact.id });
      if (!result.ok) {
        show(result.error.message, 'error');
        return;
      }
      const index = search.items.findIndex((item) => item.id === fact.id);
      const neighbour = search.items[index + 1] ?? search.items[index - 1] ?? null;
      setSelectedId(neighbour?.id ?? null);
      changed();
      const { undoToken } = result.value;
      show(`Deleted “${shorten(fact.statement)}”`, 'info', { label: 'Undo', shortcut: 'Ctrl+Z', run: () => void restore(undoToken, fact.id) });
    },
    [api, changed, restore, search.items, show],
  );

  const openImportPicker = useCallback(() => importInputRef.current?.click(), []);

  const onImportFile = useCallback(
    (file: File | undefined) => {
      if (!file) return;
      setSheet({ kind: 'none' });
      void importer.start(file);
    },
    [importer],
  );

  const exportLibrary = useCallback(
    async (onlyShown: boolean) => {
      let factIds: string[] | undefined;
      if (onlyShown) {
        const collected = await collectFactIds(api, query);
        if (!collected.ok) {
          show(collected.message, 'error');
          return;
        }
        factIds = collected.ids;
      }
      const result = await exportBundle(api, factIds);
      if (result.ok) show(`Exported ${pluralise(result.facts, 'fact')} to ${result.fileName}.`);
      else show(result.message, 'error');
    },
    [api, query, show],
  );

  const onBundleFile = useCallback(
    async (file: File | undefined) => {
      if (!file) return;
      const result = await importBundle(api, file);
      if (!result.ok) {
        // The core explains why a bundle is refused; show its whole message, not a summary.
        setSheet({ kind: 'refusal', title: `“${file.name}” was not imported`, message: result.message });
        return;
      }
      changed();
      const { facts, sources: sourceCounts } = result.value;
      show(
        `Imported “${file.name}”: ${pluralise(facts.added, 'fact')} added, ${formatUpdated(facts.updated)}; ${pluralise(sourceCounts.added, 'source')} added, ${formatUpdated(sourceCounts.updated)}.`,
      );
    },
    [api, changed, show],
  );

  const selectedFact = detail.kind === 'loaded' && detail.value.fact.id === selectedId ? detail.value.fact : null;

  // ---- keyboard ------------------------------------------------------------------------------

  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || aDialogIsOpen()) return;
      const ctrl = event.ctrlKey || event.metaKey;
      // From the search box, ↓ or Enter goes to the results (and opens the first one).
      if ((event.key === 'ArrowDown' || event.key === 'Enter') && !ctrl && event.target instanceof HTMLInputElement && event.target.id === 'frame-search') {
        const row = document.querySelector<HTMLButtonElement>('.fact-list .fact-row__main[tabindex="0"]');
        if (row) {
          event.preventDefault();
          row.focus();
          row.click();
        }
        return;
      }
      if (ctrl && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'i') {
        event.preventDefault();
        openImportPicker();
      } else if (ctrl && !event.shiftKey && event.key.toLowerCase() === 'z' && !isEditable(event.target) && notice?.action?.label === 'Undo') {
        event.preventDefault();
        notice.action.run();
      } else if (event.key === 'Escape' && selectedId && !ctrl) {
        event.preventDefault();
        setSelectedId(null);
      } else if (!ctrl && !event.altKey && !isEditable(event.target) && selectedFact) {
        if (event.key === 'Delete') {
          event.preventDefault();
          void deleteFact(selectedFact);
        } else if (event.key === 'e' || event.key === 'E') {
          event.preventDefault();
          setSheet({ kind: 'fact-form', mode: { kind: 'edit', fact: selectedFact } });
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, deleteFact, notice, openImportPicker, selectedFact, selectedId]);

  // A file dropped outside the drop zone must not make the window navigate to it.
  useEffect(() => {
    const prevent = (event: globalThis.DragEvent) => event.preventDefault();
    window.addEventListener('dragover', prevent);
    window.addEventListener('drop', prevent);
    return () => {
      window.removeEventListener('dragover', prevent);
      window.removeEventListener('drop', prevent);
    };
  }, []);

  const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');
  const dropHandlers = {
    onDragEnter: (event: DragEvent) => {
      if (carriesFiles(event) && !aDialogIsOpen()) setDragging(true);
    },
    onDragOver: (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave: (event: DragEvent) => {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
    },
    onDrop: (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      const files = [...event.dataTransfer.files];
      if (files.length > 1) show(`Dossier imports one document at a time: reviewing “${files[0]!.name}” first.`);
      onImportFile(files[0]);
    },
  };

  // ---- layout --------------------------------------------------------------------------------

  const activeFilters = countActiveFilters(filters);
  const searching = debouncedText.trim() !== '';
  const libraryEmpty = !search.initial && !search.loading && !search.error && search.total === 0 && activeFilters === 0 && !searching;

  let results;
  if (search.initial) {
    results = (
      <div className="results__state" role="status">
        <div className="skeleton" aria-hidden="true" />
        <div className="skeleton" aria-hidden="true" />
        <div className="skeleton" aria-hidden="true" />
        <span className="visually-hidden">Loading facts…</span>
      </div>
    );
  } else if (search.error && search.items.length === 0) {
    results = (
      <div className="results__state results__state--error" role="alert">
        <p>The facts could not be loaded. {search.error.message}</p>
        <button type="button" className="button" onClick={search.retry}>
          Try again
        </button>
      </div>
    );
  } else if (search.items.length === 0 && !libraryEmpty) {
    results = (
      <div className="results__state">
        <h2>No facts match</h2>
        <p>
          {searching ? `Nothing matches “${debouncedText.trim()}”` : 'Nothing matches'}
          {activeFilters > 0 ? ` with ${activeFilters === 1 ? 'the filter' : `${activeFilters} filters`} you chose.` : '.'}
          {searching && ' Try fewer or shorter words: the search matches the start of words.'}
        </p>
        <button type="button" className="button" onClick={clearFilters}>
          Clear search and filters
        </button>
      </div>
    );
  } else {
    results = (
      <FactList
        items={search.items}
        total={search.total}
        selectedId={selectedId}
        onSelect={setSelectedId}
        onOpenConflict={(id) => {
          setSelectedId(id);
          setSheet({ kind: 'comparison', factId: id });
        }}
        onNearEnd={search.loadMore}
      />
    );
  }

  const comparison =
    sheet.kind === 'comparison' && detail.kind === 'loaded' && detail.value.fact.id === sheet.factId && detail.value.conflict ? detail.value.conflict : null;

  return (
    <section className="library" aria-labelledby="library-title" {...dropHandlers}>
      {active && (
        <TopBarActions>
          <button type="button" className="button" title="Add a fact by hand" onClick={() => setSheet({ kind: 'fact-form', mode: { kind: 'create', presetSourceId: null } })}>
            Add fact
          </button>
          <button type="button" className="button" title="Add a source document" onClick={() => setSheet({ kind: 'source-form', mode: { kind: 'create' } })}>
            Add source
          </button>
          <button type="button" className="button button--primary" title="Import a .txt, .md or .html document (Ctrl+I)" onClick={openImportPicker}>
            Import…
          </button>
          <Menu
            label="Library file"
            title="Export or import a whole library as a .json bundle"
            items={[
              { label: 'Export the whole library', run: () => void exportLibrary(false) },
              ...(activeFilters > 0 || searching
                ? [{ label: `Export the ${pluralise(search.total, 'fact')} shown`, disabled: search.total === 0, run: () => void exportLibrary(true) }]
                : []),
              { label: 'Import a library file…', run: () => bundleInputRef.current?.click() },
            ]}
          />
        </TopBarActions>
      )}
      <input
        ref={importInputRef}
        type="file"
        accept={IMPORT_ACCEPT}
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Import a document"
        data-testid="import-document-input"
        onChange={(event) => {
          onImportFile(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
      <input
        ref={bundleInputRef}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Import a library file"
        data-testid="import-bundle-input"
        onChange={(event) => {
          void onBundleFile(event.target.files?.[0]);
          event.target.value = '';
        }}
      />

      <FilterPane counts={status.counts} facets={facets} filters={filters} onChange={setFilters} onClear={() => setFilters(noFilters)} />

      {libraryEmpty ? (
        <div className="library__empty-span">
          <LibraryEmptyState onImport={openImportPicker} onAddFact={() => setSheet({ kind: 'fact-form', mode: { kind: 'create', presetSourceId: null } })} />
        </div>
      ) : (
        <>
          <section className="results" aria-label="Results" aria-busy={search.initial || search.loading || searchText !== debouncedText || undefined}>
            <header className="results__header">
              <p className="results__count" aria-live="polite">
                {search.initial ? 'Loading…' : `${pluralise(search.total, 'fact')}${searching ? ` for “${shorten(debouncedText.trim(), 30)}”` : ''}`}
                {search.indexing && !search.initial && <span className="results__busy"> · newest first while the library is being indexed</span>}
                {(search.loading || searchText !== debouncedText) && !search.initial && <span className="results__busy"> · updating</span>}
              </p>
              {(activeFilters > 0 || searching) && (
                <button type="button" className="link-button" onClick={clearFilters}>
                  Clear all
                </button>
              )}
            </header>
            {results}
          </section>
          <FactDetail
            state={detail}
            indicatorLabel={indicatorLabel}
            onEdit={() => selectedFact && setSheet({ kind: 'fact-form', mode: { kind: 'edit', fact: selectedFact } })}
            onDelete={() => selectedFact && void deleteFact(selectedFact)}
            onEditSource={(sourceId) => setSheet({ kind: 'source-form', mode: { kind: 'edit', sourceId } })}
            onCompare={() => selectedId && setSheet({ kind: 'comparison', factId: selectedId })}
            onClose={() => setSelectedId(null)}
          />
        </>
      )}

      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop a .txt, .md or .html file to review the figures in it</p>
        </div>
      )}

      <Notice notice={notice} onDismiss={() => setNotice(null)} />

      {sheet.kind === 'fact-form' && (
        <FactForm
          mode={sheet.mode}
          sources={sources}
          facets={facets}
          onClose={() => setSheet({ kind: 'none' })}
          onSourceCreated={changed}
          onSaved={(fact) => {
            setSheet({ kind: 'none' });
            setSelectedId(fact.id);
            changed();
            show(sheet.mode.kind === 'edit' ? 'Fact saved.' : 'Fact added.');
          }}
        />
      )}
      {sheet.kind === 'source-form' && (
        <SourceForm
          mode={sheet.mode}
          onClose={() => setSheet({ kind: 'none' })}
          onSaved={(source) => {
            setSheet({ kind: 'none' });
            changed();
            show(sheet.mode.kind === 'edit' ? `Source saved: “${shorten(source.title)}”.` : `Source added: “${shorten(source.title)}”. Add facts from it with Add fact.`);
          }}
          onDeleted={(receipt, source) => {
            setSheet({ kind: 'none' });
            setSelectedId(null);
            changed();
            show(`Deleted “${shorten(source.title)}” and ${pluralise(receipt.facts, 'fact')}.`, 'info', {
              label: 'Undo',
              shortcut: 'Ctrl+Z',
              run: () => void restore(receipt.undoToken, null),
            });
          }}
        />
      )}
      {comparison && selectedId && (
        <ConflictComparison
          conflict={comparison}
          currentFactId={selectedId}
          onClose={() => setSheet({ kind: 'none' })}
          onShowFact={(id) => {
            setSheet({ kind: 'none' });
            setSelectedId(id);
          }}
        />
      )}
      {sheet.kind === 'refusal' && (
        <Sheet
          title={sheet.title}
          onClose={() => setSheet({ kind: 'none' })}
          size="small"
          footer={
            <button type="button" className="button button--primary" data-autofocus="" onClick={() => setSheet({ kind: 'none' })}>
              OK
            </button>
          }
        >
          <p role="alert" className="refusal">
            {sheet.message}
          </p>
          <p>Your library was not changed.</p>
        </Sheet>
      )}
      {importer.state.kind !== 'idle' && (
        <ImportSheet
          key={importer.state.fileName}
          state={importer.state}
          facets={facets}
          onClose={importer.reset}
          onPickAnother={() => {
            importer.reset();
            openImportPicker();
          }}
          onCommitted={(result) => {
            importer.reset();
            changed();
            // Show what was just added: the new source's facts, with the filter visible to clear.
            setFilters({ ...noFilters, sourceIds: [result.source.id] });
            onSearchTextChange('');
            setSelectedId(result.facts[0]?.id ?? null);
            show(`Added ${pluralise(result.facts.length, 'fact')} from “${shorten(result.source.title)}”. Showing them now.`);
          }}
        />
      )}
    </section>
  );
};

const formatUpdated = (count: number): string => `${count} updated`;
