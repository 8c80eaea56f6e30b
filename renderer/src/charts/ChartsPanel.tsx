import { useCallback, useEffect, useRef, useState } from 'react';
import type { Chart } from '../../../electron/shared/entities';
import { Notice, type NoticeMessage } from '../ui/Notice';
import type { WidthHint } from './chart-options';
import { ChartBuilder } from './ChartBuilder';
import { ChartLibrary } from './ChartLibrary';
import '../styles/library.css';
import '../styles/charts.css';

type Editing = { chartId?: string; initial?: { factIds?: string[]; indicator?: string } };

/**
 * Charts on their own: the saved charts, and the builder to make or edit one. The Reports screen
 * mounts it; with `onInsert` each chart offers "Insert into report".
 */
export const ChartsPanel = ({
  onClose,
  onInsert,
  citationNumbers,
  pageSize,
  closeLabel = '← Reports',
}: {
  /** Back to where the panel was opened from. */
  onClose?: () => void;
  /** Place a chart in the open report (the width chosen in the builder comes with it when known). */
  onInsert?: (chartId: string, width?: WidthHint) => void;
  citationNumbers?: Record<string, number>;
  /** The open report's page, so chart previews are sized as they will print. */
  pageSize?: 'A4' | 'LETTER';
  closeLabel?: string;
}) => {
  const [editing, setEditing] = useState<Editing | null>(null);
  const [version, setVersion] = useState(0);
  const [highlightId, setHighlightId] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [widths, setWidths] = useState<Record<string, WidthHint>>({});
  const noticeId = useRef(0);

  const show = useCallback((message: Omit<NoticeMessage, 'id'>) => {
    noticeId.current += 1;
    setNotice({ ...message, id: noticeId.current });
  }, []);

  useEffect(() => {
    if (!notice || notice.tone === 'error') return;
    const timer = window.setTimeout(() => setNotice(null), notice.action ? 15_000 : 5_000);
    return () => window.clearTimeout(timer);
  }, [notice]);

  const saved = (chart: Chart, placement: { width: WidthHint }) => {
    setWidths((current) => ({ ...current, [chart.id]: placement.width }));
    setEditing(null);
    setHighlightId(chart.id);
    setVersion((n) => n + 1);
    show({
      text: `Saved “${chart.title}”`,
      tone: 'info',
      ...(onInsert ? { action: { label: 'Insert into report', run: () => onInsert(chart.id, placement.width) } } : {}),
    });
  };

  return (
    <section className="ch-panel" aria-labelledby="charts-panel-title">
      <header className="ch-panel__header">
        <div>
          {onClose && (
            <button type="button" className="link-button ch-panel__back" onClick={onClose}>
              {closeLabel}
            </button>
          )}
          <h1 id="charts-panel-title">Charts</h1>
          <p className="ch-muted ch-small">Charts drawn from your Library’s figures, each with its sources. Make one once and use it in any report.</p>
        </div>
        <button type="button" className="button button--primary" onClick={() => setEditing({})}>
          New chart
        </button>
      </header>
      <div className="ch-panel__body">
        <ChartLibrary
          version={version}
          highlightId={highlightId}
          onOpen={(chartId) => setEditing({ chartId })}
          onNew={() => setEditing({})}
          onInsert={onInsert ? (chartId) => onInsert(chartId, widths[chartId]) : undefined}
          onNotice={show}
          onChanged={() => setHighlightId(null)}
        />
      </div>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {editing && (
        <ChartBuilder
          key={editing.chartId ?? 'new'}
          chartId={editing.chartId}
          initial={editing.initial}
          citationNumbers={citationNumbers}
          pageSize={pageSize}
          width={editing.chartId ? widths[editing.chartId] : undefined}
          onSaved={saved}
          onClose={() => {
            setEditing(null);
            setVersion((n) => n + 1);
          }}
        />
      )}
    </section>
  );
};
