import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { FactView } from '../../../electron/shared/contract/library';
import { formatPartialDate } from '../../../electron/shared/partial-date';
import { formatValue } from '../library/format';
import { useDebouncedValue } from '../library/use-debounced-value';
import { useFactSearch } from '../library/use-fact-search';
import { useFacets } from '../library/use-library-lists';
import { factShortName, useFactsById } from './use-facts-by-id';

export interface FigureChoice {
  mode: 'facts' | 'indicator';
  factIds: string[];
  indicator: string | null;
}

export const isChoiceReady = (choice: FigureChoice): boolean => (choice.mode === 'facts' ? choice.factIds.length > 0 : choice.indicator !== null);

const dated = (fact: FactView): string => {
  if (fact.asOf) return `as of ${formatPartialDate(fact.asOf)}`;
  if (fact.source.published) return `published ${formatPartialDate(fact.source.published)}`;
  return 'undated';
};

/** Oldest first, undated last: the order the points take on the timeline. */
const byDate = (a: FactView, b: FactView): number => (a.asOf ?? '9999').localeCompare(b.asOf ?? '9999');

const FactOption = ({ fact, checked, onToggle }: { fact: FactView; checked: boolean; onToggle: () => void }) => (
  <li className="ch-fact" data-checked={checked || undefined} data-fact-id={fact.id}>
    <label className="ch-fact__label">
      <input type="checkbox" checked={checked} onChange={onToggle} />
      <span className={`ch-fact__value${fact.value === null ? ' ch-fact__value--none' : ''}`}>{fact.value === null ? 'No figure' : formatValue(fact.value, fact.unit)}</span>
      <span className="ch-fact__statement">{fact.statement}</span>
      <span className="ch-fact__meta">
        {fact.source.outlet ?? fact.source.title} · {dated(fact)}
        {fact.inConflict && <span className="ch-badge ch-badge--conflict">Conflict</span>}
        {fact.superseded && <span className="ch-badge">Superseded</span>}
      </span>
    </label>
  </li>
);

/**
 * Step one of a chart: the figures. Either facts picked from the Library (the Library's search,
 * with checkboxes) or an indicator, whose figures are charted over time.
 */
export const FactChooser = ({ choice, onChange }: { choice: FigureChoice; onChange: (choice: FigureChoice) => void }) => {
  const [text, setText] = useState('');
  const [indicatorFilter, setIndicatorFilter] = useState('');
  const debounced = useDebouncedValue(text, 150);
  const facets = useFacets(0);
  const modeName = useId();
  const query = useMemo(
    () => ({ query: debounced.trim().slice(0, 500), indicators: indicatorFilter ? [indicatorFilter] : [] }),
    [debounced, indicatorFilter],
  );
  const search = useFactSearch(query, 0);
  const indicatorQuery = useMemo(() => ({ indicators: choice.indicator ? [choice.indicator] : ['\u0000none'] }), [choice.indicator]);
  const indicatorFacts = useFactSearch(indicatorQuery, 0);
  const selected = new Set(choice.factIds);
  const lookup = useFactsById(choice.factIds.filter((id) => !search.items.some((fact) => fact.id === id)));
  const pending = search.loading || text !== debounced;
  const indicatorList = useRef<HTMLUListElement>(null);
  const indicatorsLoaded = facets.kind === 'loaded';

  // An indicator chosen before (editing a chart's figures) is scrolled into view once.
  useEffect(() => {
    if (indicatorsLoaded) indicatorList.current?.querySelector('[data-checked]')?.scrollIntoView({ block: 'nearest' });
  }, [indicatorsLoaded, choice.mode]);

  const toggle = (id: string) =>
    onChange({ ...choice, factIds: selected.has(id) ? choice.factIds.filter((other) => other !== id) : [...choice.factIds, id] });
  const hiddenSelected = choice.factIds.filter((id) => !search.items.some((fact) => fact.id === id));
  const indicators = facets.kind === 'loaded' ? facets.value.indicators : [];

  return (
    <div className="ch-chooser">
      <fieldset className="ch-segmented">
        <legend className="ch-visually-hidden">What to chart</legend>
        <label className="ch-segmented__option" data-checked={choice.mode === 'facts' || undefined}>
          <input type="radio" name={modeName} checked={choice.mode === 'facts'} onChange={() => onChange({ ...choice, mode: 'facts' })} />
          Pick facts
        </label>
        <label className="ch-segmented__option" data-checked={choice.mode === 'indicator' || undefined}>
          <input type="radio" name={modeName} checked={choice.mode === 'indicator'} onChange={() => onChange({ ...choice, mode: 'indicator' })} />
          An indicator over time
        </label>
      </fieldset>

      {choice.mode === 'facts' ? (
        <div className="ch-chooser__pane">
          <div className="ch-chooser__filters">
            <label className="ch-visually-hidden" htmlFor={`${modeName}-search`}>
              Search facts
            </label>
            <input
              id={`${modeName}-search`}
              type="search"
              className="input"
              placeholder="Search facts, quotes, sources…"
              autoComplete="off"
              spellCheck={false}
              value={text}
              data-autofocus=""
              onChange={(event) => setText(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape' && text) {
                  event.preventDefault();
                  event.stopPropagation();
                  setText('');
                }
              }}
            />
            <label className="ch-visually-hidden" htmlFor={`${modeName}-indicator`}>
              Only this indicator
            </label>
            <select id={`${modeName}-indicator`} className="input" value={indicatorFilter} onChange={(event) => setIndicatorFilter(event.target.value)}>
              <option value="">Any indicator</option>
              {indicators.map((entry) => (
                <option key={entry.key} value={entry.key}>
                  {entry.label} ({entry.count})
                </option>
              ))}
            </select>
          </div>
          <p className="ch-chooser__count" aria-live="polite">
            {search.initial ? 'Loading facts…' : `${search.total} ${search.total === 1 ? 'fact' : 'facts'}`}
            {pending && !search.initial && ' · updating'}
            <span aria-hidden="true"> · </span>
            <strong>{choice.factIds.length} selected</strong>
            {choice.factIds.length > 0 && (
              <button type="button" className="link-button ch-chooser__clear" onClick={() => onChange({ ...choice, factIds: [] })}>
                Clear
              </button>
            )}
          </p>
          {hiddenSelected.length > 0 && (
            <ul className="ch-chips" aria-label="Selected facts not in this list">
              {hiddenSelected.map((id) => (
                <li key={id} className="ch-chip">
                  {factShortName(lookup.get(id), id)}
                  <button type="button" className="ch-chip__remove" aria-label={`Remove ${factShortName(lookup.get(id), id)}`} onClick={() => toggle(id)}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="ch-chooser__results" aria-busy={pending}>
            {search.error && (
              <p className="error-text" role="alert">
                The facts could not be loaded. {search.error.message}{' '}
                <button type="button" className="link-button" onClick={search.retry}>
                  Try again
                </button>
              </p>
            )}
            {!search.initial && !search.error && search.items.length === 0 && (
              <p className="ch-muted">{debounced.trim() ? `No fact matches “${debounced.trim()}”. The search matches the start of words.` : 'No facts match.'}</p>
            )}
            <ul className="ch-facts" aria-label="Facts">
              {search.items.map((fact) => (
                <FactOption key={fact.id} fact={fact} checked={selected.has(fact.id)} onToggle={() => toggle(fact.id)} />
              ))}
            </ul>
            {search.items.length < search.total && (
              <button type="button" className="button button--small" onClick={search.loadMore}>
                Show more
              </button>
            )}
          </div>
        </div>
      ) : (
        <div className="ch-chooser__pane ch-chooser__pane--indicator">
          <fieldset className="ch-indicators">
            <legend className="ch-label">Indicator</legend>
            {facets.kind === 'loading' && <p className="ch-muted">Loading indicators…</p>}
            {facets.kind === 'error' && <p className="error-text">The indicators could not be loaded. {facets.error.message}</p>}
            {facets.kind === 'loaded' && indicators.length === 0 && (
              <p className="ch-muted">No indicators yet. Give facts an indicator in the Library (for example “casualties since 2020”) to chart how a figure changed over time.</p>
            )}
            <ul className="ch-indicators__list" ref={indicatorList}>
              {indicators.map((entry) => (
                <li key={entry.key}>
                  <label className="ch-indicator" data-checked={choice.indicator === entry.key || undefined}>
                    <input type="radio" name={`${modeName}-indicator-choice`} value={entry.key} checked={choice.indicator === entry.key} onChange={() => onChange({ ...choice, indicator: entry.key })} />
                    <span className="ch-indicator__label">{entry.label}</span>
                    <span className="ch-indicator__count">
                      {entry.count} {entry.count === 1 ? 'figure' : 'figures'}
                      {entry.unit ? ` · ${entry.unit}` : ''}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div className="ch-indicator-figures" aria-live="polite">
            {choice.indicator === null ? (
              <p className="ch-muted">Choose an indicator to see its figures. Each source’s figure becomes a point on the timeline; figures without an as-of date are listed under the chart.</p>
            ) : (
              <>
                <h3 className="ch-label">Its figures</h3>
                <ul className="ch-mini-facts">
                  {[...indicatorFacts.items].sort(byDate).map((fact) => (
                    <li key={fact.id}>
                      <strong>{fact.value === null ? 'No figure' : formatValue(fact.value, fact.unit)}</strong> <span className="ch-muted">{fact.source.outlet ?? fact.source.title} · {dated(fact)}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        </div>
      )}
    </div>
  );
};
