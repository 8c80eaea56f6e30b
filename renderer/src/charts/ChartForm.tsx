import { useId, useState, type ReactNode } from 'react';
import type { Chart } from '../../../electron/shared/entities';
import { parseNumber } from '../library/parse-number';
import {
  HEX_COLOUR,
  LABEL_POSITIONS,
  LOCALES,
  OKABE_ITO,
  PALETTE_PRESETS,
  presetOf,
  readAnnotations,
  readBoolean,
  readColors,
  readDerived,
  readLabels,
  readNumber,
  readString,
  withOption,
  type Annotation,
  type ChartOptionsRecord,
  type DerivedSpec,
  type WidthHint,
} from './chart-options';
import { ChartTypePicker } from './ChartTypePicker';
import { factShortName, type FactLookup } from './use-facts-by-id';

const Section = ({ title, children, aside }: { title: string; children: ReactNode; aside?: ReactNode }) => {
  const id = useId();
  return (
    <section className="ch-section" aria-labelledby={id}>
      <div className="ch-section__head">
        <h3 id={id} className="ch-section__title">
          {title}
        </h3>
        {aside}
      </div>
      {children}
    </section>
  );
};

const TextField = ({
  label,
  value,
  onChange,
  hint,
  placeholder,
  maxLength,
  multiline = false,
  rows = 2,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  placeholder?: string;
  maxLength: number;
  multiline?: boolean;
  rows?: number;
}) => {
  const id = useId();
  const hintId = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {multiline ? (
        <textarea id={id} className="input" rows={rows} value={value} maxLength={maxLength} placeholder={placeholder} aria-describedby={hint ? hintId : undefined} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input id={id} className="input" value={value} maxLength={maxLength} placeholder={placeholder} aria-describedby={hint ? hintId : undefined} onChange={(e) => onChange(e.target.value)} />
      )}
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
};

const SelectField = ({ label, value, onChange, children }: { label: string; value: string; onChange: (value: string) => void; children: ReactNode }) => {
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </div>
  );
};

// ---- rows edited as text, written to the options only when complete --------------------------

interface AnnotationRow {
  key: number;
  kind: Annotation['kind'];
  value: string;
  from: string;
  to: string;
  label: string;
  text: string;
  at: string;
}

interface DerivedRow {
  key: number;
  kind: DerivedSpec['kind'];
  of: string;
  minus: string;
  total: string;
  label: string;
}

let rowKey = 0;
const nextKey = () => (rowKey += 1);

const toAnnotationRow = (a: Annotation): AnnotationRow => ({
  key: nextKey(),
  kind: a.kind,
  value: a.kind === 'line' ? String(a.value) : '',
  from: a.kind === 'band' ? String(a.from) : '',
  to: a.kind === 'band' ? String(a.to) : '',
  label: a.kind === 'text' ? '' : (a.label ?? ''),
  text: a.kind === 'text' ? a.text : '',
  at: a.kind === 'text' ? (a.at ?? '') : '',
});

const num = (text: string): number | null => {
  const parsed = parseNumber(text);
  return parsed.ok ? parsed.value : null;
};

const fromAnnotationRow = (row: AnnotationRow): Annotation | null => {
  if (row.kind === 'line') {
    const value = num(row.value);
    return value === null ? null : { kind: 'line', value, label: row.label.trim() };
  }
  if (row.kind === 'band') {
    const from = num(row.from);
    const to = num(row.to);
    return from === null || to === null ? null : { kind: 'band', from, to, label: row.label.trim() };
  }
  const text = row.text.trim();
  if (!text) return null;
  return row.at.trim() ? { kind: 'text', text, at: row.at.trim() } : { kind: 'text', text };
};

const toDerivedRow = (d: DerivedSpec): DerivedRow => ({
  key: nextKey(),
  kind: d.kind,
  of: d.of,
  minus: d.kind === 'difference' ? d.minus : '',
  total: d.kind === 'complement' ? String(d.total ?? 100) : '100',
  label: d.label ?? '',
});

const fromDerivedRow = (row: DerivedRow): DerivedSpec | null => {
  if (!row.of || !row.label.trim()) return null;
  if (row.kind === 'complement') {
    const total = num(row.total);
    return total === null ? null : { kind: 'complement', of: row.of, total, label: row.label.trim() };
  }
  return row.minus ? { kind: 'difference', of: row.of, minus: row.minus, label: row.label.trim() } : null;
};

const ANNOTATION_NAMES: Record<Annotation['kind'], string> = { line: 'Reference line', band: 'Band', text: 'Text note' };

const AnnotationEditor = ({ row, index, onChange, onRemove }: { row: AnnotationRow; index: number; onChange: (row: AnnotationRow) => void; onRemove: () => void }) => {
  const incomplete = fromAnnotationRow(row) === null;
  const name = `${ANNOTATION_NAMES[row.kind]} ${index + 1}`;
  const input = (field: 'value' | 'from' | 'to' | 'label' | 'text' | 'at', label: string, placeholder: string, wide = false) => (
    <label className={`ch-row__field${wide ? ' ch-row__field--wide' : ''}`}>
      <span className="ch-row__label">{label}</span>
      <input
        className="input input--small"
        value={row[field]}
        placeholder={placeholder}
        maxLength={300}
        inputMode={field === 'value' || field === 'from' || field === 'to' ? 'decimal' : undefined}
        aria-invalid={(field === 'value' || field === 'from' || field === 'to') && row[field].trim() !== '' && num(row[field]) === null ? true : undefined}
        onChange={(e) => onChange({ ...row, [field]: e.target.value })}
      />
    </label>
  );
  return (
    <li className="ch-row" aria-label={name}>
      <span className="ch-row__kind">{ANNOTATION_NAMES[row.kind]}</span>
      {row.kind === 'line' && (
        <>
          {input('value', 'At value', 'e.g. 500')}
          {input('label', 'Label', 'e.g. Target', true)}
        </>
      )}
      {row.kind === 'band' && (
        <>
          {input('from', 'From', 'e.g. 0')}
          {input('to', 'To', 'e.g. 100')}
          {input('label', 'Label', 'e.g. Ceasefire period', true)}
        </>
      )}
      {row.kind === 'text' && (
        <>
          {input('text', 'Text', 'e.g. Survey method changed', true)}
          {input('at', 'At (optional)', 'a date or category')}
        </>
      )}
      <button type="button" className="icon-button icon-button--small ch-row__remove" aria-label={`Remove ${name}`} title="Remove" onClick={onRemove}>
        <span aria-hidden="true">×</span>
      </button>
      {incomplete && <p className="ch-row__hint">Not drawn until it is complete.</p>}
    </li>
  );
};

export interface ChartFormProps {
  chart: Chart;
  onChange: (update: (chart: Chart) => Chart) => void;
  facts: FactLookup;
  draftedAltText: string;
  paletteWarnings: readonly string[];
  width: WidthHint;
  onWidthChange: (width: WidthHint) => void;
  onChangeFigures: () => void;
}

/** Everything about a chart the user can set; the preview beside it follows every change. */
export const ChartForm = ({ chart, onChange, facts, draftedAltText, paletteWarnings, width, onWidthChange, onChangeFigures }: ChartFormProps) => {
  const options = chart.options;
  const setOptions = (update: (options: ChartOptionsRecord) => ChartOptionsRecord) => onChange((current) => ({ ...current, options: update(current.options) }));
  const setOption = (key: string, value: unknown) => setOptions((current) => withOption(current, key, value));
  const setField = <K extends 'title' | 'subtitle' | 'caption' | 'altText'>(key: K, value: string) => onChange((current) => ({ ...current, [key]: value }));

  const [altTouched, setAltTouched] = useState(chart.altText !== '');
  const [annotations, setAnnotations] = useState<AnnotationRow[]>(() => readAnnotations(options).map(toAnnotationRow));
  const [derived, setDerived] = useState<DerivedRow[]>(() => readDerived(options).map(toDerivedRow));
  const savedColors = readColors(options);
  const [preset, setPreset] = useState(() => presetOf(savedColors));
  const [customColors, setCustomColors] = useState<string[]>(() => savedColors ?? OKABE_ITO.slice(0, 4));

  const commitAnnotations = (rows: AnnotationRow[]) => {
    setAnnotations(rows);
    setOption('annotations', rows.map(fromAnnotationRow).filter((a): a is Annotation => a !== null));
  };
  const commitDerived = (rows: DerivedRow[]) => {
    setDerived(rows);
    setOption('derived', rows.map(fromDerivedRow).filter((d): d is DerivedSpec => d !== null));
  };
  const commitCustom = (colors: string[]) => {
    setCustomColors(colors);
    const valid = colors.map((c) => c.trim()).filter((c) => HEX_COLOUR.test(c));
    setOption('colors', valid);
  };

  const isSeries = chart.type === 'line' || chart.type === 'bar-grouped' || chart.type === 'bar-stacked';
  const labelled = chart.type === 'bar-horizontal' || chart.type === 'bar-vertical' || chart.type === 'donut';
  const labels = readLabels(options);
  const decimals = readNumber(options, 'decimals');
  const zeroBased = readBoolean(options, 'zeroBased');
  const shownColors = preset === 'custom' ? customColors : (PALETTE_PRESETS.find((p) => p.id === preset)?.colors ?? OKABE_ITO);
  const factChoices = chart.factIds.map((id) => ({ id, name: factShortName(facts.get(id), id) }));

  return (
    <div className="ch-form">
      <Section title="Chart type">
        <ChartTypePicker compact value={chart.type} onPick={(type) => onChange((current) => ({ ...current, type }))} />
      </Section>

      <Section title="Words">
        <TextField label="Title" value={chart.title} maxLength={500} onChange={(v) => setField('title', v)} />
        <TextField label="Subtitle" value={chart.subtitle} maxLength={1000} onChange={(v) => setField('subtitle', v)} placeholder="e.g. People killed or injured; each point is one source’s figure" />
        <TextField
          label="Caption"
          value={chart.caption}
          maxLength={1000}
          onChange={(v) => setField('caption', v)}
          hint="In a report: “Figure n: caption”, with the source line last."
        />
        <div className="field">
          <div className="ch-alt__head">
            <label className="field__label" htmlFor={`alt-${chart.id}`}>
              Alt text
            </label>
            {!altTouched && <span className="ch-badge ch-badge--accent">Drafted from data</span>}
            {altTouched && draftedAltText && (
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setAltTouched(false);
                  setField('altText', '');
                }}
              >
                Use the drafted text
              </button>
            )}
          </div>
          <textarea
            id={`alt-${chart.id}`}
            className="input"
            rows={4}
            maxLength={5000}
            value={altTouched ? chart.altText : draftedAltText}
            aria-describedby={`alt-hint-${chart.id}`}
            onChange={(e) => {
              setAltTouched(true);
              setField('altText', e.target.value);
            }}
          />
          <p id={`alt-hint-${chart.id}`} className="field__hint">
            {altTouched ? (
              'Read aloud to people who cannot see the chart: say what it shows and the figures that matter.'
            ) : (
              <>
                Until you edit it, it follows the data, and reports list the chart as having no alt text.{' '}
                <button
                  type="button"
                  className="link-button"
                  disabled={!draftedAltText}
                  onClick={() => {
                    setAltTouched(true);
                    setField('altText', draftedAltText);
                  }}
                >
                  Keep this text
                </button>
              </>
            )}
          </p>
        </div>
      </Section>

      <Section
        title={`Figures (${chart.factIds.length})`}
        aside={
          <button type="button" className="button button--small" onClick={onChangeFigures}>
            Change figures…
          </button>
        }
      >
        {chart.indicator && <p className="ch-muted ch-small">From the indicator “{chart.indicator}”.</p>}
        <ul className="ch-figures">
          {chart.factIds.slice(0, 60).map((id) => {
            const fact = facts.get(id);
            return (
              <li key={id} className="ch-figure" data-missing={fact === 'missing' || undefined}>
                <span className="ch-figure__name" title={fact && fact !== 'missing' ? fact.statement : undefined}>
                  {factShortName(fact, id)}
                </span>
                {labelled && fact !== 'missing' && (
                  <input
                    className="input input--small"
                    aria-label={`Label for ${factShortName(fact, id)}`}
                    placeholder="Automatic label"
                    maxLength={200}
                    value={labels[id] ?? ''}
                    onChange={(e) => setOption('labels', withOption(labels, id, e.target.value))}
                  />
                )}
              </li>
            );
          })}
          {chart.factIds.length > 60 && <li className="ch-muted">and {chart.factIds.length - 60} more</li>}
        </ul>

        <h4 className="ch-subhead">Derived values</h4>
        <p className="ch-muted ch-small">A value computed from the figures and marked as derived, e.g. the national share as 100 − the foreign share, or a funding gap as required − received.</p>
        <ul className="ch-rows">
          {derived.map((row, index) => {
            const update = (patch: Partial<DerivedRow>) => commitDerived(derived.map((r) => (r.key === row.key ? { ...r, ...patch } : r)));
            const incomplete = fromDerivedRow(row) === null;
            return (
              <li key={row.key} className="ch-row" aria-label={`Derived value ${index + 1}`}>
                <label className="ch-row__field">
                  <span className="ch-row__label">Kind</span>
                  <select className="input input--small" value={row.kind} onChange={(e) => update({ kind: e.target.value as DerivedRow['kind'] })}>
                    <option value="complement">Total − figure</option>
                    <option value="difference">Figure − figure</option>
                  </select>
                </label>
                {row.kind === 'complement' && (
                  <label className="ch-row__field ch-row__field--narrow">
                    <span className="ch-row__label">Total</span>
                    <input className="input input--small" inputMode="decimal" value={row.total} onChange={(e) => update({ total: e.target.value })} />
                  </label>
                )}
                <label className="ch-row__field ch-row__field--wide">
                  <span className="ch-row__label">{row.kind === 'complement' ? 'Minus' : 'Figure'}</span>
                  <select className="input input--small" value={row.of} onChange={(e) => update({ of: e.target.value })}>
                    <option value="">Choose a figure…</option>
                    {factChoices.map((f) => (
                      <option key={f.id} value={f.id}>
                        {f.name}
                      </option>
                    ))}
                  </select>
                </label>
                {row.kind === 'difference' && (
                  <label className="ch-row__field ch-row__field--wide">
                    <span className="ch-row__label">Minus</span>
                    <select className="input input--small" value={row.minus} onChange={(e) => update({ minus: e.target.value })}>
                      <option value="">Choose a figure…</option>
                      {factChoices.map((f) => (
                        <option key={f.id} value={f.id}>
                          {f.name}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
                <label className="ch-row__field ch-row__field--wide">
                  <span className="ch-row__label">Label</span>
                  <input className="input input--small" value={row.label} maxLength={200} placeholder="e.g. National resources" onChange={(e) => update({ label: e.target.value })} />
                </label>
                <button type="button" className="icon-button icon-button--small ch-row__remove" aria-label={`Remove derived value ${index + 1}`} title="Remove" onClick={() => commitDerived(derived.filter((r) => r.key !== row.key))}>
                  <span aria-hidden="true">×</span>
                </button>
                {incomplete && <p className="ch-row__hint">Choose the figures and a label; it is drawn once complete.</p>}
              </li>
            );
          })}
        </ul>
        <button
          type="button"
          className="button button--small"
          disabled={derived.length >= 10}
          onClick={() => commitDerived([...derived, { key: nextKey(), kind: 'complement', of: chart.factIds[0] ?? '', minus: '', total: '100', label: '' }])}
        >
          + Derived value
        </button>
      </Section>

      <Section title="Numbers and axes">
        <div className="ch-grid">
          <TextField label="Unit" value={readString(options, 'unit')} maxLength={100} placeholder="From the facts" onChange={(v) => setOption('unit', v)} />
          <SelectField label="Number format" value={readString(options, 'locale')} onChange={(v) => setOption('locale', v)}>
            <option value="">Default: English (UK)</option>
            {LOCALES.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </SelectField>
          <SelectField label="Decimals" value={decimals === null ? '' : String(decimals)} onChange={(v) => setOption('decimals', v === '' ? undefined : Number(v))}>
            <option value="">As in the data (up to 2)</option>
            {[0, 1, 2, 3].map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </SelectField>
          <SelectField label="Value labels" value={readString(options, 'labelPosition') || 'auto'} onChange={(v) => setOption('labelPosition', v === 'auto' ? undefined : v)}>
            {LABEL_POSITIONS.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </SelectField>
          <TextField label="Horizontal axis title" value={readString(options, 'xAxisLabel')} maxLength={200} onChange={(v) => setOption('xAxisLabel', v)} />
          <TextField label="Vertical axis title" value={readString(options, 'yAxisLabel')} maxLength={200} onChange={(v) => setOption('yAxisLabel', v)} />
          {!isSeries && chart.type !== 'big-number' && (
            <SelectField label="Order" value={readString(options, 'sort') || 'none'} onChange={(v) => setOption('sort', v === 'none' ? undefined : v)}>
              <option value="none">As picked</option>
              <option value="desc">Largest first</option>
              <option value="asc">Smallest first</option>
            </SelectField>
          )}
        </div>
        <div className="ch-checks">
          <label className="ch-check">
            <input type="checkbox" checked={readBoolean(options, 'compact') === true} onChange={(e) => setOption('compact', e.target.checked || undefined)} />
            Short numbers (1.2M)
          </label>
          {chart.type === 'line' && (
            <label className="ch-check">
              <input type="checkbox" checked={zeroBased !== false} onChange={(e) => setOption('zeroBased', e.target.checked ? undefined : false)} />
              Start the value axis at zero
            </label>
          )}
        </div>
      </Section>

      <Section title="Colours">
        <SelectField
          label="Palette"
          value={preset}
          onChange={(id) => {
            setPreset(id);
            if (id === 'custom') commitCustom(customColors);
            else setOption('colors', PALETTE_PRESETS.find((p) => p.id === id)?.colors ?? undefined);
          }}
        >
          {PALETTE_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
          <option value="custom">Custom colours…</option>
        </SelectField>
        {preset !== 'custom' && (
          <ul className="ch-swatches" aria-label="Palette colours">
            {shownColors.map((c) => (
              <li key={c} className="ch-swatch" title={c}>
                <svg width="18" height="18" aria-hidden="true">
                  <rect width="18" height="18" rx="3" fill={c} />
                </svg>
              </li>
            ))}
          </ul>
        )}
        {preset === 'custom' && (
          <ul className="ch-colors">
            {customColors.map((c, i) => {
              const valid = HEX_COLOUR.test(c.trim());
              const setAt = (value: string) => commitCustom(customColors.map((other, j) => (j === i ? value : other)));
              return (
                <li key={i} className="ch-color">
                  <input type="color" className="ch-color__picker" aria-label={`Pick colour ${i + 1}`} value={valid && c.trim().length === 7 ? c.trim() : '#000000'} onChange={(e) => setAt(e.target.value.toUpperCase())} />
                  <input className="input input--small ch-color__hex" aria-label={`Colour ${i + 1} (hex)`} aria-invalid={valid ? undefined : true} value={c} maxLength={7} spellCheck={false} onChange={(e) => setAt(e.target.value)} />
                  <button type="button" className="icon-button icon-button--small" aria-label={`Remove colour ${i + 1}`} title="Remove" disabled={customColors.length <= 1} onClick={() => commitCustom(customColors.filter((_, j) => j !== i))}>
                    <span aria-hidden="true">×</span>
                  </button>
                  {!valid && <span className="ch-color__error">Use #rgb or #rrggbb</span>}
                </li>
              );
            })}
            <li>
              <button type="button" className="button button--small" disabled={customColors.length >= 12} onClick={() => commitCustom([...customColors, OKABE_ITO[customColors.length % OKABE_ITO.length]!])}>
                + Colour
              </button>
            </li>
          </ul>
        )}
        {paletteWarnings.length > 0 && (
          <div className="ch-warning" role="alert">
            <strong>Some readers will not tell these colours apart.</strong>
            <ul>
              {paletteWarnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
            <button type="button" className="link-button" onClick={() => {
              setPreset('default');
              setOption('colors', undefined);
            }}>
              Use the colour-blind-safe palette
            </button>
          </div>
        )}
      </Section>

      <Section title="Annotations">
        <p className="ch-muted ch-small">A target line, a shaded range or a short note on the chart.</p>
        <ul className="ch-rows">
          {annotations.map((row, index) => (
            <AnnotationEditor
              key={row.key}
              row={row}
              index={index}
              onChange={(next) => commitAnnotations(annotations.map((r) => (r.key === row.key ? next : r)))}
              onRemove={() => commitAnnotations(annotations.filter((r) => r.key !== row.key))}
            />
          ))}
        </ul>
        <div className="ch-add-row">
          {(['line', 'band', 'text'] as const).map((kind) => (
            <button
              key={kind}
              type="button"
              className="button button--small"
              disabled={annotations.length >= 10}
              onClick={() => commitAnnotations([...annotations, { key: nextKey(), kind, value: '', from: '', to: '', label: '', text: '', at: '' }])}
            >
              + {ANNOTATION_NAMES[kind]}
            </button>
          ))}
        </div>
      </Section>

      <Section title="Data note">
        <TextField
          label="Note under the chart"
          multiline
          value={readString(options, 'note')}
          maxLength={1000}
          onChange={(v) => setOption('note', v)}
          placeholder="e.g. Figures as reported by each source; dates are the sources’ own cut-off dates."
          hint="Currency, dates, method: what a reader needs to read the figures right."
        />
      </Section>

      <Section title="Size in a report">
        <fieldset className="ch-segmented ch-segmented--small">
          <legend className="ch-visually-hidden">Width in a report</legend>
          {(['full', 'half'] as const).map((w) => (
            <label key={w} className="ch-segmented__option" data-checked={width === w || undefined}>
              <input type="radio" name={`width-${chart.id}`} checked={width === w} onChange={() => onWidthChange(w)} />
              {w === 'full' ? 'Full width' : 'Half width'}
            </label>
          ))}
        </fieldset>
      </Section>
    </div>
  );
};
