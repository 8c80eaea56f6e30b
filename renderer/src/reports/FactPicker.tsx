import { useEffect, useMemo, useRef, useState } from 'react';
import type { FactView } from '../../../electron/shared/contract/library';
import { FactSearchCount, FactSearchInput, FactSearchResults, FactSummary } from '../library/FactSearchList';
import { useFactSearchBox } from '../library/use-fact-search-box';
import { useFacets } from '../library/use-library-lists';

export type PickerTarget = { kind: 'cursor'; sectionHeading: string | null } | { kind: 'key-figures'; sectionHeading: string };

const RESULTS_CLASSES = { results: 'picker__results', error: 'r-error', retry: 'r-link-button', empty: 'picker__empty', list: 'picker__list', more: 'r-button r-button--small picker__more' };
const BADGES = { conflict: 'r-badge r-badge--conflict', superseded: 'r-badge r-badge--muted' };

/** One filter: "Any …" or one of the Library's values. */
const FilterSelect = ({
  label,
  anyLabel,
  value,
  onChange,
  options,
}: {
  label: string;
  anyLabel: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
}) => (
  <label className="r-field">
    <span className="r-label">{label}</span>
    <select className="r-input" value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">{anyLabel}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  </label>
);

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
  const [hasConflict, setHasConflict] = useState(false);
  const [indicator, setIndicator] = useState('');
  const [sourceId, setSourceId] = useState('');
  const [tag, setTag] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const filters = useMemo(
    () => ({ tags: tag ? [tag] : [], sourceIds: sourceId ? [sourceId] : [], indicators: indicator ? [indicator] : [], hasConflict }),
    [tag, sourceId, indicator, hasConflict],
  );
  const box = useFactSearchBox(filters, 120);
  const facets = useFacets(0);
  const loaded = facets.kind === 'loaded' ? facets.value : null;
  const filtersActive = (hasConflict ? 1 : 0) + (indicator ? 1 : 0) + (sourceId ? 1 : 0) + (tag ? 1 : 0);

  useEffect(() => {
    searchRef.current?.focus();
  }, []);

  const primary: 'chip' | 'key-figure' = target.kind === 'key-figures' ? 'key-figure' : 'chip';
  const labelFor = (fact: FactView): string => {
    const indicator = loaded && fact.indicator ? loaded.indicators.find((entry) => entry.key === fact.indicator) : undefined;
    const text = indicator?.label ?? fact.statement;
    return text.length > 80 ? `${text.slice(0, 79).trimEnd()}…` : text;
  };

  const renderRow = (fact: FactView) => {
    const number = citationNumbers.get(fact.id);
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
          <FactSummary fact={fact} block="picker-row" badges={BADGES}>
            {number !== undefined && <span className="r-badge r-badge--accent">In report · note {number}</span>}
          </FactSummary>
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
        <FactSearchInput
          box={box}
          id="picker-search"
          inputRef={searchRef}
          className="r-input"
          labelClassName="r-visually-hidden"
          onOtherKey={(event) => {
            if (event.key === 'ArrowDown') {
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
          <FilterSelect
            label="Indicator"
            anyLabel="Any indicator"
            value={indicator}
            onChange={setIndicator}
            options={(loaded?.indicators ?? []).map((entry) => ({ value: entry.key, label: `${entry.label} (${entry.count})` }))}
          />
          <FilterSelect
            label="Source"
            anyLabel="Any source"
            value={sourceId}
            onChange={setSourceId}
            options={(loaded?.sources ?? []).map((entry) => ({ value: entry.id, label: `${[entry.outlet, entry.title].filter(Boolean).join(' — ')} (${entry.count})` }))}
          />
          <FilterSelect label="Tag" anyLabel="Any tag" value={tag} onChange={setTag} options={(loaded?.tags ?? []).map((entry) => ({ value: entry.tag, label: `${entry.tag} (${entry.count})` }))} />
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
        <FactSearchCount box={box} />
      </p>
      <FactSearchResults box={box} classes={RESULTS_CLASSES} noMatch="No facts match these filters." renderFact={renderRow} />
      <p className="picker__confirmation" role="status" aria-live="polite">
        {lastInserted && <span key={lastInserted.id}>{lastInserted.text}</span>}
      </p>
    </aside>
  );
};
