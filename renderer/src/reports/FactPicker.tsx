import { useEffect, useMemo, useRef, useState } from 'react';
import type { FactView } from '../../../electron/shared/contract/library';
import { formatPartialDate } from '../../../electron/shared/partial-date';
import { formatValue } from '../library/format';
import { useDebouncedValue } from '../library/use-debounced-value';
import { useFactSearch } from '../library/use-fact-search';
import { useFacets } from '../library/use-library-lists';

export type PickerTarget = { kind: 'cursor'; sectionHeading: string | null } | { kind: 'key-figures'; sectionHeading: string };

const dated = (fact: FactView): string => {
  if (fact.asOf) return `as of ${formatPartialDate(fact.asOf)}`;
  if (fact.source.published) return `published ${formatPartialDate(fact.source.published)}`;
  return 'undated';
};

/**
 * Facts from the Library, to put into the report: a click inserts the fact as a chip at the
 * caret (or as a key-figure box); the panel stays open for the next one. Search and filters are
 * the Library's own (facts:search, library:facets).
 */
export const FactPicker = ({
  target,
  citationNumbers,
  onInsert,
  onClose,
  lastInserted,
}: {
  target: PickerTarget;
  citationNumbers: ReadonlyMap<string, number>;
  /** `label` is a starting label for a key-figure box: the indicator's name, or the statement. */
  onInsert: (fact: FactView, as: 'chip' | 'key-figure', label: string) => void;
  onClose: () => void;
  lastInserted: { text: string; id: number } | null;
}) => {
  const [text, setText] = useState('');
  const [hasConflict, setHasConflict] = useState(false);
  const [indicator, setIndicator] = useState('');
  const [sourceId, setSourceId] = useState('');
  const [tag, setTag] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const debounced = useDebouncedValue(text, 120);
  const query = useMemo(
    () => ({
      query: debounced.trim().slice(0, 500),
      tags: tag ? [tag] : [],
      sourceIds: sourceId ? [sourceId] : [],
      indicators: indicator ? [indicator] : [],
      hasConflict,
    }),
    [debounced, tag, sourceId, indicator, hasConflict],
  );
  const search = useFactSearch(query, 0);
  const facets = useFacets(0);
  const filtersActive = (hasConflict ? 1 : 0) + (indicator ? 1 : 0) + (sourceId ? 1 : 0) + (tag ? 1 : 0);

  useEffect(() => {
    searchRef.current?.focus();
  }, []);

  // The results on screen are for an older search until the typed text has been searched.
  const pending = search.loading || text !== debounced;
  const primary: 'chip' | 'key-figure' = target.kind === 'key-figures' ? 'key-figure' : 'chip';
  const labelFor = (fact: FactView): string => {
    const indicator = facets.kind === 'loaded' && fact.indicator ? facets.value.indicators.find((entry) => entry.key === fact.indicator) : undefined;
    const text = indicator?.label ?? fact.statement;
    return text.length > 80 ? `${text.slice(0, 79).trimEnd()}…` : text;
  };

  return (
    <aside className="side-panel picker" aria-label="Insert a fact" data-native-undo="">
      <header className="side-panel__header">
        <h2>Insert a fact</h2>
        <button type="button" className="r-icon-button" aria-label="Close the fact picker" title="Close (Esc)" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <p className="picker__target">
        {target.kind === 'key-figures'
          ? `Click a fact to add it as a key figure in “${target.sectionHeading}”.`
          : target.sectionHeading
            ? `Click a fact to insert it at the cursor in “${target.sectionHeading}”.`
            : 'Click a fact to insert it at the cursor.'}
      </p>
      <div className="picker__search">
        <label className="r-visually-hidden" htmlFor="picker-search">
          Search facts
        </label>
        <input
          id="picker-search"
          ref={searchRef}
          type="search"
          className="r-input"
          placeholder="Search facts, quotes, sources…"
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && text) {
              event.preventDefault();
              event.stopPropagation();
              setText('');
            } else if (event.key === 'ArrowDown') {
              event.preventDefault();
              event.currentTarget.closest('.picker')?.querySelector<HTMLButtonElement>('.picker-row__main')?.focus();
            }
          }}
        />
      </div>
      <details className="picker__filters">
        <summary>Filters{filtersActive > 0 ? ` · ${filtersActive} on` : ''}</summary>
        <div className="picker__filter-grid">
          <label className="r-check">
            <input type="checkbox" checked={hasConflict} onChange={(event) => setHasConflict(event.target.checked)} />
            Has conflict
          </label>
          <label className="r-field">
            <span className="r-label">Indicator</span>
            <select className="r-input" value={indicator} onChange={(event) => setIndicator(event.target.value)}>
              <option value="">Any indicator</option>
              {facets.kind === 'loaded' &&
                facets.value.indicators.map((entry) => (
                  <option key={entry.key} value={entry.key}>
                    {entry.label} ({entry.count})
                  </option>
                ))}
            </select>
          </label>
          <label className="r-field">
            <span className="r-label">Source</span>
            <select className="r-input" value={sourceId} onChange={(event) => setSourceId(event.target.value)}>
              <option value="">Any source</option>
              {facets.kind === 'loaded' &&
                facets.value.sources.map((entry) => (
                  <option key={entry.id} value={entry.id}>
                    {[entry.outlet, entry.title].filter(Boolean).join(' — ')} ({entry.count})
                  </option>
                ))}
            </select>
          </label>
          <label className="r-field">
            <span className="r-label">Tag</span>
            <select className="r-input" value={tag} onChange={(event) => setTag(event.target.value)}>
              <option value="">Any tag</option>
              {facets.kind === 'loaded' &&
                facets.value.tags.map((entry) => (
                  <option key={entry.tag} value={entry.tag}>
                    {entry.tag} ({entry.count})
                  </option>
                ))}
            </select>
          </label>
          {filtersActive > 0 && (
            <button
              type="button"
              className="r-link-button"
              onClick={() => {
                setHasConflict(false);
                setIndicator('');
                setSourceId('');
                setTag('');
              }}
            >
              Clear filters
            </button>
          )}
        </div>
      </details>
      <p className="picker__count" aria-live="polite">
        {search.initial ? 'Loading facts…' : `${search.total} ${search.total === 1 ? 'fact' : 'facts'}`}
        {pending && !search.initial && ' · updating'}
      </p>
      <div className="picker__results" aria-busy={pending}>
        {search.error && (
          <div className="r-error" role="alert">
            The facts could not be loaded. {search.error.message}{' '}
            <button type="button" className="r-link-button" onClick={search.retry}>
              Try again
            </button>
          </div>
        )}
        {!search.initial && !search.error && search.items.length === 0 && (
          <p className="picker__empty">{debounced.trim() ? `No fact matches “${debounced.trim()}”. The search matches the start of words.` : 'No facts match these filters.'}</p>
        )}
        <ul className="picker__list">
          {search.items.map((fact) => {
            const number = citationNumbers.get(fact.id);
            const value = fact.value === null ? 'No figure' : formatValue(fact.value, fact.unit);
            return (
              <li key={fact.id} className="picker-row" data-fact-id={fact.id}>
                <button
                  type="button"
                  className="picker-row__main"
                  onClick={() => onInsert(fact, fact.value === null ? 'chip' : primary, labelFor(fact))}
                  title={primary === 'chip' ? 'Insert at the cursor' : 'Add as a key figure'}
                  onKeyDown={(event) => {
                    const row = event.currentTarget.closest('li');
                    if (event.key === 'ArrowDown') {
                      event.preventDefault();
                      row?.nextElementSibling?.querySelector<HTMLButtonElement>('.picker-row__main')?.focus();
                    } else if (event.key === 'ArrowUp') {
                      event.preventDefault();
                      const previous = row?.previousElementSibling?.querySelector<HTMLButtonElement>('.picker-row__main');
                      if (previous) previous.focus();
                      else searchRef.current?.focus();
                    }
                  }}
                >
                  <span className={`picker-row__value${fact.value === null ? ' picker-row__value--none' : ''}`}>{value}</span>
                  <span className="picker-row__statement">{fact.statement}</span>
                  <span className="picker-row__meta">
                    {fact.source.outlet ?? fact.source.title} · {dated(fact)}
                    {fact.inConflict && <span className="r-badge r-badge--conflict">Conflict</span>}
                    {fact.superseded && <span className="r-badge r-badge--muted">Superseded</span>}
                    {number !== undefined && <span className="r-badge r-badge--accent">In report · note {number}</span>}
                  </span>
                </button>
                <button
                  type="button"
                  className="picker-row__alt"
                  disabled={primary === 'chip' && fact.value === null}
                  onClick={() => onInsert(fact, primary === 'chip' ? 'key-figure' : 'chip', labelFor(fact))}
                  title={primary === 'chip' ? 'Add as a key-figure box (big number and label)' : 'Insert in the text instead'}
                >
                  {primary === 'chip' ? 'As key figure' : 'In text'}
                </button>
              </li>
            );
          })}
        </ul>
        {search.items.length < search.total && (
          <button type="button" className="r-button r-button--small picker__more" onClick={search.loadMore}>
            Show more
          </button>
        )}
      </div>
      <p className="picker__confirmation" role="status" aria-live="polite">
        {lastInserted && <span key={lastInserted.id}>{lastInserted.text}</span>}
      </p>
    </aside>
  );
};
