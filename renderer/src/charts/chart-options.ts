import type { Chart } from '../../../electron/shared/entities';

/**
 * The chart options the core understands (electron/core/charts/chart-model.ts, `optionShapes`),
 * as the builder reads and writes them. The renderer may not import the core's runtime code, so
 * the few constants it needs are repeated here; the core re-validates every option on render and
 * reports a bad one as a warning instead of failing.
 */

export type ChartType = Chart['type'];
export type ChartOptionsRecord = Chart['options'];
export type WidthHint = 'full' | 'half';

export const CHART_TYPES: readonly ChartType[] = ['bar-horizontal', 'bar-vertical', 'bar-grouped', 'bar-stacked', 'line', 'donut', 'big-number'];

export const TYPE_LABELS: Record<ChartType, string> = {
  'bar-horizontal': 'Horizontal bars',
  'bar-vertical': 'Vertical bars',
  'bar-grouped': 'Grouped bars',
  'bar-stacked': 'Stacked bars',
  line: 'Line',
  donut: 'Donut',
  'big-number': 'Big number',
};

export const TYPE_HINTS: Record<ChartType, string> = {
  'bar-horizontal': 'Compare figures side by side; long labels read well',
  'bar-vertical': 'Compare a few figures, or amounts by year',
  'bar-grouped': 'Several series per category, e.g. required vs received by year',
  'bar-stacked': 'Parts adding up per category',
  line: 'One indicator over time (figures need an as-of date)',
  donut: 'Shares of a whole, e.g. national vs foreign funding',
  'big-number': 'One key figure with its label and source',
};

/** Okabe & Ito (2008): the core's default palette, safe for the common colour-vision deficiencies. */
import { OKABE_ITO } from '../../../electron/shared/domain/palette';

export { OKABE_ITO };

export interface PalettePreset {
  id: string;
  label: string;
  /** null: no `colors` option, the core's default (Okabe–Ito). */
  colors: readonly string[] | null;
}

export const PALETTE_PRESETS: readonly PalettePreset[] = [
  { id: 'default', label: 'Colour-blind safe (Okabe–Ito), default', colors: null },
  // Paul Tol's "bright" and "muted" qualitative schemes, also designed for colour-blind readers.
  { id: 'tol-bright', label: 'Bright (Paul Tol)', colors: ['#4477AA', '#EE6677', '#228833', '#CCBB44', '#66CCEE', '#AA3377', '#BBBBBB'] },
  { id: 'tol-muted', label: 'Muted (Paul Tol)', colors: ['#332288', '#88CCEE', '#44AA99', '#117733', '#999933', '#DDCC77', '#CC6677', '#882255'] },
  { id: 'ink', label: 'Dossier blue and greys', colors: ['#1F5F8B', '#8FB3CF', '#5B636B', '#B9BEC3'] },
];

export const HEX_COLOUR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

export const LOCALES: readonly { value: string; label: string }[] = [
  { value: 'en-GB', label: 'English (UK): 12,500.5' },
  { value: 'en-US', label: 'English (US): 12,500.5' },
  { value: 'az-AZ', label: 'Azerbaijani: 12.500,5' },
  { value: 'ru-RU', label: 'Russian: 12 500,5' },
  { value: 'fr-FR', label: 'French: 12 500,5' },
  { value: 'de-DE', label: 'German: 12.500,5' },
];

export const LABEL_POSITIONS = [
  { value: 'auto', label: 'Automatic' },
  { value: 'inside', label: 'Inside the bars' },
  { value: 'outside', label: 'Outside the bars' },
  { value: 'none', label: 'No value labels' },
] as const;

export type Annotation =
  | { kind: 'line'; value: number; label: string }
  | { kind: 'band'; from: number; to: number; label: string }
  | { kind: 'text'; text: string; at?: string };

export type DerivedSpec =
  | { kind: 'complement'; of: string; total: number; label: string }
  | { kind: 'difference'; of: string; minus: string; label: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export const readString = (options: ChartOptionsRecord, key: string): string => {
  const value = options[key];
  return typeof value === 'string' ? value : '';
};

export const readNumber = (options: ChartOptionsRecord, key: string): number | null => {
  const value = options[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

export const readBoolean = (options: ChartOptionsRecord, key: string): boolean | null => {
  const value = options[key];
  return typeof value === 'boolean' ? value : null;
};

export const readColors = (options: ChartOptionsRecord): string[] | null => {
  const value = options.colors;
  return Array.isArray(value) && value.every((c) => typeof c === 'string') ? (value as string[]) : null;
};

/** Keyed by fact ids, which are data: a null prototype, so "constructor" has no label until given one. */
export const readLabels = (options: ChartOptionsRecord): Record<string, string> => {
  const labels = Object.create(null) as Record<string, string>;
  const value = options.labels;
  if (!isRecord(value)) return labels;
  for (const [id, label] of Object.entries(value)) if (typeof label === 'string') labels[id] = label;
  return labels;
};

export const readAnnotations = (options: ChartOptionsRecord): Annotation[] => {
  const value = options.annotations;
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is Annotation => isRecord(item) && (item.kind === 'line' || item.kind === 'band' || item.kind === 'text'));
};

export const readDerived = (options: ChartOptionsRecord): DerivedSpec[] => {
  const value = options.derived;
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((item): item is DerivedSpec => isRecord(item) && (item.kind === 'complement' || item.kind === 'difference'));
};

/** Sets one option; an empty value removes the key so the core's default applies. */
export const withOption = (options: ChartOptionsRecord, key: string, value: unknown): ChartOptionsRecord => {
  const next = { ...options };
  const empty =
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0) ||
    (isRecord(value) && Object.keys(value).length === 0);
  if (empty) delete next[key];
  else next[key] = value;
  return next;
};

/** Which preset the chart's colours match, or 'custom'. */
export const presetOf = (colors: readonly string[] | null): string => {
  if (!colors) return 'default';
  const key = colors.map((c) => c.toUpperCase()).join(',');
  return PALETTE_PRESETS.find((preset) => preset.colors && preset.colors.join(',') === key)?.id ?? 'custom';
};

/** The size of a chart exported on its own (Download SVG / PNG): roomier than a page column. */
export const exportSizeFor = (chart: Pick<Chart, 'type' | 'factIds' | 'options'>): { width: number; height: number } => {
  const bars = chart.factIds.length + readDerived(chart.options).length;
  if (chart.type === 'bar-horizontal') return { width: 720, height: Math.max(160, Math.min(405, 110 + 40 * Math.max(1, bars))) };
  if (chart.type === 'big-number') return { width: 720, height: 220 };
  return { width: 720, height: 405 };
};
