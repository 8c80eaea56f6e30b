import { useEffect, useState } from 'react';
import type { ChartRender } from '../../../electron/shared/contract/charts';
import type { Chart } from '../../../electron/shared/entities';
import type { ApiError } from '../../../electron/shared/result';
import { useApi } from '../api/api-context';

type Loaded = { kind: 'loading' } | { kind: 'error'; error: ApiError } | { kind: 'loaded'; chart: Chart; render: ChartRender };

/**
 * A chart placed in the report, as the PDF shows it: the core's SVG (title and source line
 * included) in an <img> — a data: URL, which the CSP's img-src allows and which runs no script.
 */
export const ChartBlock = ({ chartId, figureNumber, citationNumbers }: { chartId: string; figureNumber: number; citationNumbers: Record<string, number> }) => {
  const api = useApi();
  const [state, setState] = useState<Loaded>({ kind: 'loading' });
  const numbersKey = JSON.stringify(citationNumbers);

  useEffect(() => {
    let active = true;
    void (async () => {
      const chart = await api.call('charts:get', { id: chartId });
      if (!chart.ok) {
        if (active) setState({ kind: 'error', error: chart.error });
        return;
      }
      const render = await api.call('charts:render', { chart: chart.value, width: 640, height: 360, citationNumbers: JSON.parse(numbersKey) as Record<string, number> });
      if (!active) return;
      setState(render.ok ? { kind: 'loaded', chart: chart.value, render: render.value } : { kind: 'error', error: render.error });
    })();
    return () => {
      active = false;
    };
  }, [api, chartId, numbersKey]);

  if (state.kind === 'loading') {
    return (
      <figure className="chart-block chart-block--loading" aria-busy="true">
        <div className="chart-block__placeholder" />
        <figcaption className="chart-block__caption">Figure {figureNumber}</figcaption>
      </figure>
    );
  }
  if (state.kind === 'error') {
    return (
      <figure className="chart-block chart-block--error">
        <figcaption className="chart-block__caption">
          Figure {figureNumber}: <span className="r-error">{state.error.code === 'NOT_FOUND' ? 'this chart was deleted.' : state.error.message}</span>
        </figcaption>
      </figure>
    );
  }
  const { chart, render } = state;
  return (
    <figure className="chart-block">
      <figcaption className="chart-block__caption">
        <span className="chart-block__title">Figure {figureNumber}</span>
        {!chart.altText.trim() && <span className="r-badge r-badge--warn">No alt text</span>}
      </figcaption>
      <img className="chart-block__image" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(render.svg)}`} alt={render.altText} width={render.width} height={render.height} />
    </figure>
  );
};
