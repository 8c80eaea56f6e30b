import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Chart } from '../../../electron/shared/entities';
import type { ApiError } from '../../../electron/shared/result';
import { useApi } from '../api/api-context';
import { downloadBlob } from '../app/download';
import { Sheet } from '../ui/Sheet';
import { fileBaseName, svgBlob, svgToPngBlob } from './chart-export';
import { exportSizeFor, TYPE_LABELS, type ChartType, type WidthHint } from './chart-options';
import { ChartForm } from './ChartForm';
import { ChartPreview } from './ChartPreview';
import { ChartTypePicker } from './ChartTypePicker';
import { FactChooser, isChoiceReady, type FigureChoice } from './FactChooser';
import { useChartRender } from './use-chart-render';
import { useFactsById, type FactLookup } from './use-facts-by-id';
import '../styles/library.css';
import '../styles/charts.css';

export interface ChartBuilderProps {
  /** Edit this saved chart; without it the builder starts by picking the figures. */
  chartId?: string;
  /** Figures to start from (e.g. facts picked in a report, or an indicator). */
  initial?: { factIds?: string[]; indicator?: string };
  /** Citation numbers of the report the chart sits in, for its source line. */
  citationNumbers?: Record<string, number>;
  /** The chart's width in the report; the caller stores it on its chart block. */
  width?: WidthHint;
  /** The page of the report the chart is for (A4 without one), so the preview is sized as printed. */
  pageSize?: 'A4' | 'LETTER';
  onSaved: (chart: Chart, placement: { width: WidthHint }) => void;
  onClose: () => void;
}

type Phase = { kind: 'choose' } | { kind: 'loading' } | { kind: 'load-error'; error: ApiError } | { kind: 'edit' };

/** A first type to suggest for the picked figures. */
const suggestType = (choice: FigureChoice, facts: FactLookup): ChartType | null => {
  if (choice.mode === 'indicator') return choice.indicator ? 'line' : null;
  const picked = choice.factIds.map((id) => facts.get(id)).filter((f) => f && f !== 'missing');
  if (choice.factIds.length === 0) return null;
  if (choice.factIds.length === 1) return 'big-number';
  const dates = new Set(picked.map((f) => (f && f !== 'missing' ? f.asOf : null)).filter(Boolean));
  const indicators = new Set(picked.map((f) => (f && f !== 'missing' ? f.indicator : null)));
  if (picked.length === choice.factIds.length && indicators.size === 1 && dates.size >= 3) return 'line';
  return 'bar-horizontal';
};

const keyOf = (chart: Chart | null, width: WidthHint) => (chart ? JSON.stringify({ ...chart, updatedAt: '', width }) : '');

/**
 * Create or edit one chart: pick the figures (facts, or an indicator over time) and a type, and
 * the chart is drawn at once; then words, numbers, colours, annotations and alt text, with a live
 * preview as the PDF will draw it. Nothing but the new chart is stored until Save.
 */
export const ChartBuilder = ({ chartId, initial, citationNumbers, width: initialWidth = 'full', pageSize, onSaved, onClose }: ChartBuilderProps) => {
  const api = useApi();
  const [phase, setPhase] = useState<Phase>(chartId ? { kind: 'loading' } : { kind: 'choose' });
  const [attempt, setAttempt] = useState(0);
  const [choice, setChoice] = useState<FigureChoice>(() => ({
    mode: initial?.indicator && !initial.factIds?.length ? 'indicator' : 'facts',
    factIds: initial?.factIds ?? [],
    indicator: initial?.indicator ?? null,
  }));
  const [draft, setDraft] = useState<Chart | null>(null);
  const [width, setWidth] = useState<WidthHint>(initialWidth);
  const [baseline, setBaseline] = useState('');
  // A chart made here and never saved is removed again if the user walks away from it.
  const [unsavedNew, setUnsavedNew] = useState(false);
  const [creating, setCreating] = useState<ChartType | null>(null);
  const [createError, setCreateError] = useState<ApiError | null>(null);
  const [refigure, setRefigure] = useState<FigureChoice | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [confirmClose, setConfirmClose] = useState(false);
  const [exporting, setExporting] = useState<'svg' | 'png' | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);

  useEffect(() => {
    if (!chartId) return;
    let active = true;
    void api.call('charts:get', { id: chartId }).then((result) => {
      if (!active) return;
      if (!result.ok) return setPhase({ kind: 'load-error', error: result.error });
      setDraft(result.value);
      setBaseline(keyOf(result.value, initialWidth));
      setPhase({ kind: 'edit' });
    });
    return () => {
      active = false;
    };
  }, [api, chartId, attempt, initialWidth]);

  const facts = useFactsById(draft?.factIds ?? choice.factIds);
  // Sized by the server from the chart's model, by the rule the PDF uses (shared/domain/chart-frame.ts).
  const size = useMemo(() => ({ fit: { pageSize: pageSize ?? ('A4' as const), column: width } }), [pageSize, width]);
  const preview = useChartRender(phase.kind === 'edit' ? draft : null, size, citationNumbers);
  const dirty = draft !== null && keyOf(draft, width) !== baseline;
  const suggested = suggestType(choice, facts);

  const update = useCallback((change: (chart: Chart) => Chart) => {
    setDraft((current) => (current ? change(current) : current));
    setSaveError(null);
    setConfirmClose(false);
  }, []);

  const create = async (type: ChartType) => {
    if (!isChoiceReady(choice) || creating) return;
    setCreating(type);
    setCreateError(null);
    const result = await api.call('charts:create', {
      type,
      factIds: choice.mode === 'facts' ? choice.factIds : [],
      indicator: choice.mode === 'indicator' ? choice.indicator : null,
    });
    setCreating(null);
    if (!result.ok) return setCreateError(result.error);
    setDraft(result.value);
    setBaseline(keyOf(result.value, width));
    setUnsavedNew(true);
    setPhase({ kind: 'edit' });
  };

  const save = async () => {
    if (!draft || saving) return;
    setSaving(true);
    setSaveError(null);
    const result = await api.call('charts:save', { chart: { ...draft, title: draft.title.trim() } });
    setSaving(false);
    if (!result.ok) return setSaveError(result.error);
    setDraft(result.value);
    setBaseline(keyOf(result.value, width));
    setUnsavedNew(false);
    onSaved(result.value, { width });
  };

  // After a CONFLICT (the chart was saved elsewhere, issue 13 §2): take the saved version; the
  // user's edits stay on screen until they choose this.
  const reloadSaved = async () => {
    if (!draft) return;
    const result = await api.call('charts:get', { id: draft.id });
    if (!result.ok) return setSaveError(result.error);
    setDraft(result.value);
    setBaseline(keyOf(result.value, width));
    setSaveError(null);
  };

  // After a CONFLICT, the other way out: the user's drawing becomes a new chart; the one saved
  // elsewhere stays as it is.
  const keepCopy = async () => {
    if (!draft || saving) return;
    setSaving(true);
    const created = await api.call('charts:create', { type: draft.type, factIds: draft.factIds, indicator: draft.indicator });
    const result = created.ok
      ? await api.call('charts:save', { chart: { ...draft, id: created.value.id, revision: created.value.revision, title: draft.title.trim() } })
      : created;
    setSaving(false);
    if (!result.ok) return setSaveError(result.error);
    setDraft(result.value);
    setBaseline(keyOf(result.value, width));
    setUnsavedNew(false);
    setSaveError(null);
    onSaved(result.value, { width });
  };

  const discard = async () => {
    if (unsavedNew && draft) await api.call('charts:delete', { id: draft.id });
    onClose();
  };

  const requestClose = () => {
    if (saving) return;
    if (phase.kind === 'edit' && (dirty || unsavedNew) && !confirmClose) setConfirmClose(true);
    else void discard();
  };

  const applyFigures = async (next: FigureChoice) => {
    if (!draft) return;
    if (next.mode === 'indicator' && next.indicator) {
      const result = await api.call('facts:search', { indicators: [next.indicator], limit: 500 });
      if (!result.ok) return setSaveError(result.error);
      const ids = result.value.items.filter((f) => f.value !== null).map((f) => f.id);
      if (ids.length === 0) return setSaveError({ code: 'INVALID_INPUT', message: 'This indicator has no figures yet.' });
      update((chart) => ({ ...chart, factIds: ids, indicator: next.indicator }));
    } else {
      update((chart) => ({ ...chart, factIds: next.factIds, indicator: null }));
    }
    setRefigure(null);
  };

  const exportAs = async (kind: 'svg' | 'png') => {
    if (!draft) return;
    setExporting(kind);
    setExportError(null);
    try {
      const exportSize = exportSizeFor(draft);
      const result = await api.call('charts:render', { chart: draft, ...exportSize, citationNumbers: citationNumbers ?? {} });
      if (!result.ok) throw new Error(result.error.message);
      const name = fileBaseName(draft.title);
      if (kind === 'svg') downloadBlob(svgBlob(result.value.svg), `${name}.svg`);
      else downloadBlob(await svgToPngBlob(result.value.svg, result.value.width, result.value.height, 2), `${name}.png`);
    } catch (error) {
      setExportError(`The ${kind.toUpperCase()} could not be made: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setExporting(null);
    }
  };

  // Ctrl+S saves while the chart is open.
  useEffect(() => {
    if (phase.kind !== 'edit') return;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        event.stopPropagation();
        if (!refigure) void save();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  });

  let body;
  let footer;
  if (phase.kind === 'loading') {
    body = (
      <p className="ch-muted" role="status">
        Opening the chart…
      </p>
    );
  } else if (phase.kind === 'load-error') {
    body = (
      <div role="alert" className="ch-state">
        <p className="error-text">{phase.error.code === 'NOT_FOUND' ? 'This chart was deleted.' : `The chart could not be opened: ${phase.error.message}`}</p>
        {phase.error.code !== 'NOT_FOUND' && (
          <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        )}
      </div>
    );
    footer = (
      <button type="button" className="button" onClick={onClose}>
        Close
      </button>
    );
  } else if (phase.kind === 'choose') {
    body = (
      <div className="ch-choose">
        <FactChooser choice={choice} onChange={setChoice} />
        <div className="ch-choose__types">
          <h3 className="ch-section__title">Chart type</h3>
          <p className="ch-muted ch-small">
            {isChoiceReady(choice) ? 'Click a type: the chart is drawn at once, and you can change the type later.' : choice.mode === 'facts' ? 'Tick the facts to chart first.' : 'Choose an indicator first.'}
          </p>
          <ChartTypePicker recommended={suggested} disabled={!isChoiceReady(choice) || creating !== null} busyType={creating} onPick={(type) => void create(type)} />
          {createError && (
            <p className="error-text" role="alert">
              The chart could not be made: {createError.message}
            </p>
          )}
        </div>
      </div>
    );
    footer = (
      <button type="button" className="button" onClick={onClose}>
        Cancel
      </button>
    );
  } else if (draft && refigure) {
    body = <FactChooser choice={refigure} onChange={setRefigure} />;
    footer = (
      <>
        <button type="button" className="button" onClick={() => setRefigure(null)}>
          Back to the chart
        </button>
        <button type="button" className="button button--primary" disabled={!isChoiceReady(refigure)} onClick={() => void applyFigures(refigure)}>
          Use these figures
        </button>
      </>
    );
  } else if (draft) {
    body = (
      <div className="ch-editor" data-native-undo="">
        <div className="ch-editor__form">
          <ChartForm
            key={draft.id}
            chart={draft}
            onChange={update}
            facts={facts}
            draftedAltText={preview.render?.draftedAltText ?? ''}
            paletteWarnings={preview.render?.paletteWarnings ?? []}
            width={width}
            onWidthChange={setWidth}
            onChangeFigures={() => setRefigure({ mode: draft.indicator ? 'indicator' : 'facts', factIds: draft.factIds, indicator: draft.indicator })}
          />
        </div>
        <div className="ch-editor__preview">
          <ChartPreview
            render={preview.render}
            pending={preview.pending}
            error={preview.error}
            width={width}
            onRemoveMissing={() => {
              const missing = new Set(preview.render?.missingFactIds ?? []);
              update((chart) => ({ ...chart, factIds: chart.factIds.filter((id) => !missing.has(id)) }));
            }}
          />
        </div>
      </div>
    );
    footer = confirmClose ? (
      <>
        <p className="ch-footer__message ch-footer__message--warn" role="alert">
          {unsavedNew ? 'This new chart has not been saved. Discard it?' : 'Discard your changes to this chart?'}
        </p>
        <button type="button" className="button" data-autofocus="" onClick={() => setConfirmClose(false)}>
          Keep editing
        </button>
        <button type="button" className="button button--danger" onClick={() => void discard()}>
          Discard
        </button>
      </>
    ) : (
      <>
        <div className="ch-footer__start">
          <button type="button" className="button button--small" disabled={exporting !== null} onClick={() => void exportAs('svg')} title="The chart alone, as a vector file">
            {exporting === 'svg' ? 'Preparing…' : 'Download SVG'}
          </button>
          <button type="button" className="button button--small" disabled={exporting !== null} onClick={() => void exportAs('png')} title="The chart alone, as a picture (2×)">
            {exporting === 'png' ? 'Preparing…' : 'Download PNG'}
          </button>
        </div>
        {saveError?.code === 'CONFLICT' && (
          <p className="ch-footer__message error-text" role="alert">
            {saveError.message}{' '}
            <button type="button" className="button button--small" onClick={() => void reloadSaved()}>
              Reload the saved version
            </button>{' '}
            <button type="button" className="button button--small" disabled={saving} onClick={() => void keepCopy()}>
              Keep mine as a new chart
            </button>
          </p>
        )}
        <p className="ch-footer__message" role="status" aria-live="polite">
          {exportError ? (
            <span className="error-text">{exportError}</span>
          ) : saveError?.code === 'CONFLICT' ? (
            'Not saved'
          ) : saveError ? (
            <span className="error-text">Not saved: {saveError.message}</span>
          ) : saving ? (
            'Saving…'
          ) : dirty || unsavedNew ? (
            'Unsaved changes'
          ) : (
            'Saved'
          )}
        </p>
        <button type="button" className="button" onClick={requestClose}>
          {dirty || unsavedNew ? 'Cancel' : 'Close'}
        </button>
        <button type="button" className="button button--primary" disabled={saving || !draft.title.trim()} title="Save the chart (Ctrl+S)" onClick={() => void save()}>
          {saving ? 'Saving…' : 'Save chart'}
        </button>
      </>
    );
  }

  const title = phase.kind === 'choose' ? 'New chart' : refigure ? 'Change the figures' : draft ? `Edit chart: ${TYPE_LABELS[draft.type]}` : 'Chart';
  const description =
    phase.kind === 'choose'
      ? 'Pick the figures, then a chart type. Every chart carries the sources of its figures.'
      : refigure
        ? 'Tick the facts to show, or choose an indicator to chart over time.'
        : undefined;

  return (
    <Sheet title={title} description={description} onClose={requestClose} size="large" className="ch-builder" footer={footer}>
      {body}
    </Sheet>
  );
};
