import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChartRender } from '../../../electron/shared/contract/charts';
import type { ChannelOutput } from '../../../electron/shared/contract';
import type { ApiError } from '../../../electron/shared/result';
import { useApi } from '../api/api-context';
import { Notice, type NoticeMessage } from '../ui/Notice';
import { svgDataUrl } from './chart-export';
import { TYPE_LABELS } from './chart-options';
import { ChartTypeIcon } from './ChartTypePicker';
import '../styles/library.css';
import '../styles/charts.css';

type ChartSummary = ChannelOutput<'charts:list'>[number];
type ListState = { kind: 'loading' } | { kind: 'error'; error: ApiError } | { kind: 'loaded'; charts: ChartSummary[] };
type Thumb = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'loaded'; render: ChartRender };

const editedFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const edited = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : editedFormat.format(date);
};

/** A chart's thumbnail, drawn when its card scrolls into view (and again when the chart changes). */
const Thumbnail = ({ chartId, stamp }: { chartId: string; stamp: string }) => {
  const api = useApi();
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(() => typeof IntersectionObserver === 'undefined');
  const [thumb, setThumb] = useState<Thumb>({ kind: 'loading' });

  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        setVisible(true);
        observer.disconnect();
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!visible) return;
    let active = true;
    void (async () => {
      const chart = await api.call('charts:get', { id: chartId });
      if (!chart.ok) {
        if (active) setThumb({ kind: 'error', message: chart.error.message });
        return;
      }
      const render = await api.call('charts:render', { chart: chart.value, fit: { pageSize: 'A4', column: 'full' }, citationNumbers: {} });
      if (active) setThumb(render.ok ? { kind: 'loaded', render: render.value } : { kind: 'error', message: render.error.message });
    })();
    return () => {
      active = false;
    };
  }, [api, chartId, stamp, visible]);

  return (
    <div ref={ref} className="ch-card__thumb" data-state={thumb.kind}>
      {thumb.kind === 'loaded' && <img src={svgDataUrl(thumb.render.svg)} alt={thumb.render.altText} width={thumb.render.width} height={thumb.render.height} />}
      {thumb.kind === 'error' && <p className="ch-card__thumb-error">No preview: {thumb.message}</p>}
    </div>
  );
};

export interface ChartLibraryProps {
  /** Bump to reload the list (after a save elsewhere). */
  version?: number;
  onOpen: (chartId: string) => void;
  onNew?: () => void;
  /** Offered on every card when set: the report editor places the chart. */
  onInsert?: (chartId: string) => void;
  /** The chart to mark as just saved. */
  highlightId?: string | null;
  /** Where confirmations and Undo go; without it the library shows its own notice line. */
  onNotice?: (notice: Omit<NoticeMessage, 'id'>) => void;
  /** After a delete, restore or duplicate. */
  onChanged?: () => void;
}

/** The saved charts as cards with previews: edit, duplicate, delete (undoable), insert into a report. */
export const ChartLibrary = ({ version = 0, onOpen, onNew, onInsert, highlightId, onNotice, onChanged }: ChartLibraryProps) => {
  const api = useApi();
  const [state, setState] = useState<ListState>({ kind: 'loading' });
  const [reloads, setReloads] = useState(0);
  const [filter, setFilter] = useState('');
  const [busyId, setBusyId] = useState<string | null>(null);
  const [ownNotice, setOwnNotice] = useState<NoticeMessage | null>(null);
  const noticeId = useRef(0);

  useEffect(() => {
    let active = true;
    void api.call('charts:list').then((result) => {
      if (!active) return;
      setState(
        result.ok
          ? { kind: 'loaded', charts: [...result.value].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)) }
          : { kind: 'error', error: result.error },
      );
    });
    return () => {
      active = false;
    };
  }, [api, version, reloads]);

  const reload = useCallback(() => {
    setReloads((n) => n + 1);
    onChanged?.();
  }, [onChanged]);

  const notify = useCallback(
    (notice: Omit<NoticeMessage, 'id'>) => {
      if (onNotice) return onNotice(notice);
      noticeId.current += 1;
      setOwnNotice({ ...notice, id: noticeId.current });
    },
    [onNotice],
  );

  // The library's own notice goes after a while; one with Undo stays longer.
  useEffect(() => {
    if (!ownNotice || ownNotice.tone === 'error') return;
    const timer = window.setTimeout(() => setOwnNotice(null), ownNotice.action ? 15_000 : 5_000);
    return () => window.clearTimeout(timer);
  }, [ownNotice]);

  const restore = async (undoToken: string, title: string) => {
    const result = await api.call('trash:restore', { undoToken });
    if (!result.ok) return notify({ text: result.error.message, tone: 'error' });
    reload();
    notify({ text: `Restored “${title}”`, tone: 'info' });
  };

  const remove = async (chart: ChartSummary) => {
    setBusyId(chart.id);
    const result = await api.call('charts:delete', { id: chart.id });
    setBusyId(null);
    if (!result.ok) return notify({ text: `“${chart.title}” could not be deleted: ${result.error.message}`, tone: 'error' });
    reload();
    const { undoToken } = result.value;
    notify({ text: `Deleted “${chart.title}”`, tone: 'info', action: { label: 'Undo', run: () => void restore(undoToken, chart.title) } });
  };

  /** The core makes ids: a new chart from the same figures, then the original's settings saved onto it. */
  const duplicate = async (summary: ChartSummary) => {
    setBusyId(summary.id);
    try {
      const original = await api.call('charts:get', { id: summary.id });
      if (!original.ok) throw new Error(original.error.message);
      const chart = original.value;
      const rendered = await api.call('charts:render', { chart, width: 471, height: 265, citationNumbers: {} });
      const missing = new Set(rendered.ok ? rendered.value.missingFactIds : []);
      const present = chart.factIds.filter((id) => !missing.has(id));
      const title = `${chart.title} (copy)`.slice(0, 500);
      const created = await api.call('charts:create', { type: chart.type, factIds: present, indicator: null, title });
      if (!created.ok) throw new Error(created.error.message);
      const saved = await api.call('charts:save', {
        chart: { ...chart, id: created.value.id, title, revision: created.value.revision, createdAt: created.value.createdAt, updatedAt: created.value.updatedAt },
      });
      if (!saved.ok) throw new Error(saved.error.message);
      reload();
      notify({ text: `Duplicated as “${title}”`, tone: 'info', action: { label: 'Edit', run: () => onOpen(saved.value.id) } });
    } catch (error) {
      notify({ text: `“${summary.title}” could not be duplicated: ${error instanceof Error ? error.message : String(error)}`, tone: 'error' });
    } finally {
      setBusyId(null);
    }
  };

  const shown = useMemo(() => {
    if (state.kind !== 'loaded') return [];
    const words = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
    return state.charts.filter((chart) => words.every((word) => `${chart.title} ${TYPE_LABELS[chart.type]} ${chart.indicator ?? ''}`.toLowerCase().includes(word)));
  }, [state, filter]);

  return (
    <div className="ch-library">
      {state.kind === 'loaded' && state.charts.length > 0 && (
        <div className="ch-library__tools">
          <label className="ch-visually-hidden" htmlFor="chart-filter">
            Filter charts
          </label>
          <input id="chart-filter" type="search" className="input ch-library__filter" placeholder="Filter charts by title or type…" value={filter} onChange={(e) => setFilter(e.target.value)} />
          <p className="ch-muted ch-small" aria-live="polite">
            {filter.trim() ? `${shown.length} of ${state.charts.length}` : `${state.charts.length} ${state.charts.length === 1 ? 'chart' : 'charts'}`}
          </p>
        </div>
      )}

      {state.kind === 'loading' && (
        <ul className="ch-cards" aria-busy="true" aria-label="Loading charts">
          {[0, 1, 2].map((n) => (
            <li key={n} className="ch-card ch-card--skeleton" aria-hidden="true" />
          ))}
        </ul>
      )}
      {state.kind === 'error' && (
        <div className="ch-state" role="alert">
          <p className="error-text">The charts could not be loaded. {state.error.message}</p>
          <button type="button" className="button" onClick={() => setReloads((n) => n + 1)}>
            Try again
          </button>
        </div>
      )}
      {state.kind === 'loaded' && state.charts.length === 0 && (
        <div className="ch-empty">
          <h2>No charts yet</h2>
          <p>
            A chart draws figures from your Library (casualties over time, funding required against received, national against foreign shares) and
            carries their sources. Make one here, then insert it into any report.
          </p>
          {onNew && (
            <button type="button" className="button button--primary" onClick={onNew}>
              New chart
            </button>
          )}
        </div>
      )}
      {state.kind === 'loaded' && state.charts.length > 0 && shown.length === 0 && <p className="ch-muted ch-state">No chart matches “{filter.trim()}”.</p>}
      {shown.length > 0 && (
        <ul className="ch-cards" aria-label="Saved charts">
          {shown.map((chart) => (
            <li key={chart.id} className="ch-card" data-chart-id={chart.id} data-highlight={chart.id === highlightId || undefined} aria-busy={busyId === chart.id || undefined}>
              <button type="button" className="ch-card__open" onClick={() => onOpen(chart.id)} tabIndex={-1} aria-hidden="true">
                <Thumbnail chartId={chart.id} stamp={chart.updatedAt} />
              </button>
              <div className="ch-card__body">
                <h3 className="ch-card__title" title={chart.title}>
                  {chart.title || 'Untitled chart'}
                </h3>
                <p className="ch-card__meta">
                  <ChartTypeIcon type={chart.type} />
                  <span>
                    {TYPE_LABELS[chart.type]} · {chart.factCount} {chart.factCount === 1 ? 'figure' : 'figures'} · {edited(chart.updatedAt)}
                  </span>
                  {chart.id === highlightId && <span className="ch-badge ch-badge--accent">Saved</span>}
                </p>
                <div className="ch-card__actions">
                  <button type="button" className="button button--small" onClick={() => onOpen(chart.id)} aria-label={`Edit “${chart.title}”`}>
                    Edit
                  </button>
                  <button type="button" className="button button--small" disabled={busyId === chart.id} onClick={() => void duplicate(chart)} aria-label={`Duplicate “${chart.title}”`}>
                    Duplicate
                  </button>
                  <button type="button" className="button button--small button--danger" disabled={busyId === chart.id} onClick={() => void remove(chart)} aria-label={`Delete “${chart.title}”`}>
                    Delete
                  </button>
                  {onInsert && (
                    <button type="button" className="button button--small ch-card__insert" onClick={() => onInsert(chart.id)} aria-label={`Insert “${chart.title}” into the report`}>
                      Insert into report
                    </button>
                  )}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      {!onNotice && <Notice notice={ownNotice} onDismiss={() => setOwnNotice(null)} />}
    </div>
  );
};
