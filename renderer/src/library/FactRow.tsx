import type { FactView } from '../../../electron/shared/contract/library';
import { factDateLine, formatNumber, isTightUnit } from './format';

/** Value and unit in large type, the statement, then outlet and date small; the badge sits beside. */
export const FactRow = ({
  fact,
  selected,
  tabbable,
  onSelect,
  onOpenConflict,
}: {
  fact: FactView;
  selected: boolean;
  tabbable: boolean;
  onSelect: () => void;
  onOpenConflict: () => void;
}) => (
  <div className="fact-row" data-selected={selected || undefined}>
    <button type="button" className="fact-row__main" aria-current={selected ? 'true' : undefined} tabIndex={tabbable ? 0 : -1} onClick={onSelect} data-fact-id={fact.id}>
      <span className={`fact-row__value${fact.value === null ? ' fact-row__value--none' : ''}`}>
        {fact.value === null ? (
          'No figure'
        ) : (
          <>
            {fact.qualifier && <span className="fact-row__qualifier">{fact.qualifier} </span>}
            {formatNumber(fact.value)}
            {fact.unit && <span className={isTightUnit(fact.unit) ? 'fact-row__unit fact-row__unit--tight' : 'fact-row__unit'}>{fact.unit}</span>}
          </>
        )}
      </span>
      <span className="fact-row__statement">{fact.statement}</span>
      <span className="fact-row__meta">
        <span className="fact-row__outlet">{fact.source.outlet ?? fact.source.title}</span>
        <span aria-hidden="true"> · </span>
        <span className="fact-row__date">{factDateLine(fact)}</span>
        {fact.superseded && <span className="tag tag--muted">Superseded</span>}
      </span>
    </button>
    {fact.inConflict && (
      <button type="button" className="conflict-badge" tabIndex={-1} title="Sources disagree on this figure: compare them" onClick={onOpenConflict}>
        Conflict
      </button>
    )}
  </div>
);
