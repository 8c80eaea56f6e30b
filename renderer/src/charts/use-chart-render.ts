import { useEffect, useState } from 'react';
import type { ChartRender } from '../../../electron/shared/contract/charts';
import type { Chart } from '../../../electron/shared/entities';
import type { ApiError } from '../../../electron/shared/result';
import { useApi } from '../api/api-context';

export interface ChartRenderState {
  /** The last successful render; kept on screen while a newer one is on its way. */
  render: ChartRender | null;
  /** The render on screen is for an older version of the chart (or there is none yet). */
  pending: boolean;
  error: ApiError | null;
  /** The chart (as JSON) the render on screen was made from. */
  renderedKey: string | null;
}

/**
 * charts:render for a chart being edited: waits until the chart has stopped changing for
 * `delay` ms (typing a title does not render per key); answers for an older version are dropped.
 */
export const useChartRender = (
  chart: Chart | null,
  /** A fixed size (exports), or the size the page gives the chart (previews: shared/domain/chart-frame.ts). */
  size: { width: number; height: number } | { fit: { pageSize: 'A4' | 'LETTER'; column: 'full' | 'half' } },
  citationNumbers: Record<string, number> | undefined,
  delay = 300,
): ChartRenderState => {
  const api = useApi();
  const key = chart ? JSON.stringify({ chart, size, citationNumbers: citationNumbers ?? {} }) : null;
  const [state, setState] = useState<{ key: string | null; render: ChartRender | null; error: ApiError | null }>({ key: null, render: null, error: null });

  useEffect(() => {
    if (key === null) return;
    let active = true;
    const timer = window.setTimeout(
      () => {
        const input = JSON.parse(key) as { chart: Chart; size: typeof size; citationNumbers: Record<string, number> };
        const sizing = 'fit' in input.size ? { fit: input.size.fit } : { width: input.size.width, height: input.size.height };
        void api
          .call('charts:render', { chart: input.chart, ...sizing, citationNumbers: input.citationNumbers })
          .then((result) => {
            if (!active) return;
            setState((current) =>
              result.ok ? { key, render: result.value, error: null } : { key, render: current.render, error: result.error },
            );
          });
      },
      // The first render of a chart should not wait.
      state.key === null ? 0 : delay,
    );
    return () => {
      active = false;
      window.clearTimeout(timer);
    };
    // `state.key === null` only picks the first delay; it must not restart the timer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key, delay]);

  return { render: state.render, pending: key !== null && state.key !== key, error: state.key === key ? state.error : null, renderedKey: state.key };
};
