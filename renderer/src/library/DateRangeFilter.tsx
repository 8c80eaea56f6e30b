import { useId, useState } from 'react';
import { DATE_HINT, parsePartialDate } from '../../../electron/shared/partial-date';

/**
 * From / to on the as-of date (or the publication date when the as-of is unknown). A value is
 * applied when the field is left or Enter is pressed, so half-typed dates never filter the list.
 */
const DateField = ({ label, value, onApply }: { label: string; value: string | null; onApply: (value: string | null) => void }) => {
  const id = useId();
  const errorId = useId();
  const [text, setText] = useState(value ?? '');
  const [shown, setShown] = useState(value);
  const [error, setError] = useState<string | null>(null);
  // The filter was changed elsewhere (Clear filters): show the new value.
  if (shown !== value) {
    setShown(value);
    setText(value ?? '');
    setError(null);
  }
  const apply = () => {
    const parsed = parsePartialDate(text);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError(null);
    setText(parsed.value ?? '');
    if (parsed.value !== value) onApply(parsed.value);
  };
  return (
    <div className="date-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input input--small"
        inputMode="numeric"
        placeholder="YYYY-MM"
        title={DATE_HINT}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => setText(event.target.value)}
        onBlur={apply}
        onKeyDown={(event) => {
          if (event.key === 'Enter') apply();
        }}
      />
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
};

export const DateRangeFilter = ({
  from,
  to,
  onChange,
}: {
  from: string | null;
  to: string | null;
  onChange: (range: { from: string | null; to: string | null }) => void;
}) => (
  <fieldset className="facet">
    <legend className="facet__legend">Date (as of)</legend>
    <div className="date-range">
      <DateField label="From" value={from} onApply={(value) => onChange({ from: value, to })} />
      <DateField label="To" value={to} onApply={(value) => onChange({ from, to: value })} />
    </div>
  </fieldset>
);
