import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FactView } from '../../../electron/shared/contract/library';
import type { ReportWarning, WarningAction } from '../../../electron/shared/contract/reports';
import { applyWarningAction, openWarnings, reopenWarning } from '../../../electron/shared/figure-decisions';
import type { Inline, Report, Section } from '../../../electron/shared/entities';
import { inlineFigureForm } from '../../../electron/shared/figure-form';
import type { FigureForm } from '../../../electron/shared/format-number';
import { formatPartialDate } from '../../../electron/shared/partial-date';
import { saysQualifier } from '../../../electron/shared/qualifiers';
import { formatValue } from '../library/format';
import { ChartsPanel } from '../charts/ChartsPanel';
import { PdfPreview } from '../pdf/PdfPreview';
import { Toast, type ToastMessage } from '../ui/Toast';
import { ExportDialog, type ExportOptions } from './ExportDialog';
import { FactPicker, type PickerTarget } from './FactPicker';
import { ConflictBanner } from './ConflictBanner';
import { HeaderForm } from './HeaderForm';
import { Outline } from './Outline';
import type { ChipContext, ChipView, ProseHandle } from './ProseEditor';
import { addKeyFigure, appendChartToSection, appendFactToSection, appendInlineToSection, citationNumbers as numberCitations, factIdsInReadingOrder, figureNumbers as numberFigures, moveSection, newSection, sectionPages, templateLabels, updateSection } from './report-model';
import { SectionEditor, type FocusRequest, type SectionEditorContext } from './SectionEditor';
import { useLiveFacts } from './use-live-facts';
import { useReportEditing, type SaveState } from './use-report-editing';
import { useReportPreview } from './use-report-preview';
import { useReportWarnings } from './use-report-warnings';
import { WarningsPanel } from './WarningsPanel';

type Panel = { kind: 'none' } | { kind: 'picker'; keyFigures: { sectionId: string; blockIndex: number | null } | null } | { kind: 'warnings' };

const shorten = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text);

const SaveIndicator = ({ state, onRetry }: { state: SaveState; onRetry: () => void }) => {
  if (state.kind === 'conflict') {
    // The banner below the bar explains and offers the choices; this only says where things stand.
    return (
      <span className="save-state save-state--error" data-testid="save-state" data-state="conflict" title={state.error.message}>
        Not saved
      </span>
    );
  }
  if (state.kind === 'error') {
    return (
      <span className="save-state save-state--error" role="alert" data-testid="save-state" data-state="error" title={state.error.message}>
        Not saved: {shorten(state.error.message, 60)}
        <button type="button" className="r-link-button" onClick={onRetry}>
          Retry
        </button>
      </span>
    );
  }
  const saving = state.kind === 'saving' || state.kind === 'pending';
  return (
    <span className="save-state" data-testid="save-state" data-state={saving ? 'saving' : 'saved'} aria-live="polite" title="Changes save by themselves; Ctrl+S saves now">
      {saving ? 'Saving…' : 'Saved'}
    </span>
  );
};

const isEditableTarget = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** How a chip's tooltip names the form its figure is written in. */
const FORM_NAMES: Record<FigureForm, string> = {
  value: 'as the number alone (the sentence names the unit)',
  'value-unit': 'with its unit',
  'value-unit-words': 'with its unit in words',
};

/**
 * The report editor: outline · the sections being written · the real PDF. A fact picker and
 * the warnings slide in over the preview; export is a dialog. Every change goes through
 * `change`, which keeps undo history and autosaves.
 */
export const ReportEditor = ({
  initial,
  exportOnOpen = false,
  onClose,
  onReload,
  onOpenCopy,
}: {
  initial: Report;
  exportOnOpen?: boolean;
  onClose: () => void;
  /** After a conflict: open the version saved elsewhere instead of this one. */
  onReload: () => void;
  /** After a conflict: open the copy that now holds this editor's text. */
  onOpenCopy: (id: string) => void;
}) => {
  const document = useReportEditing(initial);
  const { report, change, checkpoint, undo, redo, save } = document;
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const panelOpen = useRef(false);
  const [headerOpen, setHeaderOpen] = useState(false);
  const [exporting, setExporting] = useState(exportOnOpen);
  const [choosingChart, setChoosingChart] = useState(false);
  const [activeSectionId, setActiveSectionId] = useState<string | null>(initial.sections[0]?.id ?? null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [lastInserted, setLastInserted] = useState<{ text: string; id: number } | null>(null);
  const [pageTexts, setPageTexts] = useState<string[]>([]);
  const activeProse = useRef<{ sectionId: string; blockIndex: number; handle: ProseHandle } | null>(null);
  const counter = useRef(0);
  const editorRef = useRef<HTMLDivElement>(null);

  const factIds = useMemo(() => factIdsInReadingOrder(report), [report]);
  const numbers = useMemo(() => numberCitations(report), [report]);
  const citationRecord = useMemo(() => Object.fromEntries(numbers), [numbers]);
  const figures = useMemo(() => numberFigures(report), [report]);
  const live = useLiveFacts(factIds);
  const preview = useReportPreview(report);
  const checked = useReportWarnings(report);
  // The quick check usually answers first; the render's own list covers a failed check.
  const warnings = checked ?? preview.warnings;
  // Answered warnings stay listed (with their decision) but are not counted or shown on chips.
  const open = useMemo(() => (warnings ? openWarnings(warnings) : null), [warnings]);

  const warnedFacts = useMemo(() => {
    const map = new Map<string, ReportWarning[]>();
    for (const warning of open ?? []) if (warning.factId) map.set(warning.factId, [...(map.get(warning.factId) ?? []), warning]);
    return map;
  }, [open]);
  const warningCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const warning of open ?? []) if (warning.sectionId) counts.set(warning.sectionId, (counts.get(warning.sectionId) ?? 0) + 1);
    return counts;
  }, [open]);

  const show = useCallback((text: string, tone: ToastMessage['tone'] = 'info', action?: ToastMessage['action']) => {
    counter.current += 1;
    setToast({ id: counter.current, text, tone, action });
  }, []);
  const dismissToast = useCallback(() => setToast(null), []);

  const requestFocus = useCallback((key: string, at: 'start' | 'end') => {
    counter.current += 1;
    setFocusRequest({ key, token: counter.current, at });
  }, []);

  // ---- chips ---------------------------------------------------------------------------------

  const chipView = useCallback(
    (inline: Extract<Inline, { kind: 'fact' | 'figure-ref' }>, context: ChipContext): ChipView => {
      if (inline.kind === 'figure-ref') {
        const figure = figures.get(inline.chartId);
        return figure
          ? { value: `Figure ${figure}`, number: null, tone: 'ok', title: 'A reference to a chart in this report' }
          : { value: 'Figure ?', number: null, tone: 'error', title: 'This chart is not in the report any more' };
      }
      const number = numbers.get(inline.factId) ?? null;
      const fact = live.facts.get(inline.factId);
      if (!fact) {
        return live.missing.has(inline.factId)
          ? { value: 'Missing fact', number, tone: 'error', title: 'This fact was deleted from the library. Remove the chip or insert another fact.' }
          : { value: '…', number, tone: 'ok', title: 'Loading the fact' };
      }
      // Written as the PDF writes it: the form the sentence needs, the qualifier unless the text says it.
      const form = inlineFigureForm(fact.unit, context.after, inline.form);
      const qualifier = fact.qualifier && !saysQualifier(context.before, fact.qualifier) ? fact.qualifier : null;
      const value = fact.value === null ? `“${shorten(fact.statement, 40)}”` : formatValue(fact.value, fact.unit, qualifier, form);
      const formNote = fact.value === null ? [] : [`Written ${FORM_NAMES[form]}${inline.form ? '' : ', as the sentence needs'}. Click (or Alt+Shift+F just after it) to change.`];
      const factWarnings = warnedFacts.get(fact.id) ?? [];
      // The open warnings decide the tone: a disagreement the author answered (both cited) is no longer red.
      const tone = factWarnings.some((warning) => warning.severity === 'error') ? 'error' : factWarnings.length > 0 ? 'warn' : 'ok';
      const source = [fact.source.outlet ?? fact.source.title, fact.asOf ? `as of ${formatPartialDate(fact.asOf)}` : null].filter(Boolean).join(', ');
      const title = [fact.statement, `Source: ${source}`, ...formNote, ...factWarnings.map((warning) => `⚠ ${warning.message}`)].join('\n');
      return { value, number, tone, title };
    },
    [figures, numbers, live.facts, live.missing, warnedFacts],
  );
  const chipKey = `${factIds.join(',')}|${[...figures.keys()].join(',')}|${live.facts.size}|${live.missing.size}|${open?.length ?? -1}`;

  // ---- inserting -----------------------------------------------------------------------------

  const targetSectionId = (activeSectionId && report.sections.some((section) => section.id === activeSectionId) ? activeSectionId : report.sections[0]?.id) ?? null;

  const insertFact = useCallback(
    (fact: FactView, as: 'chip' | 'key-figure', keyFigures: { sectionId: string; blockIndex: number | null } | null, label: string) => {
      live.remember(fact);
      const value = fact.value === null ? shorten(fact.statement, 40) : formatValue(fact.value, fact.unit, fact.qualifier);
      counter.current += 1;
      const id = counter.current;
      if (as === 'key-figure') {
        const sectionId = keyFigures?.sectionId ?? targetSectionId;
        if (!sectionId) return;
        const afterIndex = activeProse.current?.sectionId === sectionId ? activeProse.current.blockIndex : null;
        change((current) => addKeyFigure(current, sectionId, { factId: fact.id, label }, { blockIndex: keyFigures?.blockIndex ?? null, afterIndex }));
        setLastInserted({ id, text: `Added ${value} as a key figure.` });
        return;
      }
      const prose = activeProse.current;
      checkpoint();
      if (prose && report.sections.some((section) => section.id === prose.sectionId) && prose.handle.insertFact(fact.id)) {
        setLastInserted({ id, text: `Inserted ${value} at the cursor.` });
        return;
      }
      if (!targetSectionId) return;
      change((current) => appendFactToSection(current, targetSectionId, fact.id));
      setLastInserted({ id, text: `Inserted ${value} at the end of the section.` });
    },
    [change, checkpoint, live, report.sections, targetSectionId],
  );

  // ---- sections ------------------------------------------------------------------------------

  const jumpToSection = useCallback((sectionId: string, factId?: string | null) => {
    setActiveSectionId(sectionId);
    const element = editorRef.current?.querySelector<HTMLElement>(`[data-section-id="${CSS.escape(sectionId)}"]`);
    if (!element) return;
    const chip = factId ? element.querySelector<HTMLElement>(`[data-fact-id="${CSS.escape(factId)}"]`) : null;
    (chip ?? element).scrollIntoView({ block: chip ? 'center' : 'start', behavior: 'smooth' });
    if (chip) {
      chip.classList.remove('flash');
      void chip.offsetWidth;
      chip.classList.add('flash');
    } else {
      element.querySelector<HTMLElement>('.section-editor__heading')?.focus({ preventScroll: true });
    }
  }, []);

  const deleteSection = (sectionId: string) => {
    const index = report.sections.findIndex((section) => section.id === sectionId);
    const removed = report.sections[index];
    if (!removed) return;
    change((current) => ({ ...current, sections: current.sections.filter((section) => section.id !== sectionId) }));
    if (activeProse.current?.sectionId === sectionId) activeProse.current = null;
    show(`Deleted the section “${shorten(removed.heading || 'Untitled section', 50)}”.`, 'info', {
      label: 'Undo',
      run: () => {
        change((current) => (current.sections.some((section) => section.id === removed.id) ? current : { ...current, sections: [...current.sections.slice(0, index), removed, ...current.sections.slice(index)] }));
        setToast(null);
      },
    });
  };

  const addSection = () => {
    const section: Section = newSection();
    change((current) => ({ ...current, sections: [...current.sections, section] }));
    setActiveSectionId(section.id);
    window.requestAnimationFrame(() => {
      const input = editorRef.current?.querySelector<HTMLInputElement>(`[data-focus-key="heading/${CSS.escape(section.id)}"]`);
      input?.scrollIntoView({ block: 'center' });
      input?.select();
    });
  };

  // ---- export --------------------------------------------------------------------------------

  const applyExportOptions = (options: ExportOptions): Report => {
    const next = { ...report, ...options };
    if (JSON.stringify(options) !== JSON.stringify({ pageSize: report.pageSize, citationStyle: report.citationStyle, tableOfContents: report.tableOfContents, evidenceAnnex: report.evidenceAnnex })) {
      change((current) => ({ ...current, ...options }));
    }
    return next;
  };

  const close = async () => {
    // A refused save keeps the editor open: leaving would drop the user's text without a choice.
    if (!(await save()) && document.isHalted()) return;
    onClose();
  };

  const keepCopy = async () => {
    const copy = await document.saveAsCopy();
    if (copy) onOpenCopy(copy.id);
  };

  // ---- keyboard ------------------------------------------------------------------------------

  const togglePicker = useCallback(() => setPanel((current) => (current.kind === 'picker' ? { kind: 'none' } : { kind: 'picker', keyFigures: null })), []);
  const closePanel = useCallback(() => {
    setPanel({ kind: 'none' });
    activeProse.current?.handle.focus('saved');
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const ctrl = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (ctrl && !event.shiftKey && key === 's') {
        event.preventDefault();
        void save();
        return;
      }
      if (window.document.querySelector('dialog[open]')) return;
      if (ctrl && !event.shiftKey && key === 'e') {
        event.preventDefault();
        setExporting(true);
      } else if (ctrl && event.shiftKey && key === 'f') {
        event.preventDefault();
        togglePicker();
      } else if (ctrl && (key === 'z' || key === 'y')) {
        // Inputs of the picker keep their own undo; everywhere else undo is the report's.
        if (event.target instanceof Element && event.target.closest('[data-native-undo]')) return;
        event.preventDefault();
        if (key === 'y' || event.shiftKey) redo();
        else undo();
      } else if (event.key === 'Escape' && !ctrl && panelOpen.current && !event.defaultPrevented) {
        event.preventDefault();
        closePanel();
      } else if (!ctrl && !event.altKey && event.key === '/' && !isEditableTarget(event.target)) {
        event.preventDefault();
        togglePicker();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [closePanel, redo, save, togglePicker, undo]);

  useEffect(() => {
    panelOpen.current = panel.kind !== 'none';
  }, [panel]);

  // ---- preview following ---------------------------------------------------------------------

  const pages = useMemo(() => sectionPages(report.sections, pageTexts, report.tableOfContents), [report.sections, pageTexts, report.tableOfContents]);
  const followPage = (targetSectionId && pages.get(targetSectionId)) || null;

  const context: SectionEditorContext = {
    change,
    chipView,
    chipKey,
    facts: live.facts,
    missing: live.missing,
    citationNumbers: numbers,
    citationRecord,
    figureNumbers: figures,
    focusRequest,
    requestFocus,
    onActivateProse: (sectionId, blockIndex, handle) => {
      activeProse.current = { sectionId, blockIndex, handle };
    },
    onAddKeyFigure: (sectionId, blockIndex) => setPanel({ kind: 'picker', keyFigures: { sectionId, blockIndex } }),
    onReferToChart: (chartId) => {
      const prose = activeProse.current;
      checkpoint();
      if (prose?.handle.insertFigureRef(chartId)) return;
      if (targetSectionId) change((current) => appendInlineToSection(current, targetSectionId, { kind: 'figure-ref', chartId }));
    },
  };

  const pickerTarget: PickerTarget | null =
    panel.kind !== 'picker'
      ? null
      : panel.keyFigures
        ? { kind: 'key-figures', sectionHeading: report.sections.find((section) => section.id === panel.keyFigures?.sectionId)?.heading || 'this section' }
        : { kind: 'cursor', sectionHeading: report.sections.find((section) => section.id === targetSectionId)?.heading ?? null };

  const totalWarnings = open?.length ?? null;

  const answerWarning = (warning: ReportWarning, action: WarningAction, reason?: string) => {
    change((current) => applyWarningAction(current, warning, action, { reason, now: new Date().toISOString() }));
    show(action === 'use-newer' ? 'The newer figure replaces the old one in this report.' : 'Decision kept with the report.', 'info');
  };

  return (
    <div className="report-editor" data-panel={panel.kind}>
      <header className="report-editor__bar">
        <button type="button" className="r-button r-button--small" onClick={() => void close()} title="Back to the list of reports (saves first)">
          ← Reports
        </button>
        <div className="report-editor__identity">
          <span className="report-editor__title" title={report.title}>
            {report.title || 'Untitled report'}
          </span>
          <span className="report-editor__template">{templateLabels[report.template]}</span>
        </div>
        <SaveIndicator state={document.saveState} onRetry={() => void save()} />
        <div className="report-editor__actions">
          <button type="button" className="r-icon-button" aria-label="Undo" title="Undo (Ctrl+Z)" disabled={!document.canUndo} onClick={undo}>
            <span aria-hidden="true">↶</span>
          </button>
          <button type="button" className="r-icon-button" aria-label="Redo" title="Redo (Ctrl+Shift+Z)" disabled={!document.canRedo} onClick={redo}>
            <span aria-hidden="true">↷</span>
          </button>
          <span className="report-editor__divider" aria-hidden="true" />
          <button
            type="button"
            className="r-button r-button--small"
            aria-pressed={panel.kind === 'picker'}
            title="Insert a fact from the Library (Ctrl+Shift+F)"
            onMouseDown={(event) => event.preventDefault()}
            onClick={togglePicker}
          >
            Insert fact
          </button>
          <button type="button" className="r-button r-button--small" title="Insert a chart: build one from facts, or reuse a saved one" onClick={() => setChoosingChart(true)}>
            Insert chart
          </button>
          <button
            type="button"
            className={`r-button r-button--small${totalWarnings ? ' r-button--warn' : ''}`}
            aria-pressed={panel.kind === 'warnings'}
            title="What to fix before sending"
            onClick={() => setPanel((current) => (current.kind === 'warnings' ? { kind: 'none' } : { kind: 'warnings' }))}
          >
            {totalWarnings === null ? 'Warnings' : `${totalWarnings} ${totalWarnings === 1 ? 'warning' : 'warnings'}`}
          </button>
          <button type="button" className="r-button r-button--small r-button--primary" title="Export as PDF (Ctrl+E)" onClick={() => setExporting(true)}>
            Export PDF…
          </button>
        </div>
      </header>
      {document.saveState.kind === 'conflict' && (
        <ConflictBanner message={document.saveState.error.message} deleted={document.saveState.deleted} onReload={onReload} onKeepCopy={keepCopy} />
      )}

      <div className="report-editor__panes">
        <Outline
          sections={report.sections}
          activeSectionId={targetSectionId}
          warningCounts={warningCounts}
          totalWarnings={totalWarnings}
          onSelect={(id) => jumpToSection(id)}
          onMove={(from, to) => change((current) => moveSection(current, from, to))}
          onRename={(id, heading) => change((current) => updateSection(current, id, (section) => ({ ...section, heading })))}
          onDelete={deleteSection}
          onAdd={addSection}
          onShowWarnings={() => setPanel({ kind: 'warnings' })}
        />

        <div
          className="report-editor__document"
          ref={editorRef}
          onFocusCapture={(event) => {
            const section = (event.target as HTMLElement).closest<HTMLElement>('[data-section-id]');
            if (section?.dataset.sectionId) setActiveSectionId(section.dataset.sectionId);
            // Focus in anything but prose (a heading, a label, the header): the next fact goes to
            // the end of the section, not to a caret left somewhere else.
            if (!(event.target as HTMLElement).classList.contains('prose')) activeProse.current = null;
          }}
        >
          <div className="format-bar" role="toolbar" aria-label="Formatting">
            <button
              type="button"
              className="r-icon-button format-bar__bold"
              aria-label="Bold"
              title="Bold (Ctrl+B)"
              onMouseDown={(event) => {
                event.preventDefault();
                window.document.execCommand('bold');
              }}
            >
              B
            </button>
            <button
              type="button"
              className="r-icon-button format-bar__italic"
              aria-label="Italic"
              title="Italic (Ctrl+I)"
              onMouseDown={(event) => {
                event.preventDefault();
                window.document.execCommand('italic');
              }}
            >
              I
            </button>
            <span className="format-bar__hint">Enter starts a new paragraph · Ctrl+Shift+F inserts a fact at the cursor</span>
          </div>
          <div className="report-editor__page">
            <HeaderForm report={report} change={change} open={headerOpen} onToggle={() => setHeaderOpen((open) => !open)} />
            {report.sections.map((section, index) => (
              <SectionEditor key={section.id} section={section} index={index} context={context} />
            ))}
            {report.sections.length === 0 && (
              <div className="report-editor__empty">
                <p>This report has no sections.</p>
              </div>
            )}
            <button type="button" className="r-button report-editor__add-section" onClick={addSection}>
              + Add section
            </button>
          </div>
        </div>

        <div className="report-editor__preview">
          <header className="preview-bar">
            <span className="preview-bar__title">Preview</span>
            <span className="preview-bar__pages" data-testid="preview-pages">
              {preview.pageCount === null ? '' : `${preview.pageCount} ${preview.pageCount === 1 ? 'page' : 'pages'}`}
            </span>
            <span className="preview-bar__state" aria-live="polite">
              {preview.error ? <span className="r-error">Preview failed: {shorten(preview.error.message, 80)}</span> : preview.busy ? 'Updating…' : ''}
            </span>
          </header>
          <PdfPreview data={preview.pdf} label="PDF preview" followPage={followPage} onPageTexts={setPageTexts} />
          {panel.kind === 'picker' && pickerTarget && (
            <FactPicker
              target={pickerTarget}
              citationNumbers={numbers}
              lastInserted={lastInserted}
              onClose={closePanel}
              onInsert={(fact, as, label) => insertFact(fact, as, panel.keyFigures, label)}
            />
          )}
          {panel.kind === 'warnings' && (
            <WarningsPanel
              warnings={warnings}
              sections={report.sections}
              onClose={closePanel}
              onJump={(warning) => warning.sectionId && jumpToSection(warning.sectionId, warning.factId)}
              onAction={answerWarning}
              onReopen={(warning) => change((current) => reopenWarning(current, warning.key))}
            />
          )}
        </div>
      </div>

      {choosingChart && (
        <section className="report-editor__charts" aria-label="Insert a chart">
          <ChartsPanel
            closeLabel="← Back to the report"
            citationNumbers={Object.fromEntries(numbers)}
            pageSize={report.pageSize}
            onClose={() => setChoosingChart(false)}
            onInsert={(chartId, width) => {
              setChoosingChart(false);
              if (!targetSectionId) return;
              change((current) => appendChartToSection(current, targetSectionId, chartId, width ?? 'full'));
            }}
          />
        </section>
      )}
      {exporting && (
        <ExportDialog
          report={report}
          warnings={open}
          onApply={applyExportOptions}
          onShowWarnings={() => {
            setExporting(false);
            setPanel({ kind: 'warnings' });
          }}
          onClose={() => setExporting(false)}
        />
      )}
      <Toast toast={toast} onDismiss={dismissToast} />
    </div>
  );
};
