import type { Status } from '../../../electron/shared/contract/app';
import { DateRangeFilter } from './DateRangeFilter';
import { FacetGroup } from './FacetGroup';
import { countActiveFilters, toggle, type Filters } from './filters';
import { formatNumber } from './format';
import type { Facets, Loadable } from './use-library-lists';

/** A compact "5 sources · 63 facts · 4 conflicts" line; the test ids are the app's status counts. */
const Summary = ({ counts }: { counts: Status['counts'] }) => (
  <p className="library-summary" aria-label="What the library holds">
    <span>
      <span data-testid="count-sources">{formatNumber(counts.sources)}</span> {counts.sources === 1 ? 'source' : 'sources'}
    </span>
    <span aria-hidden="true"> · </span>
    <span>
      <span data-testid="count-facts">{formatNumber(counts.facts)}</span> {counts.facts === 1 ? 'fact' : 'facts'}
    </span>
    <span aria-hidden="true"> · </span>
    <span className={counts.conflicts > 0 ? 'library-summary__conflicts' : undefined}>
      <span data-testid="count-conflicts">{formatNumber(counts.conflicts)}</span> {counts.conflicts === 1 ? 'conflict' : 'conflicts'}
    </span>
  </p>
);

export const FilterPane = ({
  counts,
  facets,
  filters,
  onChange,
  onClear,
}: {
  counts: Status['counts'];
  facets: Loadable<Facets>;
  filters: Filters;
  onChange: (filters: Filters) => void;
  onClear: () => void;
}) => {
  const active = countActiveFilters(filters);
  return (
    <aside className="filter-pane" aria-label="Filters">
      <header className="filter-pane__header">
        <h1 id="library-title">Library</h1>
        <Summary counts={counts} />
      </header>
      <div className="filter-pane__scroll">
        <div className="filter-pane__title-row">
          <h2 className="filter-pane__title">Filters</h2>
          {active > 0 && (
            <button type="button" className="link-button" onClick={onClear}>
              Clear {active === 1 ? 'filter' : `${active} filters`}
            </button>
          )}
        </div>
        <label className="facet__option facet__option--conflict">
          <input type="checkbox" checked={filters.hasConflict} onChange={(event) => onChange({ ...filters, hasConflict: event.target.checked })} />
          <span className="facet__label">Has conflict</span>
          <span className="facet__count" data-alert={counts.conflicts > 0 || undefined} title="Indicators where sources disagree">
            {formatNumber(counts.conflicts)}
          </span>
        </label>
        <DateRangeFilter from={filters.from} to={filters.to} onChange={(range) => onChange({ ...filters, ...range })} />
        {facets.kind === 'loading' && <p className="facet__empty">Loading filters…</p>}
        {facets.kind === 'error' && (
          <p className="error-text" role="alert">
            Filters could not be loaded: {facets.error.message}
          </p>
        )}
        {facets.kind === 'loaded' && (
          <>
            <FacetGroup
              legend="Tags"
              emptyText="No tags yet."
              options={facets.value.tags.map((entry) => ({ value: entry.tag, label: entry.tag, title: entry.tag, count: entry.count }))}
              selected={filters.tags}
              onToggle={(tag) => onChange({ ...filters, tags: toggle(filters.tags, tag) })}
            />
            <FacetGroup
              legend="Sources"
              emptyText="No sources yet."
              options={facets.value.sources.map((source) => ({
                value: source.id,
                title: [source.title, source.outlet].filter(Boolean).join(' — '),
                count: source.count,
                label: (
                  <>
                    {source.outlet && <span className="facet__outlet">{source.outlet}</span>}
                    <span className="facet__clamp">{source.title}</span>
                  </>
                ),
              }))}
              selected={filters.sourceIds}
              onToggle={(id) => onChange({ ...filters, sourceIds: toggle(filters.sourceIds, id) })}
            />
            <FacetGroup
              legend="Indicators"
              emptyText="No indicators yet."
              options={facets.value.indicators.map((indicator) => ({
                value: indicator.key,
                title: `${indicator.label} (${indicator.key})`,
                count: indicator.count,
                label: <span className="facet__clamp">{indicator.label}</span>,
              }))}
              selected={filters.indicators}
              onToggle={(key) => onChange({ ...filters, indicators: toggle(filters.indicators, key) })}
            />
          </>
        )}
      </div>
    </aside>
  );
};
