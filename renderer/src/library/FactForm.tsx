import { useEffect, useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { FactInput } from '../../../electron/shared/contract/library';
import type { Fact, Source } from '../../../electron/shared/entities';
import { DATE_HINT, parsePartialDate } from '../../../electron/shared/partial-date';
import { isQualifier, proposeQualifier } from '../../../electron/shared/qualifiers';
import { useApi } from '../api/api-context';
import { Field, fieldsNamedIn } from '../ui/Field';
import { formatNumber } from './format';
import { IndicatorPicker, type IndicatorChoice } from './IndicatorPicker';
import { NUMBER_HINT, parseNumber } from './parse-number';
import { Sheet } from '../ui/Sheet';
import { SourceForm } from './SourceForm';
import { locateQuote } from '../../../electron/shared/domain/quote';
import { TagInput } from './TagInput';
import type { Facets, Loadable, SourceSummaries } from './use-library-lists';
import { QualifierOptions } from './QualifierOptions';

const FIELDS = ['sourceId', 'statement', 'qualifier', 'value', 'unit', 'asOf', 'quote', 'tags', 'indicator', 'note'] as const;
type FieldName = (typeof FIELDS)[number];
type Errors = Partial<Record<FieldName | 'form', string>>;

interface Draft {
  sourceId: string;
  statement: string;
  value: string;
  unit: string;
  /** '' for none. */
  qualifier: string;
  /** Until the user picks a qualifier, it follows the quote (see proposeQualifier). */
  qualifierChosen: boolean;
  asOf: string;
  quote: string;
  tags: string[];
  /** The indicator's key once chosen ('' for none); a new one is created from its label on save. */
  indicator: string;
  indicatorText: string;
  indicatorChoice: IndicatorChoice;
  note: string;
}

const toDraft = (fact: Fact | null, presetSourceId: string | null, labelOf: (key: string) => string): Draft => ({
  sourceId: fact?.sourceId ?? presetSourceId ?? '',
  statement: fact?.statement ?? '',
  value: fact?.value === null || fact?.value === undefined ? '' : String(fact.value),
  unit: fact?.unit ?? '',
  qualifier: fact?.qualifier ?? '',
  qualifierChosen: fact !== null,
  asOf: fact?.asOf ?? '',
  quote: fact?.quote ?? '',
  tags: fact?.tags ?? [],
  indicator: fact?.indicator ?? '',
  indicatorText: fact?.indicator ? labelOf(fact.indicator) : '',
  indicatorChoice: fact?.indicator ? { kind: 'existing', key: fact.indicator } : { kind: 'none' },
  note: fact?.note ?? '',
});

/** Checks a draft the way the core will, so the user sees each problem next to its field. */
const validate = (draft: Draft): { errors: Errors; input: FactInput | null } => {
  const errors: Errors = {};
  if (!draft.sourceId) errors.sourceId = 'Choose the source this fact comes from, or add a new one.';
  if (!draft.statement.trim()) errors.statement = 'Write the fact as one sentence you could cite.';
  const value = parseNumber(draft.value.replace(/%\s*$/, ''));
  if (!value.ok) errors.value = value.message;
  const asOf = parsePartialDate(draft.asOf);
  if (!asOf.ok) errors.asOf = asOf.message;
  if (draft.unit.trim().length > 100) errors.unit = 'Keep the unit short (100 characters at most), such as “people” or “%”.';
  if (draft.indicatorText.trim() && draft.indicatorChoice.kind === 'none') {
    errors.indicator = `Choose an indicator from the list, or choose “Create indicator” to add “${draft.indicatorText.trim()}”.`;
  }
  if (Object.keys(errors).length > 0 || !value.ok || !asOf.ok) return { errors, input: null };
  const percent = /%\s*$/.test(draft.value) && !draft.unit.trim();
  return {
    errors,
    input: {
      sourceId: draft.sourceId,
      statement: draft.statement.trim(),
      value: value.value,
      unit: percent ? '%' : draft.unit.trim() || null,
      qualifier: isQualifier(draft.qualifier) ? draft.qualifier : null,
      asOf: asOf.value,
      quote: draft.quote.trim(),
      tags: draft.tags,
      indicator: draft.indicatorChoice.kind === 'existing' ? draft.indicatorChoice.key : null,
      note: draft.note.trim(),
    },
  };
};

export type FactFormMode = { kind: 'create'; presetSourceId: string | null } | { kind: 'edit'; fact: Fact };

export const FactForm = ({
  mode,
  sources,
  facets,
  onSaved,
  onSourceCreated,
  onClose,
}: {
  mode: FactFormMode;
  sources: Loadable<SourceSummaries>;
  facets: Loadable<Facets>;
  onSaved: (fact: Fact) => void;
  onSourceCreated: (source: Source) => void;
  onClose: () => void;
}) => {
  const api = useApi();
  const editing = mode.kind === 'edit' ? mode.fact : null;
  const labelOf = (key: string) => (facets.kind === 'loaded' ? facets.value.indicators.find((indicator) => indicator.key === key)?.label : undefined) ?? key;
  const [draft, setDraft] = useState<Draft>(() => toDraft(editing, mode.kind === 'create' ? mode.presetSourceId : null, labelOf));
  // The revision this form last saw; a save against an older one is refused (issue 13 §2).
  const [revision, setRevision] = useState(editing?.revision ?? 1);
  const [stale, setStale] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [addingSource, setAddingSource] = useState(false);
  const [createdSources, setCreatedSources] = useState<Source[]>([]);
  const [sourceText, setSourceText] = useState<{ id: string; text: string } | null>(null);

  const sourceOptions = useMemo(() => {
    const listed = sources.kind === 'loaded' ? sources.value : [];
    const extra = createdSources.filter((created) => !listed.some((source) => source.id === created.id));
    return [...listed, ...extra].map((source) => ({ id: source.id, label: [source.outlet, source.title].filter(Boolean).join(' — ') }));
  }, [sources, createdSources]);

  // The chosen source's text, to warn (not block) when the quote cannot be found in it.
  useEffect(() => {
    if (!draft.sourceId) return;
    let active = true;
    void api.call('sources:get', { id: draft.sourceId }).then((result) => {
      if (active && result.ok) setSourceText({ id: result.value.id, text: result.value.text });
    });
    return () => {
      active = false;
    };
  }, [api, draft.sourceId]);

  const quoteMissing = !!draft.quote.trim() && sourceText?.id === draft.sourceId && locateQuote(sourceText.text, draft.quote.trim(), null) === null && sourceText.text !== '';

  const update = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraftWith({ [key]: value } as Partial<Draft>);
  const setDraftWith = (changes: Partial<Draft>) => {
    const next = { ...draft, ...changes };
    if ('qualifier' in changes) next.qualifierChosen = true;
    else if (!next.qualifierChosen && ('quote' in changes || 'value' in changes)) {
      // Proposed from the quote as the user fills it in: "more than 13,4%" proposes "more than".
      const value = parseNumber(next.value.replace(/%\s*$/, ''));
      next.qualifier = (value.ok ? proposeQualifier(next.quote, value.value) : null) ?? '';
    }
    setDraft(next);
    // After a first attempt, re-check as the user fixes things so messages go away promptly.
    if (submitted) setErrors((current) => ({ ...validate(next).errors, form: current.form }));
  };

  /** `copy`: after a conflict, the user's version is kept as a new fact beside the one saved elsewhere. */
  const submit = async (event?: FormEvent, as: 'save' | 'copy' = 'save') => {
    event?.preventDefault();
    if (saving) return;
    setSubmitted(true);
    const { errors: found, input: checked } = validate(draft);
    // The core refuses a quote that is not in the source's text; say so next to the field first.
    if (quoteMissing) found.quote = 'This sentence is not in the source’s text. Copy the exact words, or leave the quote empty.';
    const input = found.quote ? null : checked;
    setErrors(found);
    if (!input) {
      const first = FIELDS.find((field) => found[field]);
      if (first) document.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
      return;
    }
    setSaving(true);
    if (draft.indicatorChoice.kind === 'new') {
      // Created only now, when the fact is saved, so a cancelled form leaves no stray indicator.
      const created = await api.call('indicators:create', { label: draft.indicatorText.trim(), unit: input.unit ?? null });
      if (!created.ok) {
        setSaving(false);
        setErrors({ indicator: created.error.message, form: created.error.message });
        return;
      }
      input.indicator = created.value.key;
    }
    const result = editing && as === 'save' ? await api.call('facts:update', { id: editing.id, revision, changes: input }) : await api.call('facts:create', input);
    setSaving(false);
    if (result.ok) {
      setStale(false);
      onSaved(result.value);
      return;
    }
    // Changed elsewhere: keep what the user typed on screen until they choose to reload.
    setStale(result.error.code === 'CONFLICT' && editing !== null);
    const named: Errors = result.error.code === 'INVALID_INPUT' ? fieldsNamedIn(result.error.message, FIELDS) : {};
    if (result.error.code === 'INVALID_INPUT' && /\bquote\b/i.test(result.error.message) && !named.quote) named.quote = result.error.message;
    setErrors({ ...named, form: result.error.message });
  };

  const reload = async () => {
    if (!editing) return;
    const result = await api.call('facts:get', { id: editing.id });
    if (!result.ok) {
      setErrors({ form: result.error.message });
      return;
    }
    setDraft(toDraft(result.value.fact, null, labelOf));
    setRevision(result.value.fact.revision);
    setStale(false);
    setErrors({});
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };

  const parsedValue = parseNumber(draft.value.replace(/%\s*$/, ''));
  const valueHint = parsedValue.ok && parsedValue.value !== null && draft.value.trim() !== String(parsedValue.value) ? `Read as ${formatNumber(parsedValue.value)}.` : NUMBER_HINT;
  const indicators = facets.kind === 'loaded' ? facets.value.indicators : [];
  // Facets may arrive after the form opened: a chosen indicator is still shown by its label, never its key.
  const chosenKey = draft.indicatorChoice.kind === 'existing' ? draft.indicatorChoice.key : null;
  const indicatorText = chosenKey !== null && draft.indicatorText === chosenKey ? (indicators.find((indicator) => indicator.key === chosenKey)?.label ?? chosenKey) : draft.indicatorText;
  const indicatorHint =
    draft.indicatorChoice.kind === 'new'
      ? 'A new indicator, created when you save. A label with “since …” or “to date” is read as a running total: its figures are compared by the date they count to.'
      : 'What the figure measures: figures of one indicator for the same period are checked for disagreement; different dates make a series.';
  const units = [...new Set(indicators.map((indicator) => indicator.unit).filter((unit): unit is string => !!unit))];

  return (
    <Sheet
      title={editing ? 'Edit fact' : 'Add a fact'}
      description="A fact is one figure or statement, with the exact sentence it comes from and the source that published it."
      onClose={onClose}
      footer={
        <>
          {errors.form && (
            <p className="error-text sheet__footer-error" role="alert">
              {errors.form}
            </p>
          )}
          {stale && (
            <>
              <button type="button" className="button" onClick={() => void reload()}>
                Reload the saved version
              </button>
              <button type="button" className="button" disabled={saving} onClick={() => void submit(undefined, 'copy')} title="Keeps both: the version saved elsewhere, and yours as a new fact">
                Keep mine as a new fact
              </button>
            </>
          )}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="fact-form" className="button button--primary" disabled={saving} title="Save (Ctrl+Enter)">
            {saving ? 'Saving…' : editing ? 'Save changes' : 'Add fact'}
          </button>
        </>
      }
    >
      <form id="fact-form" className="form" noValidate onSubmit={(event) => void submit(event)} onKeyDown={onKeyDown}>
        <Field label="Source" required error={errors.sourceId}>
          {(props) => (
            <div className="field__row">
              <select
                {...props}
                data-field="sourceId"
                data-autofocus={editing ? undefined : ''}
                className="input"
                value={draft.sourceId}
                onChange={(event) => update('sourceId', event.target.value)}
              >
                <option value="">{sourceOptions.length ? 'Choose a source…' : sources.kind === 'loading' ? 'Loading sources…' : 'No sources yet: add one'}</option>
                {sourceOptions.map((source) => (
                  <option key={source.id} value={source.id}>
                    {source.label}
                  </option>
                ))}
              </select>
              <button type="button" className="button" onClick={() => setAddingSource(true)}>
                New source…
              </button>
            </div>
          )}
        </Field>
        <Field label="Statement" required error={errors.statement} hint="One sentence, in your words, that a reader could cite.">
          {(props) => (
            <textarea
              {...props}
              data-field="statement"
              data-autofocus={editing ? '' : undefined}
              className="input"
              rows={2}
              value={draft.statement}
              onChange={(event) => update('statement', event.target.value)}
            />
          )}
        </Field>
        <div className="form__row form__row--figure">
          <Field label="Qualifier" error={errors.qualifier} hint={draft.qualifier && !draft.qualifierChosen ? 'From the quote' : 'more than, about…'}>
            {(props) => (
              <select {...props} data-field="qualifier" className="input" value={draft.qualifier} onChange={(event) => update('qualifier', event.target.value)}>
                <QualifierOptions />
              </select>
            )}
          </Field>
          <Field label="Value" error={errors.value} hint={valueHint} className="form__value">
            {(props) => (
              <input
                {...props}
                data-field="value"
                className="input"
                inputMode="decimal"
                autoComplete="off"
                value={draft.value}
                placeholder="e.g. 415"
                onChange={(event) => update('value', event.target.value)}
              />
            )}
          </Field>
          <Field label="Unit" error={errors.unit} hint="people, hectares, %…">
            {(props) => (
              <>
                <input {...props} data-field="unit" className="input" list="fact-form-units" value={draft.unit} onChange={(event) => update('unit', event.target.value)} />
                <datalist id="fact-form-units">
                  {units.map((unit) => (
                    <option key={unit} value={unit} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <Field label="As of" error={errors.asOf} hint="YYYY, YYYY-MM or YYYY-MM-DD">
            {(props) => (
              <input
                {...props}
                data-field="asOf"
                className="input"
                inputMode="numeric"
                placeholder="2025-12"
                title={DATE_HINT}
                value={draft.asOf}
                onChange={(event) => update('asOf', event.target.value)}
              />
            )}
          </Field>
        </div>
        <Field
          label="Quote"
          error={errors.quote}
          hint={
            quoteMissing ? (
              <span className="field__warning">This sentence is not in the source’s text yet. Copy it exactly, so it can be highlighted there.</span>
            ) : (
              'The sentence exactly as it stands in the source, so it can be highlighted there.'
            )
          }
        >
          {(props) => <textarea {...props} data-field="quote" className="input" rows={3} value={draft.quote} onChange={(event) => update('quote', event.target.value)} />}
        </Field>
        <div className="form__row form__row--two">
          <Field label="Indicator" error={errors.indicator} hint={indicatorHint}>
            {(props) => (
              <IndicatorPicker
                inputProps={props}
                indicators={indicators}
                text={indicatorText}
                choice={draft.indicatorChoice}
                onText={(text) => setDraftWith({ indicatorText: text, indicatorChoice: { kind: 'none' }, indicator: '' })}
                onChoose={(choice, label) => setDraftWith({ indicatorText: label, indicatorChoice: choice, indicator: choice.kind === 'existing' ? choice.key : '' })}
              />
            )}
          </Field>
          <Field label="Tags" error={errors.tags}>
            {(props) => (
              <TagInput
                id={props.id}
                describedBy={props['aria-describedby']}
                tags={draft.tags}
                suggestions={facets.kind === 'loaded' ? facets.value.tags.map((entry) => entry.tag) : []}
                onChange={(tags) => update('tags', tags)}
              />
            )}
          </Field>
        </div>
        <Field label="Note" error={errors.note} hint="For you: caveats, how the figure was read.">
          {(props) => <textarea {...props} data-field="note" className="input" rows={2} value={draft.note} onChange={(event) => update('note', event.target.value)} />}
        </Field>
      </form>
      {addingSource && (
        <SourceForm
          mode={{ kind: 'create' }}
          onClose={() => setAddingSource(false)}
          onSaved={(source) => {
            setAddingSource(false);
            setCreatedSources((current) => [...current, source]);
            update('sourceId', source.id);
            onSourceCreated(source);
          }}
        />
      )}
    </Sheet>
  );
};
