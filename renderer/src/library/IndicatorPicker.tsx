import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { Indicator } from '../../../electron/shared/entities';

export type IndicatorOption = Indicator & { count?: number };

/** What the field holds: nothing, an indicator from the library, or a new one named by its label. */
export type IndicatorChoice = { kind: 'none' } | { kind: 'existing'; key: string } | { kind: 'new' };

const MAX_SHOWN = 8;

const fold = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Every typed word in the label (or the unit), in any order: "casualties 2020" finds "Mine casualties since … 2020 …". */
export const matchIndicators = (indicators: readonly IndicatorOption[], query: string): IndicatorOption[] => {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return indicators.slice(0, MAX_SHOWN);
  return indicators.filter((indicator) => words.every((word) => fold(`${indicator.label} ${indicator.unit ?? ''}`).includes(word))).slice(0, MAX_SHOWN);
};

/**
 * The indicator, chosen by its label with search (issue 11: never by a hidden code). Typing a
 * label the library does not have offers "Create indicator …" as an explicit last option, so a
 * typo never makes a new indicator silently. A keyboard combobox: arrows move, Enter picks, Esc closes.
 */
export const IndicatorPicker = ({
  inputProps,
  indicators,
  text,
  choice,
  onText,
  onChoose,
}: {
  inputProps: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean };
  indicators: readonly IndicatorOption[];
  text: string;
  choice: IndicatorChoice;
  onText: (text: string) => void;
  onChoose: (choice: IndicatorChoice, label: string) => void;
}) => {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const matches = useMemo(() => matchIndicators(indicators, text), [indicators, text]);
  const typed = text.trim();
  const exact = indicators.find((indicator) => fold(indicator.label.trim()) === fold(typed));
  const offerCreate = typed !== '' && !exact;
  const optionCount = matches.length + (offerCreate ? 1 : 0);

  const pick = (index: number) => {
    const match = matches[index];
    if (match) onChoose({ kind: 'existing', key: match.key }, match.label);
    else if (offerCreate) onChoose({ kind: 'new' }, typed);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) setOpen(true);
      else if (optionCount > 0) setActive((current) => (current + (event.key === 'ArrowDown' ? 1 : optionCount - 1)) % optionCount);
    } else if (event.key === 'Enter' && open && optionCount > 0 && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      pick(Math.min(active, optionCount - 1));
    } else if (event.key === 'Escape' && open) {
      // Closes the list only, not the sheet around the form.
      event.stopPropagation();
      setOpen(false);
    }
  };

  const optionId = (index: number) => `${listId}-option-${index}`;
  const status = choice.kind === 'new' ? 'new' : choice.kind === 'existing' ? 'chosen' : typed ? 'unchosen' : 'empty';
  return (
    <div className="indicator-picker" data-state={status}>
      <input
        {...inputProps}
        data-field="indicator"
        className="input"
        role="combobox"
        aria-expanded={open && optionCount > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && optionCount > 0 ? optionId(Math.min(active, optionCount - 1)) : undefined}
        autoComplete="off"
        placeholder="Search by what it measures, e.g. casualties since 2020"
        value={text}
        onChange={(event) => {
          onText(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          // Typing a label exactly as the library has it is choosing it.
          if (choice.kind === 'none' && exact) onChoose({ kind: 'existing', key: exact.key }, exact.label);
        }}
        onKeyDown={onKeyDown}
      />
      {open && optionCount > 0 && (
        <ul id={listId} role="listbox" className="indicator-picker__list" aria-label="Indicators">
          {matches.map((indicator, index) => (
            <li
              key={indicator.key}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className="indicator-picker__option"
              // Picked on mouse down, before the input's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(index);
              }}
            >
              <span className="indicator-picker__label">{indicator.label}</span>
              <span className="indicator-picker__meta">
                {[indicator.unit, indicator.count !== undefined ? `${indicator.count} ${indicator.count === 1 ? 'fact' : 'facts'}` : null].filter(Boolean).join(' · ')}
              </span>
            </li>
          ))}
          {offerCreate && (
            <li
              id={optionId(matches.length)}
              role="option"
              aria-selected={active === matches.length}
              className="indicator-picker__option indicator-picker__option--create"
              onMouseDown={(event) => {
                event.preventDefault();
                pick(matches.length);
              }}
            >
              <span className="indicator-picker__label">Create indicator “{typed}”</span>
            </li>
          )}
        </ul>
      )}
    </div>
  );
};
