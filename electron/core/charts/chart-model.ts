import { z } from 'zod';
import type { Chart, Fact, Indicator, Source } from '../../shared/entities';
import { formatFigure, formatNumber as formatReportNumber } from '../../shared/format-number';
import type { Qualifier } from '../../shared/qualifiers';

/**
 * Turns a chart definition plus the facts it points at into a render model: categories, series,
 * values, the notes a reader needs (derived values, figures without a date, deleted figures) and a
 * drafted alt text. Pure TypeScript (no `node:` imports, no DOM) so the renderer process can use it
 * for previews and the Node side for PDFs.
 */

// ---------------------------------------------------------------------------------------------
// Palette
// ---------------------------------------------------------------------------------------------

/**
 * Okabe–Ito (2008), ordered for charts: the strong blue first, yellow late (weak on white).
 * Every pair stays distinguishable under simulated deuteranopia and protanopia.
 */
import { OKABE_ITO } from '../../shared/domain/palette';

export { OKABE_ITO };
export const DEFAULT_PALETTE: readonly string[] = OKABE_ITO;

export type VisionDeficiency = 'normal' | 'deuteranopia' | 'protanopia';

export interface PaletteWarning {
  colors: [string, string];
  deficiency: VisionDeficiency;
  /** CIEDE2000 distance between the two simulated colours; below the threshold they look alike. */
  distance: number;
  message: string;
}

/** CIEDE2000 below this reads as "the same colour" at chart-swatch sizes. */
export const PALETTE_MIN_DISTANCE = 10;

// Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
const CVD_MATRICES: Record<Exclude<VisionDeficiency, 'normal'>, readonly (readonly [number, number, number])[]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
};

const HEX_COLOUR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

const hexToRgb = (hex: string): [number, number, number] => {
  const h = hex.length === 4 ? `#${hex[1]}${hex[1]}${hex[2]}${hex[2]}${hex[3]}${hex[3]}` : hex;
  return [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
};

const toLinear = (channel: number): number => {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

const simulate = (hex: string, deficiency: VisionDeficiency): [number, number, number] => {
  const [r, g, b] = hexToRgb(hex).map(toLinear) as [number, number, number];
  if (deficiency === 'normal') return [r, g, b];
  const m = CVD_MATRICES[deficiency];
  const row = (i: number): number => {
    const k = m[i]!;
    return Math.min(1, Math.max(0, k[0] * r + k[1] * g + k[2] * b));
  };
  return [row(0), row(1), row(2)];
};

const linearToLab = ([r, g, b]: [number, number, number]): [number, number, number] => {
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const zz = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(zz))];
};

/** CIEDE2000 colour difference between two CIELAB colours. */
export const deltaE2000 = (lab1: readonly [number, number, number], lab2: readonly [number, number, number]): number => {
  const [L1, a1, b1] = lab1;
  const [L2, a2, b2] = lab2;
  const rad = Math.PI / 180;
  const C1 = Math.hypot(a1, b1);
  const C2 = Math.hypot(a2, b2);
  const Cb7 = ((C1 + C2) / 2) ** 7;
  const G = 0.5 * (1 - Math.sqrt(Cb7 / (Cb7 + 25 ** 7)));
  const a1p = (1 + G) * a1;
  const a2p = (1 + G) * a2;
  const C1p = Math.hypot(a1p, b1);
  const C2p = Math.hypot(a2p, b2);
  const hue = (x: number, y: number): number => {
    if (x === 0 && y === 0) return 0;
    const v = Math.atan2(y, x) / rad;
    return v < 0 ? v + 360 : v;
  };
  const h1p = hue(a1p, b1);
  const h2p = hue(a2p, b2);
  const dLp = L2 - L1;
  const dCp = C2p - C1p;
  let dhp = 0;
  if (C1p * C2p !== 0) {
    dhp = h2p - h1p;
    if (dhp > 180) dhp -= 360;
    else if (dhp < -180) dhp += 360;
  }
  const dHp = 2 * Math.sqrt(C1p * C2p) * Math.sin((dhp * rad) / 2);
  const Lbp = (L1 + L2) / 2;
  const Cbp = (C1p + C2p) / 2;
  let hbp = h1p + h2p;
  if (C1p * C2p !== 0) {
    hbp = Math.abs(h1p - h2p) > 180 ? (h1p + h2p + (h1p + h2p < 360 ? 360 : -360)) / 2 : (h1p + h2p) / 2;
  }
  const T =
    1 -
    0.17 * Math.cos((hbp - 30) * rad) +
    0.24 * Math.cos(2 * hbp * rad) +
    0.32 * Math.cos((3 * hbp + 6) * rad) -
    0.2 * Math.cos((4 * hbp - 63) * rad);
  const dTheta = 30 * Math.exp(-(((hbp - 275) / 25) ** 2));
  const Cbp7 = Cbp ** 7;
  const Rc = 2 * Math.sqrt(Cbp7 / (Cbp7 + 25 ** 7));
  const Sl = 1 + (0.015 * (Lbp - 50) ** 2) / Math.sqrt(20 + (Lbp - 50) ** 2);
  const Sc = 1 + 0.045 * Cbp;
  const Sh = 1 + 0.015 * Cbp * T;
  const Rt = -Math.sin(2 * dTheta * rad) * Rc;
  return Math.sqrt((dLp / Sl) ** 2 + (dCp / Sc) ** 2 + (dHp / Sh) ** 2 + Rt * (dCp / Sc) * (dHp / Sh));
};

/**
 * Pairs of colours that look alike to people with normal vision, deuteranopia or protanopia (the
 * common red–green deficiencies, ~6 % of men), using the Machado 2009 simulation and CIEDE2000.
 * Colours that are not `#rgb`/`#rrggbb` are skipped.
 */
export const checkPalette = (colors: readonly string[], minDistance = PALETTE_MIN_DISTANCE): PaletteWarning[] => {
  const valid = [...new Set(colors.filter((c) => HEX_COLOUR.test(c)).map((c) => c.toUpperCase()))];
  const warnings: PaletteWarning[] = [];
  const deficiencies: VisionDeficiency[] = ['normal', 'deuteranopia', 'protanopia'];
  for (let i = 0; i < valid.length; i += 1) {
    for (let j = i + 1; j < valid.length; j += 1) {
      const a = valid[i]!;
      const b = valid[j]!;
      for (const deficiency of deficiencies) {
        const distance = deltaE2000(linearToLab(simulate(a, deficiency)), linearToLab(simulate(b, deficiency)));
        if (distance < minDistance) {
          const who = deficiency === 'normal' ? 'anyone' : `readers with ${deficiency}`;
          warnings.push({
            colors: [a, b],
            deficiency,
            distance: Math.round(distance * 10) / 10,
            message: `Colours ${a} and ${b} are hard to tell apart for ${who}.`,
          });
          break; // one warning per pair is enough
        }
      }
    }
  }
  return warnings;
};

/** Black or white, whichever reads better on the given fill. */
export const textColorOn = (fill: string): '#000000' | '#FFFFFF' => {
  if (!HEX_COLOUR.test(fill)) return '#000000';
  const [r, g, b] = hexToRgb(fill).map(toLinear) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const contrastWhite = 1.05 / (luminance + 0.05);
  const contrastBlack = (luminance + 0.05) / 0.05;
  return contrastWhite >= contrastBlack ? '#FFFFFF' : '#000000';
};

// ---------------------------------------------------------------------------------------------
// Text safety
// ---------------------------------------------------------------------------------------------

/**
 * Makes user text safe to draw: drops characters XML 1.0 forbids (C0/C1 controls, lone
 * surrogates, U+FFFE/U+FFFF), bidi embeddings/overrides/isolates (they can reorder what a reader
 * sees), and folds line breaks and tabs into spaces. Escaping for SVG is the renderer's job.
 */
export const cleanText = (text: string): string =>
  text
    .replace(/[\t\n\r\u2028\u2029]+/g, ' ')
    .replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/ {2,}/g, ' ')
    .trim();

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

const shortText = (max: number) => z.string().max(max).transform(cleanText);
const colourSchema = z.string().regex(HEX_COLOUR, 'colours are #rgb or #rrggbb');

const derivedSpecSchema = z.discriminatedUnion('kind', [
  z
    .object({
      /** `total − of`, e.g. domestic share = 100 − foreign share. */
      kind: z.literal('complement'),
      of: z.string().min(1).max(80),
      total: z.number().finite().default(100),
      label: shortText(200),
      series: shortText(200).optional(),
    })
    .strict(),
  z
    .object({
      /** `of − minus`, e.g. funding gap = required − received. */
      kind: z.literal('difference'),
      of: z.string().min(1).max(80),
      minus: z.string().min(1).max(80),
      label: shortText(200),
      series: shortText(200).optional(),
    })
    .strict(),
]);
export type DerivedSpec = z.infer<typeof derivedSpecSchema>;

const annotationSchema = z.discriminatedUnion('kind', [
  /** A reference line across the value axis, e.g. a target. */
  z.object({ kind: z.literal('line'), value: z.number().finite(), label: shortText(200).default('') }).strict(),
  /** A shaded range on the value axis (drawn opaque, behind the data). */
  z
    .object({
      kind: z.literal('band'),
      from: z.number().finite(),
      to: z.number().finite(),
      label: shortText(200).default(''),
    })
    .strict(),
  /**
   * A text note. With `at` (a date on a line chart, or a category label) it marks that point of
   * the category/time axis; without it, it sits in the corner of the plot.
   */
  z.object({ kind: z.literal('text'), text: shortText(300), at: z.string().max(200).optional() }).strict(),
]);
export type ChartAnnotation = z.infer<typeof annotationSchema>;

const isSupportedLocale = (locale: string): boolean => {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0;
  } catch {
    return false;
  }
};

const optionShapes = {
  /** BCP 47 locale for numbers and dates (thousands separators, month names). */
  locale: z.string().min(2).max(35).refine(isSupportedLocale, 'unknown locale'),
  /** Maximum fraction digits; by default as many as the data has, at most 2. */
  decimals: z.number().int().min(0).max(6),
  /** "1.2M" style numbers. */
  compact: z.boolean(),
  colors: z.array(colourSchema).min(1).max(12),
  xAxisLabel: shortText(200),
  yAxisLabel: shortText(200),
  unit: shortText(100),
  labelPosition: z.enum(['auto', 'inside', 'outside', 'none']),
  /** Data note under the chart: currency, dates, method. */
  note: shortText(1000),
  annotations: z.array(annotationSchema).max(10),
  /** Category label per fact id (bar, donut), overriding the automatic one. */
  labels: z.record(z.string().max(80), shortText(200)),
  /** Series name per fact id (grouped, stacked, line). */
  series: z.record(z.string().max(80), shortText(200)),
  categoryBy: z.enum(['auto', 'source', 'date', 'indicator', 'statement']),
  seriesBy: z.enum(['auto', 'indicator', 'source', 'none']),
  derived: z.union([derivedSpecSchema, z.array(derivedSpecSchema).max(10)]).transform((d) => (Array.isArray(d) ? d : [d])),
  sort: z.enum(['none', 'asc', 'desc']),
  /** Value axis starts at zero (bars always do). */
  zeroBased: z.boolean(),
  /** Label under a big number (default: the chart title). */
  label: shortText(300),
} as const;

export interface ChartOptions {
  locale: string;
  decimals: number | null;
  compact: boolean;
  colors: string[];
  xAxisLabel: string;
  yAxisLabel: string;
  unit: string | null;
  labelPosition: 'auto' | 'inside' | 'outside' | 'none';
  note: string;
  annotations: ChartAnnotation[];
  labels: Record<string, string>;
  series: Record<string, string>;
  categoryBy: 'auto' | 'source' | 'date' | 'indicator' | 'statement';
  seriesBy: 'auto' | 'indicator' | 'source' | 'none';
  derived: DerivedSpec[];
  sort: 'none' | 'asc' | 'desc';
  zeroBased: boolean;
  label: string;
}

export const DEFAULT_LOCALE = 'en-GB';

export const defaultChartOptions = (locale = DEFAULT_LOCALE): ChartOptions => ({
  locale,
  decimals: null,
  compact: false,
  colors: [...DEFAULT_PALETTE],
  xAxisLabel: '',
  yAxisLabel: '',
  unit: null,
  labelPosition: 'auto',
  note: '',
  annotations: [],
  labels: Object.create(null) as Record<string, string>,
  series: Object.create(null) as Record<string, string>,
  categoryBy: 'auto',
  seriesBy: 'auto',
  derived: [],
  sort: 'none',
  zeroBased: true,
  label: '',
});

/**
 * Parses `chart.options` field by field: a bad field falls back to its default and adds a
 * warning, so one typo never blanks a chart. Unknown keys are reported and ignored.
 */
export const parseChartOptions = (
  raw: Readonly<Record<string, unknown>>,
  fallbackLocale = DEFAULT_LOCALE,
): { options: ChartOptions; warnings: string[] } => {
  const options = defaultChartOptions(isSupportedLocale(fallbackLocale) ? fallbackLocale : DEFAULT_LOCALE);
  const warnings: string[] = [];
  const target = options as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(raw)) {
    if (!Object.hasOwn(optionShapes, key)) {
      warnings.push(`Option "${clip(cleanText(key), 40)}" is not known and was ignored.`);
      continue;
    }
    if (value === undefined || value === null) continue;
    const parsed = optionShapes[key as keyof typeof optionShapes].safeParse(value);
    if (parsed.success) {
      // Labels and series names are keyed by fact ids, which are data: no prototype may answer for "constructor".
      if (key === 'labels' || key === 'series') target[key] = Object.assign(Object.create(null), parsed.data);
      else target[key] = key === 'unit' && parsed.data === '' ? null : parsed.data;
    } else {
      const issue = parsed.error.issues[0];
      warnings.push(`Option "${key}" was ignored: ${issue ? issue.message : 'invalid value'}.`);
    }
  }
  return { options, warnings };
};

// ---------------------------------------------------------------------------------------------
// Numbers and dates
// ---------------------------------------------------------------------------------------------

const formatterCache = new Map<string, Intl.NumberFormat>();

const numberFormatter = (locale: string, optionsKey: Intl.NumberFormatOptions): Intl.NumberFormat => {
  const key = `${locale}|${JSON.stringify(optionsKey)}`;
  let formatter = formatterCache.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, optionsKey);
    if (formatterCache.size > 200) formatterCache.clear();
    formatterCache.set(key, formatter);
  }
  return formatter;
};

export interface NumberFormatSettings {
  locale: string;
  decimals: number | null;
  compact: boolean;
}

/** Digits after the decimal point in the shortest round-tripping form of `value`. */
export const decimalsOf = (value: number): number => {
  if (!Number.isFinite(value) || Number.isInteger(value)) return 0;
  const text = String(Math.abs(value));
  const exp = text.match(/e-(\d+)$/);
  if (exp) return Math.min(20, Number(exp[1]) + (text.split('e')[0]!.split('.')[1]?.length ?? 0));
  return text.split('.')[1]?.length ?? 0;
};

const normaliseUnit = (unit: string | null | undefined): string | null => {
  if (unit === null || unit === undefined) return null;
  const u = cleanText(unit);
  if (u === '') return null;
  if (/^(%|percent|per ?cent|pct)$/i.test(u)) return '%';
  return u;
};

const isCurrencyCode = (unit: string): boolean => {
  if (!/^[A-Z]{3}$/.test(unit)) return false;
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: unit });
    return Intl.supportedValuesOf ? Intl.supportedValuesOf('currency').includes(unit) : true;
  } catch {
    return false;
  }
};

/** A number in the chart's locale: thousands separators, decimals, optional compact notation. */
export const formatNumber = (value: number, settings: NumberFormatSettings): string => {
  if (!Number.isFinite(value)) return '–';
  // Unless the chart sets its own display format, it writes figures as the report text does
  // (exact, large round amounts in words), so a label and a sentence never disagree (issue 11).
  if (settings.decimals === null && !settings.compact) return formatReportNumber(value, settings.locale);
  const decimals = settings.decimals ?? (settings.compact ? 1 : Math.min(2, decimalsOf(value)));
  return numberFormatter(settings.locale, {
    maximumFractionDigits: decimals,
    minimumFractionDigits: 0,
    ...(settings.compact ? { notation: 'compact' as const } : {}),
  }).format(value);
};

/**
 * A number with its unit, the way a sentence or a key-figure tile shows it: percentages and
 * currency codes the locale's way ("4.9%", "USD 12,500,000"), other units after a space.
 */
export const formatValue = (value: number, unit: string | null, settings: NumberFormatSettings): string => {
  if (!Number.isFinite(value)) return '–';
  if (settings.decimals === null && !settings.compact) return formatFigure(value, normaliseUnit(unit), { locale: settings.locale });
  const u = normaliseUnit(unit);
  const decimals = settings.decimals ?? (settings.compact ? 1 : Math.min(2, decimalsOf(value)));
  const common: Intl.NumberFormatOptions = {
    maximumFractionDigits: decimals,
    minimumFractionDigits: 0,
    ...(settings.compact ? { notation: 'compact' as const } : {}),
  };
  if (u === '%') return numberFormatter(settings.locale, { ...common, style: 'unit', unit: 'percent' }).format(value);
  if (u && isCurrencyCode(u)) {
    return numberFormatter(settings.locale, { ...common, style: 'currency', currency: u, currencyDisplay: 'code' }).format(value);
  }
  const number = formatNumber(value, settings);
  return u ? `${number}\u00A0${u}` : number; // no line break between a number and its unit
};

/** A data label: numbers only, except percentages which keep their sign. */
export const formatDataLabel = (value: number, unit: string | null, settings: NumberFormatSettings): string =>
  normaliseUnit(unit) === '%' ? formatValue(value, '%', settings) : formatNumber(value, settings);

export interface PartialDate {
  year: number;
  month: number | null;
  day: number | null;
  /** UTC milliseconds of the start of the period. */
  time: number;
}

export const parsePartialDate = (text: string | null | undefined): PartialDate | null => {
  if (!text) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : null;
  const day = m[3] ? Number(m[3]) : null;
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  return { year, month, day, time: Date.UTC(year, (month ?? 1) - 1, day ?? 1) };
};

const dateFormatterCache = new Map<string, Intl.DateTimeFormat>();
const dateFormatter = (locale: string, precision: 'month' | 'day'): Intl.DateTimeFormat => {
  const key = `${locale}|${precision}`;
  let formatter = dateFormatterCache.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      year: 'numeric',
      month: 'short',
      ...(precision === 'day' ? { day: 'numeric' } : {}),
    });
    dateFormatterCache.set(key, formatter);
  }
  return formatter;
};

/** "2025", "Dec 2025", "24 Dec 2025" (en-GB); other locales their own way. */
export const formatPartialDate = (text: string | null | undefined, locale: string = DEFAULT_LOCALE): string => {
  const date = parsePartialDate(text);
  if (!date) return '';
  if (date.month === null) return String(date.year);
  return dateFormatter(locale, date.day === null ? 'month' : 'day').format(new Date(date.time));
};

// ---------------------------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------------------------

export type ChartType = Chart['type'];

export type ChartSource = Pick<Source, 'id' | 'outlet' | 'published'> & Partial<Pick<Source, 'title' | 'via'>>;
export type ChartFact = Pick<Fact, 'id' | 'sourceId' | 'statement' | 'value' | 'unit' | 'asOf' | 'indicator'> & { qualifier?: Fact['qualifier'] };

export interface ChartContext {
  facts: readonly ChartFact[] | ReadonlyMap<string, ChartFact>;
  sources: readonly ChartSource[] | ReadonlyMap<string, ChartSource>;
  indicators?: readonly Indicator[];
  /** The report's language, used when the chart sets no `locale` option. */
  locale?: string;
}

export interface DerivedInfo {
  kind: DerivedSpec['kind'];
  /** "100 − 4.9" */
  formula: string;
}

export interface ChartPoint {
  /** Fact id, or `derived-N` for a derived value. */
  key: string;
  factId: string | null;
  /** The facts a citation for this point must name (a derived value cites what it comes from). */
  citesFactIds: string[];
  category: string;
  series: string;
  value: number;
  unit: string | null;
  /** The fact's qualifier ("more than"); a derived value's follows from its operands. */
  qualifier: Qualifier | null;
  asOf: string | null;
  outlet: string | null;
  published: string | null;
  derived: DerivedInfo | null;
}

export interface ChartDatum {
  pointKey: string | null;
  category: string;
  /** Line charts: UTC ms of the start of the fact's `asOf` period. */
  time: number | null;
  date: string | null;
  value: number | null;
}

export interface ChartSeries {
  name: string;
  color: string;
  /** Bars/donut: aligned with `categories` (null where a cell has no figure). Line: sorted by time. */
  data: ChartDatum[];
}

export interface ChartModel {
  chartId: string;
  type: ChartType;
  title: string;
  subtitle: string;
  caption: string;
  /** The user's alt text when set, else the drafted one. */
  altText: string;
  draftedAltText: string;
  options: ChartOptions;
  unit: string | null;
  categories: string[];
  series: ChartSeries[];
  /** Every plotted point, in display order. */
  points: ChartPoint[];
  /** Line charts: figures whose date is unknown, listed under the chart and not plotted. */
  undated: ChartPoint[];
  /** Fact ids the chart names that are no longer in the library. */
  missingFactIds: string[];
  /** Facts without a numeric value (nothing to plot). */
  valuelessFactIds: string[];
  /** Every fact a source line must cite, in order, without duplicates. */
  citedFactIds: string[];
  /** "Source: AzerNews, Dec 2025" — for places with no citation numbers (tiles, previews). */
  sourceSummary: string;
  /** Footnotes the chart itself must show: derived values, deleted figures, the data note. */
  notes: string[];
  warnings: string[];
  paletteWarnings: PaletteWarning[];
  isEmpty: boolean;
  /** Why a chart has nothing to plot, said plainly. */
  emptyReason: string | null;
  numberFormat: NumberFormatSettings;
}

const TYPE_NAMES: Record<ChartType, string> = {
  'bar-horizontal': 'Bar chart',
  'bar-vertical': 'Column chart',
  'bar-grouped': 'Grouped column chart',
  'bar-stacked': 'Stacked column chart',
  line: 'Line chart',
  donut: 'Donut chart',
  'big-number': 'Key figure',
};

const toMap = <T extends { id: string }>(items: readonly T[] | ReadonlyMap<string, T>): ReadonlyMap<string, T> =>
  items instanceof Map ? items : new Map((items as readonly T[]).map((item) => [item.id, item]));

const humanise = (key: string): string => {
  const text = cleanText(key.replace(/[-_]+/g, ' '));
  return text.charAt(0).toUpperCase() + text.slice(1);
};

const roundTo = (value: number, decimals: number): number => {
  const factor = 10 ** Math.min(decimals, 12);
  return Math.round(value * factor) / factor;
};

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

interface RawPoint extends Omit<ChartPoint, 'category' | 'series'> {
  indicator: string | null;
  statement: string;
  sourceId: string | null;
}

const outletOf = (source: ChartSource | undefined): string | null => {
  if (!source) return null;
  const name = cleanText(source.outlet ?? '') || cleanText(source.via ?? '') || cleanText(source.title ?? '');
  return name ? clip(name, 80) : null;
};

/** "100 − more than 13.4" is "less than 86.6": a bound flips; an estimate stays one. */
const complementQualifier = (qualifier: Qualifier | null): Qualifier | null => {
  switch (qualifier) {
    case null:
      return null;
    case 'more than':
    case 'over':
      return 'less than';
    case 'less than':
    case 'under':
      return 'more than';
    case 'at least':
      return 'at most';
    case 'at most':
    case 'up to':
      return 'at least';
    default:
      return 'about';
  }
};

/** A point's value with its qualifier, in full (alt text, notes): "more than 13.4%". */
export const qualifiedValue = (p: Pick<ChartPoint, 'value' | 'qualifier'>, unit: string | null, settings: NumberFormatSettings): string => {
  const value = formatValue(p.value, unit, { ...settings, compact: false });
  return p.qualifier ? `${p.qualifier} ${value}` : value;
};

/** Builds the render model. Never throws on data problems: it reports them in the model. */
export const buildChartModel = (chart: Chart, context: ChartContext): ChartModel => {
  const facts = toMap(context.facts);
  const sources = toMap(context.sources);
  const indicatorLabels = new Map((context.indicators ?? []).map((i) => [i.key, cleanText(i.label)]));
  const indicatorUnits = new Map((context.indicators ?? []).map((i) => [i.key, i.unit]));
  const { options, warnings } = parseChartOptions(chart.options ?? {}, context.locale);
  const numberFormat: NumberFormatSettings = { locale: options.locale, decimals: options.decimals, compact: options.compact };
  const type = chart.type;
  const title = clip(cleanText(chart.title), 500);
  const indicatorLabel = (key: string | null): string | null => (key ? (indicatorLabels.get(key) ?? humanise(key)) : null);

  // 1. Resolve facts.
  const missingFactIds: string[] = [];
  const valuelessFactIds: string[] = [];
  const raw: RawPoint[] = [];
  const seen = new Set<string>();
  for (const factId of chart.factIds) {
    if (seen.has(factId)) continue;
    seen.add(factId);
    const fact = facts.get(factId);
    if (!fact) {
      missingFactIds.push(factId);
      continue;
    }
    if (fact.value === null || !Number.isFinite(fact.value)) {
      valuelessFactIds.push(factId);
      continue;
    }
    const source = sources.get(fact.sourceId);
    raw.push({
      key: fact.id,
      factId: fact.id,
      citesFactIds: [fact.id],
      value: fact.value,
      unit: normaliseUnit(fact.unit),
      qualifier: fact.qualifier ?? null,
      asOf: parsePartialDate(fact.asOf) ? fact.asOf : null,
      outlet: outletOf(source),
      published: source?.published ?? null,
      derived: null,
      indicator: fact.indicator,
      statement: clip(cleanText(fact.statement), 120),
      sourceId: fact.sourceId,
    });
  }

  // 2. Derived values.
  const notes: string[] = [];
  const factPoints = new Map(raw.map((p) => [p.key, p]));
  const valueOf = (id: string, role: string, label: string): RawPoint | null => {
    const p = factPoints.get(id);
    if (p) return p;
    const fact = facts.get(id);
    if (fact && fact.value !== null && Number.isFinite(fact.value)) {
      // A figure the chart does not plot may still feed a derived value (and is cited for it).
      const extra: RawPoint = {
        key: fact.id,
        factId: fact.id,
        citesFactIds: [fact.id],
        value: fact.value,
        unit: normaliseUnit(fact.unit),
        qualifier: fact.qualifier ?? null,
        asOf: parsePartialDate(fact.asOf) ? fact.asOf : null,
        outlet: outletOf(sources.get(fact.sourceId)),
        published: sources.get(fact.sourceId)?.published ?? null,
        derived: null,
        indicator: fact.indicator,
        statement: clip(cleanText(fact.statement), 120),
        sourceId: fact.sourceId,
      };
      factPoints.set(id, extra);
      return extra;
    }
    const why = !fact ? 'is not in the library' : 'has no value';
    warnings.push(`"${label}" could not be derived: the ${role} figure (${id}) ${why}.`);
    return null;
  };
  const derivedSeries = new Map<string, string | undefined>();
  // Formulas show the figures in full, whatever the chart's display format.
  const exact: NumberFormatSettings = { ...numberFormat, compact: false };
  options.derived.forEach((spec, index) => {
    const base = valueOf(spec.of, 'base', spec.label);
    if (!base) return;
    let value: number;
    let formula: string;
    let cites: string[];
    let qualifier: Qualifier | null;
    if (spec.kind === 'complement') {
      qualifier = complementQualifier(base.qualifier);
      const decimals = Math.max(decimalsOf(spec.total), decimalsOf(base.value));
      value = roundTo(spec.total - base.value, decimals);
      formula = `${formatNumber(spec.total, { ...exact, decimals: null })} − ${formatNumber(base.value, { ...exact, decimals })}`;
      cites = [base.key];
    } else {
      const other = valueOf(spec.minus, 'subtracted', spec.label);
      if (!other) return;
      // A difference of inexact figures is itself only approximate.
      qualifier = base.qualifier || other.qualifier ? 'about' : null;
      const decimals = Math.max(decimalsOf(base.value), decimalsOf(other.value));
      value = roundTo(base.value - other.value, decimals);
      formula = `${formatNumber(base.value, { ...exact, decimals })} − ${formatNumber(other.value, { ...exact, decimals })}`;
      cites = [base.key, other.key];
    }
    const key = `derived-${index + 1}`;
    derivedSeries.set(key, spec.series);
    raw.push({
      key,
      factId: null,
      citesFactIds: cites,
      value,
      unit: base.unit,
      qualifier,
      asOf: base.asOf,
      outlet: null,
      published: null,
      derived: { kind: spec.kind, formula },
      indicator: null,
      statement: spec.label || 'Derived value',
      sourceId: null,
    });
    options.labels[key] ??= spec.label || `Derived ${index + 1}`;
    notes.push(`${spec.label || 'Derived value'}: derived as ${formula}.`);
  });
  if (type === 'line' && options.derived.length > 0) {
    warnings.push('Derived values are not drawn on line charts.');
  }

  // 3. Unit.
  const factUnits = [...new Set(raw.filter((p) => !p.derived).map((p) => p.unit ?? ''))];
  const chartIndicatorUnit = chart.indicator ? normaliseUnit(indicatorUnits.get(chart.indicator)) : null;
  const unit = normaliseUnit(options.unit) ?? (factUnits.length === 1 ? factUnits[0] || null : null) ?? chartIndicatorUnit;
  if (factUnits.length > 1 && !options.unit) {
    warnings.push(`The figures use different units (${factUnits.map((u) => u || 'none').join(', ')}); check they can share an axis.`);
  }

  // 4. Categories and series.
  const distinct = (values: (string | null)[]): boolean => values.every((v) => v !== null) && new Set(values).size === values.length;
  const factual = raw.filter((p) => !p.derived);
  const indicators = new Set(factual.map((p) => p.indicator ?? ''));
  const sourceLabel = (p: RawPoint): string | null => p.outlet;
  const dateLabel = (p: RawPoint): string | null => (p.asOf ? formatPartialDate(p.asOf, options.locale) : null);
  const indicatorOf = (p: RawPoint): string | null => indicatorLabel(p.indicator);
  type By = 'source' | 'date' | 'indicator' | 'statement';
  const labelBy = (by: By, p: RawPoint): string => {
    if (by === 'source') return sourceLabel(p) ?? 'Unknown source';
    if (by === 'date') return dateLabel(p) ?? 'Date unknown';
    if (by === 'indicator') return indicatorOf(p) ?? p.statement;
    return p.statement;
  };
  const isSeriesType = type === 'bar-grouped' || type === 'bar-stacked' || type === 'line';

  let seriesBy: 'indicator' | 'source' | 'none' = 'none';
  if (isSeriesType) {
    if (options.seriesBy !== 'auto') seriesBy = options.seriesBy;
    else if (type === 'line') seriesBy = indicators.size > 1 ? 'indicator' : 'none';
    else seriesBy = indicators.size > 1 ? 'indicator' : 'source';
  }

  let categoryBy: By;
  if (options.categoryBy !== 'auto') categoryBy = options.categoryBy;
  else if (isSeriesType) {
    const candidates: By[] = (['date', 'source', 'indicator'] as By[]).filter((by) => by !== seriesBy);
    categoryBy =
      candidates.find((by) => new Set(factual.map((p) => labelBy(by, p))).size > 1) ?? candidates[0] ?? 'statement';
  } else {
    const candidates: By[] = indicators.size > 1 ? ['indicator', 'source', 'date'] : ['source', 'date'];
    const getters: Record<By, (p: RawPoint) => string | null> = {
      source: sourceLabel,
      date: dateLabel,
      indicator: indicatorOf,
      statement: (p) => p.statement,
    };
    categoryBy = candidates.find((by) => distinct(factual.map(getters[by]))) ?? (factual.length <= 1 ? 'source' : 'statement');
  }

  const seriesNameFor = (p: RawPoint): string => {
    const explicit = options.series[p.key] ?? (p.derived ? derivedSeries.get(p.key) : undefined);
    if (explicit) return explicit;
    if (p.derived) {
      const base = factPoints.get(p.citesFactIds[0] ?? '');
      return base ? seriesNameFor(base) : p.statement;
    }
    if (seriesBy === 'indicator') return indicatorOf(p) ?? 'Other';
    if (seriesBy === 'source') return sourceLabel(p) ?? 'Unknown source';
    return indicatorLabel(chart.indicator) ?? indicatorOf(p) ?? (unit && unit !== '%' ? humanise(unit) : title || 'Value');
  };

  let points: ChartPoint[] = raw.map((p) => ({
    key: p.key,
    factId: p.factId,
    citesFactIds: p.citesFactIds,
    category: clip(options.labels[p.key] ?? labelBy(categoryBy, p), 200),
    series: clip(seriesNameFor(p), 200),
    value: p.value,
    unit: p.unit,
    qualifier: p.qualifier,
    asOf: p.asOf,
    outlet: p.outlet,
    published: p.published,
    derived: p.derived,
  }));

  // Single-series bars and donuts: make duplicate category labels distinct so every bar is named.
  if (!isSeriesType) {
    const counts = new Map<string, number>();
    for (const p of points) counts.set(p.category, (counts.get(p.category) ?? 0) + 1);
    const used = new Map<string, number>();
    points = points.map((p) => {
      if ((counts.get(p.category) ?? 0) < 2) return p;
      const date = p.asOf ? formatPartialDate(p.asOf, options.locale) : '';
      let category = date && categoryBy !== 'date' ? `${p.category}, ${date}` : p.category;
      const n = (used.get(category) ?? 0) + 1;
      used.set(category, n);
      if (n > 1) category = `${category} (${n})`;
      return { ...p, category };
    });
  }

  // 5. Type-specific filtering.
  const undated: ChartPoint[] = [];
  if (type === 'line') {
    points = points.filter((p) => {
      if (p.derived) return false;
      if (p.asOf) return true;
      // Named by who reported it: its date, the usual category, is what is missing.
      const rawPoint = factPoints.get(p.key);
      undated.push({ ...p, category: options.labels[p.key] ?? (rawPoint ? (sourceLabel(rawPoint) ?? rawPoint.statement) : p.category) });
      return false;
    });
  }
  if (type === 'donut') {
    const dropped = points.filter((p) => p.value <= 0);
    if (dropped.length > 0) {
      warnings.push(`A donut shows parts of a whole: ${plural(dropped.length, 'figure', 'figures')} at zero or below left out.`);
      notes.push(`Not shown (zero or negative): ${dropped.map((p) => `${p.category} (${formatNumber(p.value, numberFormat)})`).join(', ')}.`);
    }
    points = points.filter((p) => p.value > 0);
    if (unit === '%' && points.length > 1) {
      const total = roundTo(points.reduce((sum, p) => sum + p.value, 0), 6);
      if (Math.abs(total - 100) > 0.5) warnings.push(`The shares add up to ${formatNumber(total, numberFormat)} %, not 100 %.`);
    }
  }
  if (type === 'big-number' && points.length > 0) {
    const chosen = points.find((p) => p.derived) ?? points[0]!;
    if (points.length > 1) warnings.push(`A key figure shows one value; ${plural(points.length - 1, 'other figure was', 'other figures were')} left out.`);
    points = [chosen];
  }
  if (options.sort !== 'none' && !isSeriesType && type !== 'big-number') {
    const dir = options.sort === 'asc' ? 1 : -1;
    points = [...points].sort((a, b) => dir * (a.value - b.value));
  }

  // Bars, lines and donuts label plain numbers: a figure its source qualifies ("more than 13.4%")
  // says so in a note under the chart, so the chart never states more than the source (issue 11).
  const qualified = type === 'big-number' ? [] : points.filter((p) => p.qualifier);
  if (qualified.length > 0) {
    notes.push(`As the sources put it: ${qualified.map((p) => `${p.category}, ${qualifiedValue(p, p.unit ?? unit, numberFormat)}`).join('; ')}.`);
  }

  // 6. Series data.
  const palette = options.colors.length > 0 ? options.colors : [...DEFAULT_PALETTE];
  const colourAt = (i: number): string => palette[i % palette.length] ?? DEFAULT_PALETTE[0]!;
  let categories: string[] = [];
  let series: ChartSeries[] = [];
  if (type === 'line') {
    const bySeries = new Map<string, ChartPoint[]>();
    for (const p of points) bySeries.set(p.series, [...(bySeries.get(p.series) ?? []), p]);
    series = [...bySeries.entries()].map(([name, ps], i) => ({
      name,
      color: colourAt(i),
      data: ps
        .map((p) => ({ pointKey: p.key, category: p.category, time: parsePartialDate(p.asOf)!.time, date: p.asOf, value: p.value }))
        .sort((a, b) => a.time - b.time),
    }));
    categories = [];
  } else if (isSeriesType) {
    categories = [...new Set(points.map((p) => p.category))];
    if (categoryBy === 'date' && options.sort === 'none') {
      // Chronological, with "Date unknown" last.
      const firstTime = new Map<string, number>();
      for (const p of points) {
        const t = parsePartialDate(p.asOf)?.time ?? Number.POSITIVE_INFINITY;
        firstTime.set(p.category, Math.min(firstTime.get(p.category) ?? Number.POSITIVE_INFINITY, t));
      }
      categories.sort((a, b) => (firstTime.get(a) ?? 0) - (firstTime.get(b) ?? 0));
    }
    const names = [...new Set(points.map((p) => p.series))];
    series = names.map((name, i) => ({
      name,
      color: colourAt(i),
      data: categories.map((category) => ({ pointKey: null, category, time: null, date: null, value: null })),
    }));
    for (const p of points) {
      const s = series[names.indexOf(p.series)]!;
      const cell = s.data[categories.indexOf(p.category)]!;
      if (cell.pointKey !== null) {
        warnings.push(`Two figures for "${p.series}" / "${p.category}": showing ${cell.pointKey}, not ${p.key}.`);
        continue;
      }
      cell.pointKey = p.key;
      cell.value = p.value;
      cell.date = p.asOf;
    }
    const shownKeys = new Set(series.flatMap((s) => s.data.map((d) => d.pointKey)));
    points = points.filter((p) => shownKeys.has(p.key));
  } else {
    categories = points.map((p) => p.category);
    const name = indicatorLabel(chart.indicator) ?? title ?? 'Value';
    series = [
      {
        name,
        color: colourAt(0),
        data: points.map((p) => ({ pointKey: p.key, category: p.category, time: null, date: p.asOf, value: p.value })),
      },
    ];
  }

  if (type === 'donut' && points.length > 6) warnings.push(`${points.length} slices are hard to compare in a donut; a bar chart reads better.`);
  if (type !== 'line' && type !== 'big-number' && categories.length > 25) {
    warnings.push(`${categories.length} categories are too many to label each one; consider fewer figures.`);
  }

  // 7. Notes, citations, empty state.
  if (missingFactIds.length > 0) {
    notes.push(
      `${plural(missingFactIds.length, 'figure was', 'figures were')} deleted from the library and ${missingFactIds.length === 1 ? 'is' : 'are'} not shown.`,
    );
  }
  if (valuelessFactIds.length > 0 && type !== 'big-number') {
    notes.push(`${plural(valuelessFactIds.length, 'figure has', 'figures have')} no numeric value and ${valuelessFactIds.length === 1 ? 'is' : 'are'} not shown.`);
  }
  if (options.note) notes.push(options.note);

  const citedFactIds = [...new Set([...points, ...undated].flatMap((p) => p.citesFactIds))];
  const outletDates: string[] = [];
  for (const id of citedFactIds) {
    const p = factPoints.get(id);
    if (!p) continue;
    const date = formatPartialDate(p.asOf ?? p.published, options.locale);
    const text = [p.outlet ?? 'Unknown source', date].filter(Boolean).join(', ');
    if (!outletDates.includes(text)) outletDates.push(text);
  }
  const sourceSummary =
    outletDates.length === 0 ? '' : `${outletDates.length === 1 ? 'Source' : 'Sources'}: ${outletDates.join('; ')}`;

  const isEmpty = type === 'line' ? series.every((s) => s.data.length === 0) : points.length === 0;
  let emptyReason: string | null = null;
  if (isEmpty) {
    if (chart.factIds.length === 0) emptyReason = 'No figures selected for this chart.';
    else if (missingFactIds.length === seen.size) emptyReason = `The ${plural(seen.size, 'figure', 'figures')} in this chart ${seen.size === 1 ? 'was' : 'were'} deleted from the library.`;
    else if (type === 'line' && undated.length > 0) emptyReason = 'None of the figures has a date, so none can be placed on a timeline.';
    else if (valuelessFactIds.length > 0 && raw.length === 0) emptyReason = 'None of the figures has a numeric value.';
    else emptyReason = 'Nothing to plot.';
  }

  const usedColours = type === 'donut' ? points.map((_, i) => colourAt(i)) : series.map((s) => s.color);
  const paletteWarnings = checkPalette(usedColours);
  for (const w of paletteWarnings) warnings.push(w.message);

  const model: ChartModel = {
    chartId: chart.id,
    type,
    title,
    subtitle: clip(cleanText(chart.subtitle ?? ''), 1000),
    caption: clip(cleanText(chart.caption ?? ''), 1000),
    altText: '',
    draftedAltText: '',
    options,
    unit,
    categories,
    series,
    points,
    undated,
    missingFactIds,
    valuelessFactIds,
    citedFactIds,
    sourceSummary,
    notes,
    warnings,
    paletteWarnings,
    isEmpty,
    emptyReason,
    numberFormat,
  };
  const bySource =
    categoryBy === 'source' && !isSeriesType && points.every((p) => !p.derived && options.labels[p.key] === undefined);
  model.draftedAltText = draftAltText(model, bySource);
  const userAlt = cleanText(chart.altText ?? '');
  model.altText = userAlt || model.draftedAltText;
  return model;
};

// ---------------------------------------------------------------------------------------------
// Alt text and source line
// ---------------------------------------------------------------------------------------------

const MAX_ALT_POINTS = 40;

const describePoint = (p: ChartPoint, model: ChartModel, withLabel: boolean): string => {
  // Alt text reads figures in full: "12,500,000", not "12.5M".
  const parts = [qualifiedValue(p, p.unit ?? model.unit, model.numberFormat)];
  const date = formatPartialDate(p.asOf, model.options.locale);
  if (p.derived) parts.push(`derived as ${p.derived.formula}`);
  else if (date && !(withLabel && p.category === date)) parts.push(date);
  return withLabel ? `${p.category} (${parts.join(', ')})` : `${parts[0]}${parts.length > 1 ? ` (${parts.slice(1).join(', ')})` : ''}`;
};

const listPoints = (points: readonly ChartPoint[], describe: (p: ChartPoint) => string, separator = ', '): string => {
  const shown = points.slice(0, MAX_ALT_POINTS).map(describe);
  const more = points.length - shown.length;
  return shown.join(separator) + (more > 0 ? `${separator}and ${more} more` : '');
};

/**
 * A plain-language description built from the data, e.g. "Bar chart: Casualties since 2020, as
 * reported by AzerNews (388, Dec 2025), Jordan Daily (382)." The user can replace it.
 */
export const draftAltText = (model: ChartModel, bySource = false): string => {
  const kind = TYPE_NAMES[model.type];
  const head = model.title ? `${kind}: ${model.title}` : kind;
  const sentences: string[] = [];
  const pointByKey = new Map(model.points.map((p) => [p.key, p]));
  if (model.isEmpty) {
    sentences.push(`${head}. No data.${model.emptyReason ? ` ${model.emptyReason}` : ''}`);
  } else if (model.type === 'big-number') {
    const p = model.points[0]!;
    const where = [p.outlet, p.derived ? `derived as ${p.derived.formula}` : formatPartialDate(p.asOf, model.options.locale)]
      .filter(Boolean)
      .join(', ');
    sentences.push(`${head}: ${qualifiedValue(p, p.unit ?? model.unit, model.numberFormat)}${where ? ` (${where})` : ''}.`);
  } else if (model.type === 'line') {
    const parts = model.series.map((s) => {
      const list = listPoints(
        s.data.map((d) => pointByKey.get(d.pointKey ?? '')).filter((p): p is ChartPoint => Boolean(p)),
        (p) => describePoint(p, model, false),
      );
      return model.series.length > 1 ? `${s.name}: ${list}` : list;
    });
    sentences.push(`${head}: ${parts.join('; ')}.`);
  } else if (model.type === 'bar-grouped' || model.type === 'bar-stacked') {
    const parts = model.series.map((s) => {
      const list = listPoints(
        s.data.map((d) => pointByKey.get(d.pointKey ?? '')).filter((p): p is ChartPoint => Boolean(p)),
        (p) => describePoint(p, model, true),
      );
      return `${s.name}: ${list}`;
    });
    sentences.push(`${head}. ${parts.join('; ')}.`);
  } else {
    const list = listPoints(model.points, (p) => describePoint(p, model, true));
    sentences.push(bySource ? `${head}, as reported by ${list}.` : `${head}: ${list}.`);
  }
  if (model.undated.length > 0) {
    sentences.push(`Date unknown, not plotted: ${listPoints(model.undated, (p) => describePoint(p, model, true))}.`);
  }
  if (model.missingFactIds.length > 0 && !(model.isEmpty && /deleted/.test(model.emptyReason ?? ''))) {
    sentences.push(`${plural(model.missingFactIds.length, 'figure was', 'figures were')} deleted from the library and ${model.missingFactIds.length === 1 ? 'is' : 'are'} not shown.`);
  }
  if (model.options.note) sentences.push(model.options.note);
  return clip(sentences.join(' ').replace(/\.\./g, '.'), 5000);
};

/**
 * "Sources: [3], [5]" from the report's citation numbers. Derived values cite the facts they come
 * from; facts without a number (not cited in the report) are left out; '' when nothing is left.
 */
export const sourceLine = (
  model: Pick<ChartModel, 'citedFactIds'>,
  citationNumbersByFactId: ReadonlyMap<string, number> | Readonly<Record<string, number>>,
): string => {
  const lookup = (id: string): number | undefined =>
    citationNumbersByFactId instanceof Map
      ? citationNumbersByFactId.get(id)
      : Object.hasOwn(citationNumbersByFactId, id)
        ? (citationNumbersByFactId as Readonly<Record<string, number>>)[id]
        : undefined;
  const numbers = [...new Set(model.citedFactIds.map(lookup).filter((n): n is number => typeof n === 'number' && Number.isFinite(n)))].sort(
    (a, b) => a - b,
  );
  if (numbers.length === 0) return '';
  return `${numbers.length === 1 ? 'Source' : 'Sources'}: ${numbers.map((n) => `[${n}]`).join(', ')}`;
};
