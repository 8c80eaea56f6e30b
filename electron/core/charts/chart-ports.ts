import type { ChartModel } from './chart-model';

export interface ChartDrawOptions {
  width: number;
  height: number;
  /** Draw the title and subtitle inside the SVG (default true; a PDF caption may carry them instead). */
  showTitle?: boolean;
  /** A source line to draw under the chart, e.g. sourceLine(model, numbers). Key figures fall back to the model's source summary. */
  sourceLine?: string;
}

/** Draws a chart model as SVG; the Node adapter (adapters/charts) uses ECharts' server-side renderer. */
export interface ChartDrawer {
  renderSvg(model: ChartModel, options: ChartDrawOptions): Promise<string>;
}
