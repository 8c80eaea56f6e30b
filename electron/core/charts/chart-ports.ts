import type { ChartModel } from './chart-model';

/** Draws a chart model as SVG; the Node adapter uses ECharts' server-side renderer. */
export interface ChartRenderer {
  renderSvg(model: ChartModel, options: { width: number; height: number; sourceLine?: string; showTitle?: boolean }): Promise<string>;
}
