/**
 * How large a chart is drawn on the page: one rule for the PDF export and for every preview, so
 * labels wrap in the preview where they will wrap on paper. Charts are drawn at the width of
 * their column (px = pt), so type stays at its design size: 16:9 at full width, 4:3 at half
 * width; horizontal bars grow with their count (two bars in a 16:9 frame look like slabs), and a
 * big number stays short.
 */
export type PageSize = 'A4' | 'LETTER';
export type ChartColumn = 'full' | 'half';

/** Text width of a page (pt): the page less the report's left and right margins (62 pt each). */
const CONTENT_WIDTH: Record<PageSize, number> = { A4: 595.28 - 124, LETTER: 612 - 124 };

export const contentWidthFor = (pageSize: PageSize): number => CONTENT_WIDTH[pageSize === 'LETTER' ? 'LETTER' : 'A4'];

/** The width (pt) a chart block gets on the page. */
export const chartWidthFor = (pageSize: PageSize, column: ChartColumn): number => {
  const content = contentWidthFor(pageSize);
  return column === 'half' ? Math.round(content / 2) : Math.floor(content);
};

export interface ChartFrameInput {
  pageSize: PageSize;
  column: ChartColumn;
  type: string;
  /** Categories the chart draws (bars of a horizontal bar chart), as its model counts them. */
  categoryCount: number;
}

export const chartFrameSize = ({ pageSize, column, type, categoryCount }: ChartFrameInput): { width: number; height: number } => {
  const width = chartWidthFor(pageSize, column);
  const frame = Math.round(width * (column === 'half' ? 0.75 : 0.5625));
  if (type === 'bar-horizontal') return { width, height: Math.min(frame, 80 + 34 * Math.max(1, categoryCount)) };
  if (type === 'big-number') return { width, height: Math.min(frame, 150) };
  return { width, height: frame };
};
