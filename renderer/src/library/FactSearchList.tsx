import type { KeyboardEvent, ReactNode, Ref } from 'react';
import type { FactView } from '../../../electron/shared/contract/library';
import { factDateLine, factFigure } from './format';
import type { FactSearchBox } from './use-fact-search-box';

/**
 * The Library's fact search as a list to pick from, in the pieces the chart builder (ticks facts)
 * and the report's fact picker (inserts one) both lay out their own way. Each caller passes its
 * stylesheet's class names, so the two keep their looks and the selectors the e2e specs use.
 */

/** The search field and its hidden label. Esc empties the field before it may close anything. */
export const FactSearchInput = ({
  box,
  id,
  className,
  labelClassName,
  inputRef,
  autofocusMarker = false,
  onOtherKey,
}: {
  box: FactSearchBox;
  id: string;
  className: string;
  labelClassName: string;
  inputRef?: Ref<HTMLInputElement>;
  /** Marks the field for the surrounding sheet, which focuses it on open. */
  autofocusMarker?: boolean;
  onOtherKey?: (event: KeyboardEvent<HTMLInputElement>) => void;
}) => (
  <>
    <label className={labelClassName} htmlFor={id}>
      Search facts
    </label>
    <input
      id={id}
      ref={inputRef}
      type="search"
      className={className}
      placeholder="Search facts, quotes, sources…"
      autoComplete="off"
      spellCheck={false}
      value={box.text}
      data-autofocus={autofocusMarker ? '' : undefined}
      onChange={(event) => box.setText(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && box.text) {
          event.preventDefault();
          event.stopPropagation();
          box.setText('');
        } else onOtherKey?.(event);
      }}
    />
  </>
);

/** "12 facts" (or "Loading facts…"), with " · updating" while the list is for an older search. */
export const FactSearchCount = ({ box }: { box: FactSearchBox }) => (
  <>
    {box.search.initial ? 'Loading facts…' : `${box.search.total} ${box.search.total === 1 ? 'fact' : 'facts'}`}
    {box.pending && !box.search.initial && ' · updating'}
  </>
);

export interface FactResultsClasses {
  results: string;
  error: string;
  retry: string;
  empty: string;
  list: string;
  more: string;
}

/** The results: a load error with a retry, why nothing matches, the rows, then "Show more". */
export const FactSearchResults = ({
  box,
  classes,
  listLabel,
  noMatch,
  renderFact,
}: {
  box: FactSearchBox;
  classes: FactResultsClasses;
  listLabel?: string;
  /** Shown when nothing matches and nothing is typed (only filters narrow the list). */
  noMatch: string;
  /** One `<li>` with a key. */
  renderFact: (fact: FactView) => ReactNode;
}) => {
  const { search, pending } = box;
  const typed = box.debounced.trim();
  return (
    <div className={classes.results} aria-busy={pending}>
      {search.error && (
        <p className={classes.error} role="alert">
          The facts could not be loaded. {search.error.message}{' '}
          <button type="button" className={classes.retry} onClick={search.retry}>
            Try again
          </button>
        </p>
      )}
      {!search.initial && !search.error && search.items.length === 0 && (
        <p className={classes.empty}>{typed ? `No fact matches “${typed}”. The search matches the start of words.` : noMatch}</p>
      )}
      <ul className={classes.list} aria-label={listLabel}>
        {search.items.map((fact) => renderFact(fact))}
      </ul>
      {search.items.length < search.total && (
        <button type="button" className={classes.more} onClick={search.loadMore}>
          Show more
        </button>
      )}
    </div>
  );
};

/** A row's text: the figure large, the statement, then outlet, date and badges small. */
export const FactSummary = ({
  fact,
  block,
  badges,
  children,
}: {
  fact: FactView;
  /** The row's BEM block: the parts are `${block}__value`, `__statement` and `__meta`. */
  block: string;
  badges: { conflict: string; superseded: string };
  /** More badges, after Conflict and Superseded. */
  children?: ReactNode;
}) => (
  <>
    <span className={`${block}__value${fact.value === null ? ` ${block}__value--none` : ''}`}>{factFigure(fact)}</span>
    <span className={`${block}__statement`}>{fact.statement}</span>
    <span className={`${block}__meta`}>
      {fact.source.outlet ?? fact.source.title} · {factDateLine(fact)}
      {fact.inConflict && <span className={badges.conflict}>Conflict</span>}
      {fact.superseded && <span className={badges.superseded}>Superseded</span>}
      {children}
    </span>
  </>
);
