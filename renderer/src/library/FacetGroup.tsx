import { useId, useState, type ReactNode } from 'react';
import { formatNumber } from './format';

export interface FacetOption {
  value: string;
  label: ReactNode;
  /** Plain text for the tooltip when the label is clamped. */
  title: string;
  count: number;
}

const COLLAPSED = 6;

/** A titled group of checkboxes with counts; long groups show their first few and the selected ones. */
export const FacetGroup = ({
  legend,
  options,
  selected,
  onToggle,
  emptyText,
}: {
  legend: string;
  options: FacetOption[];
  selected: string[];
  onToggle: (value: string) => void;
  emptyText: string;
}) => {
  const [expanded, setExpanded] = useState(false);
  const listId = useId();
  const visible = expanded ? options : options.filter((option, index) => index < COLLAPSED || selected.includes(option.value));
  const hidden = options.length - visible.length;
  return (
    <fieldset className="facet">
      <legend className="facet__legend">
        {legend}
        {selected.length > 0 && <span className="facet__selected"> · {selected.length} selected</span>}
      </legend>
      {options.length === 0 ? (
        <p className="facet__empty">{emptyText}</p>
      ) : (
        <ul className="facet__options" id={listId}>
          {visible.map((option) => (
            <li key={option.value}>
              <label className="facet__option" title={option.title}>
                <input type="checkbox" checked={selected.includes(option.value)} onChange={() => onToggle(option.value)} />
                <span className="facet__label">{option.label}</span>
                <span className="facet__count" aria-label={`${option.count} facts`}>
                  {formatNumber(option.count)}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {(hidden > 0 || expanded) && options.length > COLLAPSED && (
        <button type="button" className="link-button facet__more" aria-expanded={expanded} aria-controls={listId} onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show fewer' : `Show all ${options.length}`}
        </button>
      )}
    </fieldset>
  );
};
