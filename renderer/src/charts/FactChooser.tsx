import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { FactView } from '../../../electron/shared/contract/library';
import { FactSearchCount, FactSearchInput, FactSearchResults, FactSummary } from '../library/FactSearchList';
import { factDateLine, factFigure } from '../library/format';
import { useFactSearch } from '../library/use-fact-search';
import { useFactSearchBox } from '../library/use-fact-search-box';
import { useFacets } from '../library/use-library-lists';
import { factShortName, useFactsById } from './use-facts-by-id';

export interface FigureChoice {
  mode: 'facts' | 'indicator';
  factIds: string[];
  indicator: string | null;
}

export const isChoiceReady = (choice: FigureChoice): boolean => (choice.mode === 'facts' ? choice.factIds.length > 0 : choice.indicator !== null);

/** Oldest first, undated last: the order the points take on the timeline. */
const byDate = (a: FactView, b: FactView): number => (a.asOf ?? '9999').localeCompare(b.asOf ?? '9999');

const RESULTS_CLASSES = { results: 'ch-chooser__results', error: 'error-text', retry: 'link-button', empty: 'ch-muted', list: 'ch-facts', more: 'button button--small' };
const BADGES = { conflict: 'ch-badge ch-badge--conflict', superseded: 'ch-badge' };

const FactOption = ({ fact, checked, onToggle }: { fact: FactView; checked: boolean; onToggle: () => void }) => (
  <li className="ch-fact" data-checked={checked || undefined} data-fact-id={fact.id}>
    <label className="ch-fact__label">
      <input type="checkbox" checked={checked} onChange={onToggle} />
      <FactSummary fact={fact} block="ch-fact" badges={BADGES} />
    </label>
  </li>
);

/**
 * Step one of a chart: the figures. Either facts picked from the Library (the Library's search,
 * with checkboxes) or an indicator, whose figures are charted over time.
 */
export const FactChooser = ({ choice, onChange }: { choice: FigureChoice; onChange: (choice: FigureChoice) => void }) => {
  const [indicatorFilter, setIndicatorFilter] = useState('');
  const facets = useFacets(0);
  const modeName = useId();
  const filters = useMemo(() => ({ indicators: indicatorFilter ? [indicatorFilter] : [] }), [indicatorFilter]);
  const box = useFactSearchBox(filters, 150);
  const { search } = box;
  const indicatorQuery = useMemo(() => ({ indicators: choice.indicator ? [choice.indicator] : ['\u0000none'] }), [choice.indicator]);
  const indicatorFacts = useFactSearch(indicatorQuery, 0);
  const selected = new Set(choice.factIds);
  const hiddenSelected = choice.factIds.filter((id) => !search.items.some((fact) => fact.id === id));
  const lookup = useFactsById(hiddenSelected);
  const indicatorList = useRef<HTMLUListElement>(null);
  const indicatorsLoaded = facets.kind === 'loaded';

  // An indicator chosen before (editing a chart's figures) is scrolled into view once.
  useEffect(() => {
    if (indicatorsLoaded) indicatorList.current?.querySelector('[data-checked]')?.scrollIntoView({ block: 'nearest' });
  }, [indicatorsLoaded, choice.mode]);

  const toggle = (id: string) =>
    onChange({ ...choice, factIds: selected.has(id) ? choice.factIds.filter((other) => other !== id) : [...choice.factIds, id] });
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
            <FactSearchInput box={box} id={`${modeName}-search`} className="input" labelClassName="ch-visually-hidden" autofocusMarker />
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
            <FactSearchCount box={box} />
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
          <FactSearchResults
            box={box}
            classes={RESULTS_CLASSES}
            listLabel="Facts"
            noMatch="No facts match."
            renderFact={(fact) => <FactOption key={fact.id} fact={fact} checked={selected.has(fact.id)} onToggle={() => toggle(fact.id)} />}
          />
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
                      <strong>{factFigure(fact)}</strong> <span className="ch-muted">{fact.source.outlet ?? fact.source.title} · {factDateLine(fact)}</span>
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
