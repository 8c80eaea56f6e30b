import { useCallback, useEffect, useState } from 'react';
import type { Status } from '../../../electron/shared/contract/app';
import type { Report } from '../../../electron/shared/entities';
import type { ApiError } from '../../../electron/shared/result';
import { useApi } from '../api/api-context';
import { TopBarActions } from '../app/Frame';
import { ChartsPanel } from '../charts/ChartsPanel';
import { ReportEditor } from './ReportEditor';
import { ReportsList } from './ReportsList';
import '../styles/reports.css';

type View = { kind: 'list' } | { kind: 'editor'; id: string; exportOnOpen: boolean } | { kind: 'charts' };
type Loaded = { kind: 'loading'; id: string } | { kind: 'error'; id: string; error: ApiError } | { kind: 'loaded'; report: Report };

const ReportLoader = ({ id, exportOnOpen, onClose, onOpen }: { id: string; exportOnOpen: boolean; onClose: () => void; onOpen: (id: string) => void }) => {
  const api = useApi();
  const [state, setState] = useState<Loaded>({ kind: 'loading', id });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let active = true;
    void api.call('reports:get', { id }).then((result) => {
      if (active) setState(result.ok ? { kind: 'loaded', report: result.value } : { kind: 'error', id, error: result.error });
    });
    return () => {
      active = false;
    };
  }, [api, id, attempt]);

  // Reload after a conflict: through "Opening…", so the editor holding the refused text unmounts
  // (it saves nothing once refused) and a new one starts from the version saved elsewhere.
  const reload = () => {
    setState({ kind: 'loading', id });
    setAttempt((value) => value + 1);
  };
  if (state.kind === 'loaded' && state.report.id === id) {
    return <ReportEditor key={id} initial={state.report} exportOnOpen={exportOnOpen} onClose={onClose} onReload={reload} onOpenCopy={onOpen} />;
  }
  if (state.kind === 'error') {
    return (
      <div className="reports-list__state reports-list__state--error" role="alert">
        <h2>This report could not be opened</h2>
        <p>{state.error.message}</p>
        <button type="button" className="r-button" onClick={() => setAttempt((value) => value + 1)}>
          Try again
        </button>
        <button type="button" className="r-button" onClick={onClose}>
          Back to reports
        </button>
      </div>
    );
  }
  return (
    <div className="reports-list__state" role="status">
      Opening the report…
    </div>
  );
};

/**
 * The last Ctrl+N request this screen acted on. It outlives the screen (which unmounts when the
 * Library is shown), so coming back to Reports does not replay an old request.
 */
let handledNewReportRequest = 0;

/** Reports: the list of saved reports, or one report open in the editor. */
export const ReportsScreen = ({ status, newReportRequest = 0 }: { status: Status; newReportRequest?: number }) => {
  const [view, setView] = useState<View>({ kind: 'list' });
  const [creating, setCreating] = useState(() => newReportRequest > handledNewReportRequest);
  // Ctrl+N (App counts the presses): the template chooser, over the list; an open editor saves
  // on its way out.
  const [seenRequest, setSeenRequest] = useState(newReportRequest);
  if (seenRequest !== newReportRequest) {
    setSeenRequest(newReportRequest);
    setView({ kind: 'list' });
    setCreating(true);
  }
  useEffect(() => {
    handledNewReportRequest = Math.max(handledNewReportRequest, newReportRequest);
  }, [newReportRequest]);

  const toList = useCallback(() => setView({ kind: 'list' }), []);

  if (view.kind === 'editor') return <ReportLoader id={view.id} exportOnOpen={view.exportOnOpen} onClose={toList} onOpen={(id) => setView({ kind: 'editor', id, exportOnOpen: false })} />;
  if (view.kind === 'charts') return <ChartsPanel onClose={toList} />;
  return (
    <>
      <TopBarActions>
        <button type="button" className="button" title="Saved charts: build, edit, export as SVG or PNG" onClick={() => setView({ kind: 'charts' })}>
          Charts
        </button>
      </TopBarActions>
      <ReportsList
        status={status}
        onOpen={(id, exportOnOpen = false) => setView({ kind: 'editor', id, exportOnOpen })}
        creating={creating}
        onCreatingChange={setCreating}
      />
    </>
  );
};
