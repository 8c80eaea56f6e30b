import { useState } from 'react';
import type { ReportWarning } from '../../../electron/shared/contract/reports';
import type { Report } from '../../../electron/shared/entities';
import type { ApiError } from '../../../electron/shared/result';
import { useApi } from '../api/api-context';
import { downloadBlob } from '../app/download';
import { Dialog } from '../ui/Dialog';
import { ExportWarnings } from './ExportWarnings';
import { base64ToBytes, pdfFileName } from './report-model';

export interface ExportOptions {
  pageSize: Report['pageSize'];
  citationStyle: Report['citationStyle'];
  tableOfContents: boolean;
  evidenceAnnex: boolean;
}

type Phase =
  | { kind: 'options' }
  | { kind: 'rendering' }
  | { kind: 'saved'; path: string | null }
  | { kind: 'downloaded'; fileName: string; pageCount: number }
  | { kind: 'error'; error: ApiError };

/**
 * Export: the options (remembered on the report), then the PDF. The desktop app asks where to
 * save (export:save-pdf) and can open the file; browser mode downloads what reports:render made.
 */
export const ExportDialog = ({
  report,
  warnings,
  onApply,
  onShowWarnings,
  onClose,
}: {
  report: Report;
  /** The open warnings (answered ones excluded); null while the report is being checked. */
  warnings: ReportWarning[] | null;
  onApply: (options: ExportOptions) => Report;
  /** Closes the dialog and opens the warnings panel, where each can be answered. */
  onShowWarnings: () => void;
  onClose: () => void;
}) => {
  const api = useApi();
  const [options, setOptions] = useState<ExportOptions>({
    pageSize: report.pageSize,
    citationStyle: report.citationStyle,
    tableOfContents: report.tableOfContents,
    evidenceAnnex: report.evidenceAnnex,
  });
  const [phase, setPhase] = useState<Phase>({ kind: 'options' });
  const [openError, setOpenError] = useState<string | null>(null);

  const run = async () => {
    setPhase({ kind: 'rendering' });
    const target = onApply(options);
    const saved = await api.call('export:save-pdf', { report: target, options });
    if (saved.ok) {
      setPhase(saved.value.saved ? { kind: 'saved', path: saved.value.path } : { kind: 'options' });
      return;
    }
    if (saved.error.code !== 'UNSUPPORTED') {
      setPhase({ kind: 'error', error: saved.error });
      return;
    }
    const rendered = await api.call('reports:render', { report: target, options });
    if (!rendered.ok) {
      setPhase({ kind: 'error', error: rendered.error });
      return;
    }
    const fileName = pdfFileName(target);
    // Browser mode has no save dialog: the page hands the PDF to the browser as a download.
    downloadBlob(new Blob([base64ToBytes(rendered.value.pdfBase64)], { type: 'application/pdf' }), fileName);
    setPhase({ kind: 'downloaded', fileName, pageCount: rendered.value.pageCount });
  };

  const open = async (path: string) => {
    const result = await api.call('export:open', { path });
    if (!result.ok) setOpenError(result.error.message);
    else if (!result.value.opened) setOpenError('The system could not open the file.');
    else onClose();
  };

  const busy = phase.kind === 'rendering';
  let footer;
  if (phase.kind === 'saved') {
    footer = (
      <>
        <button type="button" className="r-button" onClick={onClose}>
          Done
        </button>
        {phase.path && (
          <button type="button" className="r-button r-button--primary" data-autofocus="" onClick={() => void open(phase.path!)}>
            Open
          </button>
        )}
      </>
    );
  } else if (phase.kind === 'downloaded') {
    footer = (
      <button type="button" className="r-button r-button--primary" onClick={onClose}>
        Done
      </button>
    );
  } else {
    footer = (
      <>
        <button type="button" className="r-button" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button type="submit" form="export-form" className="r-button r-button--primary" disabled={busy}>
          {busy ? 'Exporting…' : 'Export PDF'}
        </button>
      </>
    );
  }

  return (
    <Dialog title="Export PDF" description={report.title || 'Untitled report'} onClose={onClose} closable={!busy} footer={footer} className="export-dialog">
      {(phase.kind === 'options' || phase.kind === 'rendering' || phase.kind === 'error') && (
        <form
          id="export-form"
          className="export-form"
          onSubmit={(event) => {
            event.preventDefault();
            void run();
          }}
        >
          <ExportWarnings warnings={warnings} onShowWarnings={onShowWarnings} />
          <fieldset className="export-form__group" disabled={busy}>
            <legend className="r-label">Page size</legend>
            <label className="r-check">
              <input type="radio" name="page-size" checked={options.pageSize === 'A4'} onChange={() => setOptions({ ...options, pageSize: 'A4' })} data-autofocus="" />
              A4
            </label>
            <label className="r-check">
              <input type="radio" name="page-size" checked={options.pageSize === 'LETTER'} onChange={() => setOptions({ ...options, pageSize: 'LETTER' })} />
              US Letter
            </label>
          </fieldset>
          <fieldset className="export-form__group" disabled={busy}>
            <legend className="r-label">Citation style</legend>
            <label className="r-check">
              <input type="radio" name="citation-style" checked={options.citationStyle === 'chicago'} onChange={() => setOptions({ ...options, citationStyle: 'chicago' })} />
              Chicago (numbered notes)
            </label>
            <label className="r-check">
              <input type="radio" name="citation-style" checked={options.citationStyle === 'apa'} onChange={() => setOptions({ ...options, citationStyle: 'apa' })} />
              APA
            </label>
          </fieldset>
          <fieldset className="export-form__group" disabled={busy}>
            <legend className="r-label">Include</legend>
            <label className="r-check">
              <input type="checkbox" checked={options.tableOfContents} onChange={(event) => setOptions({ ...options, tableOfContents: event.target.checked })} />
              Table of contents
            </label>
            <label className="r-check">
              <input type="checkbox" checked={options.evidenceAnnex} onChange={(event) => setOptions({ ...options, evidenceAnnex: event.target.checked })} />
              Evidence annex: the quote behind every cited figure
            </label>
          </fieldset>
          {busy && (
            <div className="export-progress" role="status">
              <div className="export-progress__bar" aria-hidden="true">
                <div className="export-progress__fill" />
              </div>
              <span>Making the PDF…</span>
            </div>
          )}
          {phase.kind === 'error' && (
            <p className="r-error" role="alert">
              The PDF could not be made: {phase.error.message}
            </p>
          )}
        </form>
      )}
      {phase.kind === 'saved' && (
        <div className="export-done" role="status">
          <p className="export-done__title">PDF saved.</p>
          {phase.path && <p className="export-done__path">{phase.path}</p>}
          {openError && (
            <p className="r-error" role="alert">
              {openError}
            </p>
          )}
        </div>
      )}
      {phase.kind === 'downloaded' && (
        <div className="export-done" role="status">
          <p className="export-done__title">Downloaded {phase.fileName}</p>
          <p>
            {phase.pageCount} {phase.pageCount === 1 ? 'page' : 'pages'}. Your browser saved it to its downloads folder.
          </p>
        </div>
      )}
    </Dialog>
  );
};
