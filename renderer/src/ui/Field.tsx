import { useId, type ReactNode } from 'react';

/** A labelled form field with an optional hint and a field-level error, wired for screen readers. */
export const Field = ({
  label,
  hint,
  error,
  required,
  className = '',
  children,
}: {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  required?: boolean;
  className?: string;
  children: (props: { id: string; 'aria-describedby': string | undefined; 'aria-invalid': true | undefined; required?: boolean }) => ReactNode;
}) => {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${error ? 'field--invalid' : ''} ${className}`}>
      <label className="field__label" htmlFor={id}>
        {label}
        {required && <span className="field__required"> (required)</span>}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined, required })}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      {hint && !error && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
};

/** Which fields a server-side INVALID_INPUT message names ("…: value: Expected number; asOf: …"). */
export const fieldsNamedIn = <F extends string>(message: string, fields: readonly F[]): Partial<Record<F, string>> => {
  const found: Partial<Record<F, string>> = {};
  for (const part of message.split(/;\s*/)) {
    for (const field of fields) {
      const match = new RegExp(`(?:^|[\\s.:])${field}(?:\\.\\d+)?:\\s*(.+)$`).exec(part);
      if (match?.[1] && !found[field]) found[field] = match[1];
    }
  }
  return found;
};
