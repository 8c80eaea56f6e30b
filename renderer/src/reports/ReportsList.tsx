import { useCallback, useEffect, useRef, useState } from 'react';
import type { Status } from '../../../electron/shared/contract/app';
import type { ReportSummary } from '../../../electron/shared/contract/reports';
import type { Template } from '../../../electron/shared/entities';
import type { ApiError } from '../../../electron/shared/result';
import { useApi } from '../api/api-context';
import { Dialog } from '../ui/Dialog';
import { Toast, type ToastMessage } from '../ui/Toast';
import { formatEdited, formatTimestamp, templateLabels } from './report-model';

type ListState = { kind: 'loading' } | { kind: 'error'; error: ApiError } | { kind: 'loaded'; reports: ReportSummary[] };

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

const templateChoices: { template: Template; description: string }[] = [
  {
    template: 'briefing-note',
    description: 'One or two pages before a meeting or for a decision: bottom line, objectives, points to make, press line, background.',
  },
  {
    template: 'donor-appeal',
    description: 'An appeal for mine-action funding: key figures, the need, what has been achieved, the gap, the ask, budget.',
  },
];

const NewReportDialog = ({ onClose, onCreate }: { onClose: () => void; onCreate: (template: Template, title: string) => Promise<ApiError | null> }) => {
  const [template, setTemplate] = useState<Template>('briefing-note');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const create = async () => {
    setBusy(true);
    const failure = await onCreate(template, title);
    setBusy(false);
    setError(failure);
  };
  return (
    <Dialog
      title="New report"
      description="Start from a template: its sections and hints follow the genre. Rename, drop or reorder sections freely."
      onClose={onClose}
      closable={!busy}
      footer={
        <>
          <button type="button" className="r-button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" form="new-report-form" className="r-button r-button--primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create report'}
          </button>
        </>
      }
    >
      <form
        id="new-report-form"
        className="new-report"
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <fieldset className="new-report__templates">
          <legend className="r-label">Template</legend>
          {templateChoices.map((choice, index) => (
            <label key={choice.template} className="template-choice" data-checked={template === choice.template || undefined}>
              <input
                type="radio"
                name="template"
                value={choice.template}
                checked={template === choice.template}
                onChange={() => setTemplate(choice.template)}
                data-autofocus={index === 0 ? '' : undefined}
              />
              <span className="template-choice__name">{templateLabels[choice.template]}</span>
              <span className="template-choice__description">{choice.description}</span>
            </label>
          ))}
        </fieldset>
        <label className="r-field">
          <span className="r-label">Title (optional)</span>
          <input className="r-input" value={title} maxLength={500} placeholder={templateLabels[template]} onChange={(event) => setTitle(event.target.value)} />
        </label>
        {error && (
          <p className="r-error" role="alert">
            The report could not be created: {error.message}
          </p>
        )}
      </form>
    </Dialog>
  );
};

/** The saved reports, newest first: open, duplicate, delete (with undo), and new from a template. */
export const ReportsList = ({
  status,
  onOpen,
  creating,
  onCreatingChange,
}: {
  status: Status;
  /** Opens the report in the editor; with `exportOnOpen`, its export dialog too. */
  onOpen: (id: string, exportOnOpen?: boolean) => void;
  /** The template chooser is open (New, or Ctrl+N anywhere in Reports). */
  creating: boolean;
  onCreatingChange: (creating: boolean) => void;
}) => {
  const api = useApi();
  const [state, setState] = useState<ListState>({ kind: 'loading' });
  const [version, setVersion] = useState(0);
  const setCreating = onCreatingChange;
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const toastId = useRef(0);

  useEffect(() => {
    let active = true;
    void api.call('reports:list').then((result) => {
      if (active) setState(result.ok ? { kind: 'loaded', reports: result.value } : { kind: 'error', error: result.error });
    });
    return () => {
      active = false;
    };
  }, [api, version]);

  const show = useCallback((text: string, tone: ToastMessage['tone'] = 'info', action?: ToastMessage['action']) => {
    toastId.current += 1;
    setToast({ id: toastId.current, text, tone, action });
  }, []);
  const dismiss = useCallback(() => setToast(null), []);
  const reload = () => setVersion((value) => value + 1);

  const create = async (template: Template, title: string): Promise<ApiError | null> => {
    const result = await api.call('reports:create', { template, ...(title.trim() ? { title: title.trim() } : {}) });
    if (!result.ok) return result.error;
    setCreating(false);
    onOpen(result.value.id);
    return null;
  };

  const duplicate = async (report: ReportSummary) => {
    const result = await api.call('reports:duplicate', { id: report.id });
    if (!result.ok) return show(result.error.message, 'error');
    reload();
    show(`Duplicated as “${result.value.title}”.`, 'info', { label: 'Open', run: () => onOpen(result.value.id) });
  };

  const restore = async (undoToken: string, title: string) => {
    const result = await api.call('trash:restore', { undoToken });
    if (!result.ok) return show(result.error.message, 'error');
    reload();
    show(`Restored “${title}”.`);
  };

  const remove = async (report: ReportSummary) => {
    const result = await api.call('reports:delete', { id: report.id });
    if (!result.ok) return show(result.error.message, 'error');
    reload();
    const { undoToken } = result.value;
    show(`Deleted “${report.title}”.`, 'info', { label: 'Undo', run: () => void restore(undoToken, report.title) });
  };

  const reportCount = state.kind === 'loaded' ? state.reports.length : status.counts.reports;

  return (
    <section className="reports-list" aria-labelledby="reports-title">
      <header className="reports-list__header">
        <div>
          <h1 id="reports-title">Reports</h1>
          <p className="reports-list__summary" aria-label="Saved work">
            <span>
              <span data-testid="count-reports">{reportCount}</span> {reportCount === 1 ? 'report' : 'reports'}
            </span>
            <span aria-hidden="true"> · </span>
            <span>
              <span data-testid="count-charts">{status.counts.charts}</span> {status.counts.charts === 1 ? 'chart' : 'charts'}
            </span>
          </p>
        </div>
        <button type="button" className="r-button r-button--primary" title="New report from a template (Ctrl+N)" onClick={() => setCreating(true)}>
          New report
        </button>
      </header>

      {state.kind === 'loading' && (
        <div className="reports-list__state" role="status">
          <div className="r-skeleton" aria-hidden="true" />
          <div className="r-skeleton" aria-hidden="true" />
          <span className="r-visually-hidden">Loading reports…</span>
        </div>
      )}
      {state.kind === 'error' && (
        <div className="reports-list__state reports-list__state--error" role="alert">
          <p>The reports could not be loaded. {state.error.message}</p>
          <button type="button" className="r-button" onClick={reload}>
            Try again
          </button>
        </div>
      )}
      {state.kind === 'loaded' && state.reports.length === 0 && (
        <div className="reports-list__empty">
          <h2>No reports yet</h2>
          <p>A report is a briefing note or a donor appeal built from the facts in your Library. Every figure you insert carries its source and is numbered as a note in the PDF.</p>
          <button type="button" className="r-button r-button--primary" onClick={() => setCreating(true)}>
            New report
          </button>
        </div>
      )}
      {state.kind === 'loaded' && state.reports.length > 0 && (
        <table className="reports-table">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Template</th>
              <th scope="col">Last edited</th>
              <th scope="col">Contents</th>
              <th scope="col">
                <span className="r-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {state.reports.map((report) => (
              <tr key={report.id} className="reports-table__row" data-report-id={report.id}>
                <td className="reports-table__title">
                  <button type="button" className="reports-table__open" onClick={() => onOpen(report.id)} title="Open in the editor">
                    {report.title || 'Untitled report'}
                  </button>
                </td>
                <td>
                  <span className={`template-badge template-badge--${report.template}`}>{templateLabels[report.template]}</span>
                </td>
                <td>
                  <time dateTime={report.updatedAt} title={formatTimestamp(report.updatedAt)}>
                    {formatEdited(report.updatedAt)}
                  </time>
                </td>
                <td className="reports-table__contents">
                  {plural(report.sectionCount, 'section')} · {plural(report.citedFacts, 'cited fact')}
                </td>
                <td className="reports-table__actions">
                  <button type="button" className="r-button r-button--small" onClick={() => onOpen(report.id)} aria-label={`Open “${report.title}”`}>
                    Open
                  </button>
                  <button type="button" className="r-button r-button--small" onClick={() => onOpen(report.id, true)} aria-label={`Export “${report.title}” as PDF`}>
                    Export
                  </button>
                  <button type="button" className="r-button r-button--small" onClick={() => void duplicate(report)} aria-label={`Duplicate “${report.title}”`}>
                    Duplicate
                  </button>
                  <button type="button" className="r-button r-button--small r-button--quiet-danger" onClick={() => void remove(report)} aria-label={`Delete “${report.title}”`}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <Toast toast={toast} onDismiss={dismiss} />
      {creating && <NewReportDialog onClose={() => setCreating(false)} onCreate={create} />}
    </section>
  );
};
