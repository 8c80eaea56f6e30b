import type { EChartsOption } from 'echarts';
import type { Font } from 'fontkit';
import {
  cleanText,
  formatDataLabel,
  formatNumber,
  formatPartialDate,
  formatValue,
  decimalsOf,
  textColorOn,
  type ChartModel,
  type NumberFormatSettings,
} from '../../core/charts/chart-model';
import { loadEcharts, loadFontkit } from './cjs-libraries';
import { reportFontPaths } from '../fonts';
import { CHART_FONT_STACK } from '../../core/export/fonts';
import type { ChartDrawOptions } from '../../core/charts/chart-ports';

/**
 * Draws a chart model as SVG in Node with ECharts' server-side renderer, shaped for pdfmake's SVG
 * renderer: text stays `<text>` (extractable), no halo `paint-order` (pdfmake drops it), opaque
 * fills only (translucency is slow in pdf.js), one font everywhere, measured with its real metrics.
 */

let loadedFonts: { normal: Font; bold: Font } | null = null;

const openFont = (path: string): Font => {
  const font = loadFontkit().openSync(path);
  if (!('unitsPerEm' in font) || !('layout' in font)) throw new Error(`Font collection not supported: ${path}`);
  return font as Font;
};

const fonts = (): { normal: Font; bold: Font } => {
  if (!loadedFonts) {
    const files = reportFontPaths();
    loadedFonts = { normal: openFont(files.normal), bold: openFont(files.bold) };
  }
  return loadedFonts;
};

const widthCache = new Map<string, number>();

/** Advance width in px of `text` set in DejaVu Sans at `size` px (kerning and shaping included). */
export const measureTextWidth = (text: string, size: number, bold = false): number => {
  if (text === '') return 0;
  const key = `${bold ? 'b' : 'n'}|${text}`;
  let em = widthCache.get(key);
  if (em === undefined) {
    const font = bold ? fonts().bold : fonts().normal;
    em = font.layout(text).advanceWidth / font.unitsPerEm;
    if (widthCache.size > 20_000) widthCache.clear();
    widthCache.set(key, em);
  }
  return em * size;
};

/** Parses a CSS font shorthand the way ECharts writes it ("normal bold 12px DejaVu Sans"). */
const parseCssFont = (font: string | undefined): { size: number; bold: boolean } => {
  const size = /(\d+(?:\.\d+)?)px/.exec(font ?? '');
  return {
    size: size ? Number(size[1]) : 12,
    bold: /\b(bold|bolder|[6-9]00)\b/.test(font ?? ''),
  };
};

let platformInstalled = false;
const installPlatformApi = (): void => {
  if (platformInstalled) return;
  loadEcharts().setPlatformAPI({
    measureText: (text: string, font?: string) => {
      const { size, bold } = parseCssFont(font);
      // zrender takes the width of "国" as the line height; DejaVu has no CJK, so say one em.
      if (text === '国') return { width: size };
      return { width: measureTextWidth(text, size, bold) };
    },
  });
  platformInstalled = true;
};

// ---------------------------------------------------------------------------------------------
// Text layout
// ---------------------------------------------------------------------------------------------

const ELLIPSIS = '…';

const truncateToWidth = (text: string, maxWidth: number, size: number, bold: boolean): string => {
  if (measureTextWidth(text, size, bold) <= maxWidth) return text;
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measureTextWidth(chars.slice(0, mid).join('').trimEnd() + ELLIPSIS, size, bold) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? (measureTextWidth(ELLIPSIS, size, bold) <= maxWidth ? ELLIPSIS : '') : chars.slice(0, lo).join('').trimEnd() + ELLIPSIS;
};

/**
 * Greedy word wrap with real font metrics; words longer than a line are broken; what does not
 * fit in `maxLines` ends with an ellipsis. Every returned line measures ≤ maxWidth.
 */
export const wrapText = (text: string, maxWidth: number, size: number, bold = false, maxLines = 2): string[] => {
  const clean = cleanText(text);
  if (clean === '' || maxWidth <= 0 || maxLines <= 0) return [];
  const words = clean.split(' ');
  const lines: string[] = [];
  let current = '';
  const fits = (t: string): boolean => measureTextWidth(t, size, bold) <= maxWidth;
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    const candidate = current ? `${current} ${word}` : word;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current) {
      lines.push(current);
      current = '';
    }
    if (fits(word)) {
      current = word;
    } else {
      // Break an over-long word by characters.
      let piece = '';
      for (const ch of Array.from(word)) {
        if (fits(piece + ch)) piece += ch;
        else {
          if (piece) lines.push(piece);
          piece = ch;
        }
      }
      current = piece;
    }
    if (lines.length >= maxLines) break;
  }
  if (current) lines.push(current);
  if (lines.length > maxLines || (lines.length === maxLines && lines.join(' ').length < clean.length)) {
    const kept = lines.slice(0, maxLines);
    const rest = clean.slice(kept.slice(0, -1).join(' ').length).trim();
    kept[maxLines - 1] = truncateToWidth(rest, maxWidth, size, bold);
    return kept.filter((l) => l !== '');
  }
  return lines;
};

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const num = (n: number): string => (Number.isFinite(n) ? String(Math.round(n * 100) / 100) : '0');

interface TextStyle {
  size: number;
  bold?: boolean;
  fill?: string;
  anchor?: 'start' | 'middle' | 'end';
  /**
   * A white box behind the text, so lines and grid do not run through it. (A stroke halo would
   * need a second copy of the text for pdfmake, and the PDF's text would then read twice.)
   */
  knockout?: boolean;
  /** `y` is the vertical centre (dominant-baseline="central", as ECharts writes its labels), not the baseline. */
  central?: boolean;
}

/** One line of text; `y` is the baseline. */
const svgText = (x: number, y: number, text: string, style: TextStyle): string => {
  const head = `<text x="${num(x)}" y="${num(y)}"${style.central ? ' dominant-baseline="central"' : ''} text-anchor="${style.anchor ?? 'start'}" font-family="${CHART_FONT_STACK}" font-size="${num(style.size)}"${
    style.bold ? ' font-weight="bold"' : ''
  }`;
  const clean = cleanText(text);
  const element = `${head} fill="${style.fill ?? TEXT}">${escapeXml(clean)}</text>`;
  if (!style.knockout) return element;
  const w = measureTextWidth(clean, style.size, style.bold);
  const anchor = style.anchor ?? 'start';
  const left = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
  const top = style.central ? y - style.size * 0.6 : y - style.size * 0.85;
  return `${svgRect(left - 2, top, w + 4, style.size * 1.2, '#FFFFFF')}${element}`;
};

const svgRect = (x: number, y: number, w: number, h: number, fill: string, extra = ''): string =>
  `<rect x="${num(x)}" y="${num(y)}" width="${num(Math.max(0, w))}" height="${num(Math.max(0, h))}" fill="${fill}"${extra}/>`;

// ---------------------------------------------------------------------------------------------
// Design constants (px; pdfmake treats them as pt)
// ---------------------------------------------------------------------------------------------

const PAD = 8;
const TEXT = '#222222';
const MUTED = '#5A5A5A';
const AXIS = '#8C8C8C';
const GRID = '#E2E2E2';
const BAND = '#EDEDED';
const TITLE_SIZE = 13;
const SUBTITLE_SIZE = 10;
const LABEL_SIZE = 9;
const LEGEND_SIZE = 9;
const FOOT_SIZE = 8;
const lineHeight = (size: number): number => Math.round(size * 1.3 * 10) / 10;

// ---------------------------------------------------------------------------------------------
// Scales
// ---------------------------------------------------------------------------------------------

interface Scale {
  min: number;
  max: number;
  step: number;
}

const niceStep = (range: number, target: number): number => {
  const raw = range / Math.max(1, target);
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  const nice = f < 1.5 ? 1 : f < 2.25 ? 2 : f < 3.5 ? 2.5 : f < 7.5 ? 5 : 10;
  return nice * power;
};

const niceScale = (lo: number, hi: number, target: number): Scale => {
  let min = Math.min(lo, hi);
  let max = Math.max(lo, hi);
  if (min === max) {
    const d = min === 0 ? 1 : Math.abs(min) * 0.1;
    min -= min === 0 ? 0 : d;
    max += d;
  }
  const step = niceStep(max - min, target);
  const round = (v: number): number => Math.round(v / step) * step;
  const nmin = Math.floor(min / step + 1e-9) * step;
  const nmax = Math.ceil(max / step - 1e-9) * step;
  const decimals = decimalsOf(step) + 1;
  const fix = (v: number): number => Number(round(v).toFixed(Math.min(12, decimals + 2)));
  return { min: fix(nmin), max: fix(nmax), step };
};

/**
 * A nice value scale that also leaves room, inside the plot, for each value's label beyond the
 * end of its bar (positive values: after; negative: before).
 */
const fitScale = (
  values: readonly number[],
  labelExtents: readonly number[],
  plotPx: number,
  includeZero: boolean,
  target: number,
  extraValues: readonly number[] = [],
): Scale => {
  const all = [...values, ...extraValues];
  let lo = Math.min(...all, includeZero ? 0 : Number.POSITIVE_INFINITY);
  let hi = Math.max(...all, includeZero ? 0 : Number.NEGATIVE_INFINITY);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    lo = 0;
    hi = 1;
  }
  let scale = niceScale(lo, hi, target);
  for (let i = 0; i < 4; i += 1) {
    const perUnit = plotPx / (scale.max - scale.min || 1);
    let needLo = lo;
    let needHi = hi;
    values.forEach((v, k) => {
      const extent = (labelExtents[k] ?? 0) / perUnit;
      if (v >= 0) needHi = Math.max(needHi, v + extent);
      else needLo = Math.min(needLo, v - extent);
    });
    const next = niceScale(needLo, needHi, target);
    if (next.min === scale.min && next.max === scale.max) break;
    scale = next;
  }
  return scale;
};

const axisSettings = (scale: Scale, settings: NumberFormatSettings): NumberFormatSettings => ({
  ...settings,
  decimals: settings.decimals === null ? Math.min(4, decimalsOf(scale.step)) : Math.min(settings.decimals, decimalsOf(scale.step) || settings.decimals),
});

// ---------------------------------------------------------------------------------------------
// Frame: title, subtitle, legend, axis captions, footer
// ---------------------------------------------------------------------------------------------


interface Frame {
  parts: string[];
  top: number;
  bottom: number;
}

const layoutLines = (
  parts: string[],
  lines: readonly string[],
  x: number,
  y: number,
  style: TextStyle,
): number => {
  const lh = lineHeight(style.size);
  lines.forEach((line, i) => parts.push(svgText(x, y + i * lh + style.size * 0.8, line, style)));
  return lines.length * lh;
};

/** Title, subtitle and legend at the top; notes and the source line at the bottom. */
const buildFrame = (
  model: ChartModel,
  width: number,
  height: number,
  options: ChartDrawOptions,
  legend: readonly { name: string; color: string }[],
  footerNotes: readonly string[],
): Frame => {
  const parts: string[] = [];
  const inner = width - 2 * PAD;
  let y = PAD;
  if (options.showTitle !== false) {
    if (model.title) {
      y += layoutLines(parts, wrapText(model.title, inner, TITLE_SIZE, true, width < 320 ? 3 : 2), PAD, y, { size: TITLE_SIZE, bold: true, fill: TEXT });
    }
    if (model.subtitle) {
      y += 1;
      y += layoutLines(parts, wrapText(model.subtitle, inner, SUBTITLE_SIZE, false, 2), PAD, y, { size: SUBTITLE_SIZE, fill: MUTED });
    }
    if (model.title || model.subtitle) y += 6;
  }
  if (legend.length > 1) {
    const swatch = 9;
    const gap = 14;
    const rowH = lineHeight(LEGEND_SIZE) + 2;
    let x = PAD;
    let rows = 1;
    for (const item of legend) {
      const name = truncateToWidth(cleanText(item.name), inner - swatch - 4, LEGEND_SIZE, false);
      const w = swatch + 4 + measureTextWidth(name, LEGEND_SIZE);
      if (x > PAD && x + w > width - PAD) {
        x = PAD;
        y += rowH;
        rows += 1;
      }
      parts.push(svgRect(x, y + (rowH - swatch) / 2 - 1, swatch, swatch, item.color));
      parts.push(svgText(x + swatch + 4, y + rowH / 2 + LEGEND_SIZE * 0.35, name, { size: LEGEND_SIZE, fill: TEXT }));
      x += w + gap;
    }
    y += rowH + 4;
    void rows;
  }
  // Footer, bottom-up: the source line last.
  const footer: { lines: string[]; size: number; fill: string }[] = [];
  const maxFootLines = Math.max(1, Math.floor((height * 0.28) / lineHeight(FOOT_SIZE)));
  let used = 0;
  const source = options.sourceLine ? cleanText(options.sourceLine) : '';
  const sourceLines = source ? wrapText(source, inner, FOOT_SIZE, false, 2) : [];
  used += sourceLines.length;
  for (const note of footerNotes) {
    const left = maxFootLines - used;
    if (left <= 0) break;
    const lines = wrapText(note, inner, FOOT_SIZE, false, Math.min(3, left));
    used += lines.length;
    footer.push({ lines, size: FOOT_SIZE, fill: MUTED });
  }
  if (sourceLines.length) footer.push({ lines: sourceLines, size: FOOT_SIZE, fill: MUTED });
  const footH = footer.reduce((h, f) => h + f.lines.length * lineHeight(f.size), 0);
  let fy = height - PAD - footH;
  const bottom = fy - (footH > 0 ? 4 : 0);
  for (const f of footer) fy += layoutLines(parts, f.lines, PAD, fy, { size: f.size, fill: f.fill });
  return { parts, top: y, bottom };
};

const footerNotesFor = (model: ChartModel): string[] => {
  const notes: string[] = [];
  if (model.undated.length > 0) {
    const list = model.undated
      .map((p) => `${p.category} ${formatValue(p.value, p.unit ?? model.unit, model.numberFormat)}`)
      .join('; ');
    notes.push(`Date unknown, not plotted: ${list}.`);
  }
  notes.push(...model.notes);
  return notes;
};

// ---------------------------------------------------------------------------------------------
// SVG post-processing
// ---------------------------------------------------------------------------------------------

/**
 * pdfmake's SVG renderer ignores `paint-order`, so a haloed label (stroke under fill) comes out
 * as stroke over fill: unreadable. Split each into a stroke-only copy, then a fill-only copy.
 */
export const splitHaloText = (svg: string): string =>
  svg.replace(/<text\b([^>]*)>([\s\S]*?)<\/text>/g, (whole, attrs: string, content: string) => {
    if (!/paint-order\s*[:=]\s*"?\s*stroke/.test(attrs)) return whole;
    const base = attrs.replace(/\s+paint-order="[^"]*"/g, '').replace(/paint-order\s*:\s*[^;"]*;?/g, '');
    const strokeOnly = `${base.replace(/\s+fill="[^"]*"/g, '')} fill="none" stroke-linejoin="round"`;
    const fillOnly = base.replace(/\s+stroke(-[a-z]+)?="[^"]*"/g, '');
    return `<text${strokeOnly}>${content}</text><text${fillOnly}>${content}</text>`;
  });

/**
 * ECharts wraps a line series in a clip to the plot area even with `clip: false` (it only widens
 * the clip). The axes hold every point, so the clip draws nothing; in the PDF it would become a
 * soft-mask group (svg-to-pdfkit), heavier to draw and to view.
 */
const withoutClip = (svg: string): string => svg.replace(/<clipPath\b[\s\S]*?<\/clipPath>/g, '').replace(/\s+clip-path="url\(#[^)"]*\)"/g, '');

const tidySvg = (svg: string, extra: readonly string[]): string => {
  let out = svg
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/\s+class="zr\d*-cls-\d+"/g, '')
    .replace(/\s+ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/\s+pointer-events="[^"]*"/g, '');
  out = splitHaloText(out);
  // Invisible helper shapes (e.g. hit areas) would become transparency groups in the PDF.
  out = out.replace(/<path\b[^>]*\bfill-opacity="0"[^>]*><\/path>/g, '');
  return out.replace(/<\/svg>\s*$/, `${extra.join('\n')}\n</svg>`);
};

// ---------------------------------------------------------------------------------------------
// ECharts
// ---------------------------------------------------------------------------------------------

type EOption = EChartsOption;

const runECharts = (option: EOption, width: number, height: number): string => {
  installPlatformApi();
  const chart = loadEcharts().init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
};

const baseOption = (): EOption => ({
  animation: false,
  backgroundColor: 'transparent',
  textStyle: { fontFamily: CHART_FONT_STACK, color: TEXT },
  tooltip: { show: false },
});

const emptySvg = (width: number, height: number, parts: readonly string[]): string =>
  `<svg width="${num(width)}" height="${num(height)}" xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 ${num(width)} ${num(height)}">\n${parts.join(
    '\n',
  )}\n</svg>`;

const labelStyle = { fontSize: LABEL_SIZE, fontFamily: CHART_FONT_STACK, color: TEXT, textBorderWidth: 0 } as const;

const wantLabels = (model: ChartModel): boolean => model.options.labelPosition !== 'none';

/** Vertical-axis caption ("Hectares") and the corner text notes, drawn above the plot. */
const captionRow = (
  model: ChartModel,
  width: number,
  y: number,
  vertical: string,
  parts: string[],
): number => {
  const corner = model.options.annotations.filter((a) => a.kind === 'text' && !(model.type === 'line' && a.at)).map((a) => (a.kind === 'text' ? a.text : ''));
  if (!vertical && corner.length === 0) return y;
  const inner = width - 2 * PAD;
  const leftW = vertical ? Math.min(inner * 0.5, measureTextWidth(vertical, LABEL_SIZE)) : 0;
  if (vertical) parts.push(svgText(PAD, y + LABEL_SIZE, truncateToWidth(vertical, inner * (corner.length ? 0.5 : 1), LABEL_SIZE, false), { size: LABEL_SIZE, fill: MUTED }));
  if (corner.length) {
    const text = truncateToWidth(corner.join(' · '), inner - leftW - 12, LABEL_SIZE, false);
    parts.push(svgText(width - PAD, y + LABEL_SIZE, text, { size: LABEL_SIZE, fill: MUTED, anchor: 'end' }));
  }
  return y + lineHeight(LABEL_SIZE) + 4;
};

/** The unit as an axis caption; percentages need none (every label carries "%"). */
const unitCaption = (model: ChartModel): string => (model.unit && model.unit !== '%' ? model.unit : '');

/** markLine/markArea for reference lines and bands on the value axis. */
const valueAnnotations = (model: ChartModel, axis: 'xAxis' | 'yAxis', settings: NumberFormatSettings) => {
  const lines = model.options.annotations.flatMap((a) => (a.kind === 'line' ? [a] : []));
  const bands = model.options.annotations.filter((a) => a.kind === 'band');
  const size = LABEL_SIZE - 0.5;
  // Reference-line labels sit outside the plot: right of a horizontal line, above a vertical one.
  const texts = lines.map((a) =>
    wrapText(`${a.label}${a.label ? ' ' : ''}${formatNumber(a.value, settings)}`, axis === 'yAxis' ? 90 : 160, size, false, 2),
  );
  const rightRoom = axis === 'yAxis' && lines.length ? Math.max(...texts.flat().map((t) => measureTextWidth(t, size))) + 8 : 0;
  const topRoom = axis === 'xAxis' && lines.length ? Math.max(...texts.map((t) => t.length)) * lineHeight(size) + 4 : 0;
  const markLine = lines.length
    ? {
        silent: true,
        symbol: 'none',
        lineStyle: { color: '#444444', type: 'dashed' as const, width: 1 },
        label: {
          // Vertical reference lines (horizontal bars) get their labels drawn above the plot by the caller.
          show: axis === 'yAxis',
          position: 'end' as const,
          distance: 4,
          fontSize: size,
          lineHeight: lineHeight(size),
          fontFamily: CHART_FONT_STACK,
          color: '#333333',
          textBorderWidth: 0,
          align: axis === 'yAxis' ? ('left' as const) : ('center' as const),
          formatter: (p: { dataIndex?: number }) => (texts[p.dataIndex ?? 0] ?? []).join('\n'),
        },
        data: lines.map((a) => ({ [axis]: a.value })),
      }
    : undefined;
  const markArea = bands.length
    ? {
        silent: true,
        itemStyle: { color: BAND, opacity: 1 },
        label: { show: true, position: axis === 'yAxis' ? ('insideTopLeft' as const) : ('insideTop' as const), fontSize: LABEL_SIZE - 0.5, fontFamily: CHART_FONT_STACK, color: MUTED, textBorderWidth: 0 },
        data: bands.map((a) =>
          a.kind === 'band'
            ? [
                { [axis]: Math.min(a.from, a.to), name: cleanText(a.label) },
                { [axis]: Math.max(a.from, a.to) },
              ]
            : [],
        ),
      }
    : undefined;
  const values = model.options.annotations.flatMap((a) => (a.kind === 'line' ? [a.value] : a.kind === 'band' ? [a.from, a.to] : []));
  return { markLine, markArea, values, rightRoom, topRoom, lines: lines.map((a, i) => ({ value: a.value, text: texts[i] ?? [], size })) };
};

// ---------------------------------------------------------------------------------------------
// Chart types
// ---------------------------------------------------------------------------------------------

const renderHorizontalBars = (model: ChartModel, o: ChartDrawOptions): string => {
  const { width, height } = o;
  const s = model.series[0]!;
  const values = s.data.map((d) => d.value ?? 0);
  const settings = model.numberFormat;
  const labels = values.map((v) => formatDataLabel(v, model.unit, settings));
  const showLabels = wantLabels(model);
  const frame = buildFrame(model, width, height, o, [], footerNotesFor(model));
  // Captions read from the top-left: the value axis's ("people"), else the category axis's.
  const valueCaption = model.options.xAxisLabel || unitCaption(model);
  const categoryCaption = model.options.yAxisLabel;
  const top = captionRow(model, width, frame.top, [categoryCaption, valueCaption].filter(Boolean).join(' · '), frame.parts);
  const axisH = showLabels ? 0 : lineHeight(LABEL_SIZE) + 6;
  const ann = valueAnnotations(model, 'xAxis', settings);
  const plotTop = top + 2 + ann.topRoom;
  const plotBottom = frame.bottom - axisH;
  const plotH = Math.max(20, plotBottom - plotTop);
  const n = Math.max(1, model.categories.length);
  const band = plotH / n;
  const lh = lineHeight(LABEL_SIZE);
  const maxLines = Math.max(1, Math.min(3, Math.floor((band - 2) / lh)));
  const labelBudget = Math.max(40, Math.min((width - 2 * PAD) * 0.42, 220));
  // Too many bars for a label each: label every k-th bar (the chart warns the user anyway).
  const every = Math.max(1, Math.ceil((lh + 1) / band));
  const wrapped = model.categories.map((c, i) => (i % every === 0 ? wrapText(c, labelBudget, LABEL_SIZE, false, maxLines) : []));
  const labelColW = Math.max(10, ...wrapped.flat().map((l) => measureTextWidth(l, LABEL_SIZE)));
  const gridLeft = PAD + labelColW + 8;
  const gridRight = PAD + 2;
  const plotW = Math.max(20, width - gridLeft - gridRight);
  const labelW = labels.map((l) => (showLabels ? measureTextWidth(l, LABEL_SIZE) + 6 : 0));
  const scale = fitScale(values, labelW, plotW, true, Math.max(2, Math.floor(plotW / 70)), ann.values);
  const perUnit = plotW / (scale.max - scale.min);
  const inside = model.options.labelPosition === 'inside';
  const barH = Math.min(band * 0.68, 32);
  // Value labels are drawn by us, after everything ECharts draws: reference lines never cross them.
  const valueLabels: string[] = [];
  if (showLabels) {
    values.forEach((v, i) => {
      if (i % every !== 0) return;
      const text = labels[i] ?? '';
      const w = measureTextWidth(text, LABEL_SIZE);
      const x0 = gridLeft + (0 - scale.min) * perUnit;
      const x1 = gridLeft + (v - scale.min) * perUnit;
      const yc = plotTop + (i + 0.5) * band;
      const useInside = inside && Math.abs(x1 - x0) >= w + 10;
      if (useInside) {
        valueLabels.push(svgText(v >= 0 ? x1 - 5 : x1 + 5, yc, text, { size: LABEL_SIZE, fill: textColorOn(s.color), anchor: v >= 0 ? 'end' : 'start', central: true }));
      } else {
        valueLabels.push(svgText(v >= 0 ? x1 + 5 : x1 - 5, yc, text, { size: LABEL_SIZE, fill: TEXT, anchor: v >= 0 ? 'start' : 'end', knockout: Boolean(ann.markLine), central: true }));
      }
    });
  }
  const data = values;
  const hasNegative = values.some((v) => v < 0);
  const option: EOption = {
    ...baseOption(),
    grid: { left: gridLeft, right: gridRight, top: plotTop, height: plotH, outerBoundsMode: 'none' },
    xAxis: {
      type: 'value',
      min: scale.min,
      max: scale.max,
      interval: scale.step,
      show: true,
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { show: !showLabels, fontSize: LABEL_SIZE, color: MUTED, formatter: (v: number) => formatNumber(v, axisSettings(scale, settings)) },
      splitLine: { show: !showLabels, lineStyle: { color: GRID } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: model.categories.map((_, i) => String(i)),
      axisLine: { show: !hasNegative, onZero: false, lineStyle: { color: AXIS } },
      axisTick: { show: false },
      axisLabel: {
        interval: 0,
        fontSize: LABEL_SIZE,
        lineHeight: lh,
        color: TEXT,
        margin: 8,
        formatter: (v: string) => (wrapped[Number(v)] ?? []).join('\n'),
      },
    },
    series: [
      {
        type: 'bar',
        data,
        barWidth: barH,
        itemStyle: { color: s.color },
        label: { show: false },
        ...(hasNegative
          ? { markLine: { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: AXIS, type: 'solid' as const, width: 1 }, data: [{ xAxis: 0 }] } }
          : {}),
      },
      ...(ann.markArea || ann.markLine ? [{ type: 'line' as const, data: [], markArea: ann.markArea, markLine: ann.markLine, z: 1 }] : []),
    ],
  } as EOption;
  if (ann.markArea && Array.isArray(option.series)) {
    // Bands go behind the bars: draw the helper series first.
    option.series = [option.series[1]!, option.series[0]!];
  }
  const extra = [...frame.parts, ...valueLabels];
  for (const line of ann.lines) {
    const x = gridLeft + (line.value - scale.min) * perUnit;
    const w = Math.max(0, ...line.text.map((t) => measureTextWidth(t, line.size)));
    const cx = Math.min(width - PAD - w / 2, Math.max(PAD + w / 2, x));
    layoutLines(extra, line.text, cx, plotTop - ann.topRoom, { size: line.size, fill: '#333333', anchor: 'middle' });
  }
  return tidySvg(runECharts(option, width, height), extra);
};

interface ColumnLayout {
  frame: Frame;
  plotTop: number;
  plotH: number;
  gridLeft: number;
  gridRight: number;
  plotW: number;
  wrapped: string[][];
  catLabelH: number;
}

/** Shared layout for vertical columns and lines: caption row, category labels, value-axis width. */
const columnLayout = (
  model: ChartModel,
  o: ChartDrawOptions,
  legend: readonly { name: string; color: string }[],
  showValueAxis: boolean,
  tickLabelW: (plotH: number) => number,
  categories: readonly string[],
  rightRoom = 0,
): ColumnLayout => {
  const { width, height } = o;
  const frame = buildFrame(model, width, height, o, legend, footerNotesFor(model));
  const vertical = model.options.yAxisLabel || unitCaption(model);
  const top = captionRow(model, width, frame.top, vertical, frame.parts);
  const horizontalCaption = model.options.xAxisLabel;
  const captionH = horizontalCaption ? lineHeight(LABEL_SIZE) + 2 : 0;
  const lh = lineHeight(LABEL_SIZE);
  // First pass for the plot width (tick labels depend on the height only through the scale).
  const roughPlotH = Math.max(30, frame.bottom - top - captionH - 3 * lh);
  const gridLeft = PAD + (showValueAxis ? tickLabelW(roughPlotH) + 6 : 0);
  const gridRight = PAD + 4 + rightRoom;
  const plotW = Math.max(20, width - gridLeft - gridRight);
  const n = Math.max(1, categories.length);
  const catW = plotW / n;
  const maxLines = catW < 60 ? 3 : 2;
  // Too many columns for a label each: label every k-th one, on one line, with room to read.
  const every = catW < 24 ? Math.ceil(40 / catW) : 1;
  const wrapped = categories.map((c, i) =>
    i % every !== 0 ? [] : every > 1 ? [truncateToWidth(cleanText(c), catW * every - 6, LABEL_SIZE, false)] : wrapText(c, Math.max(12, catW - 6), LABEL_SIZE, false, maxLines),
  );
  const lines = Math.max(1, ...wrapped.map((w) => w.length));
  const catLabelH = categories.length ? lines * lh + 8 : lh + 8;
  // Half a label of room: the top tick label is centred on the plot's top edge.
  const plotTop = top + (showValueAxis ? LABEL_SIZE / 2 + 4 : 4);
  const plotH = Math.max(20, frame.bottom - captionH - catLabelH - plotTop);
  if (horizontalCaption) {
    frame.parts.push(
      svgText(gridLeft + plotW / 2, plotTop + plotH + catLabelH + LABEL_SIZE, truncateToWidth(horizontalCaption, plotW, LABEL_SIZE, false), {
        size: LABEL_SIZE,
        fill: MUTED,
        anchor: 'middle',
      }),
    );
  }
  return { frame, plotTop, plotH, gridLeft, gridRight, plotW, wrapped, catLabelH };
};

const maxTickWidth = (scale: Scale, settings: NumberFormatSettings): number => {
  let w = 0;
  const s = axisSettings(scale, settings);
  for (let v = scale.min, i = 0; v <= scale.max + scale.step / 2 && i < 50; v += scale.step, i += 1) {
    w = Math.max(w, measureTextWidth(formatNumber(Number(v.toFixed(10)), s), LABEL_SIZE));
  }
  return w;
};

const renderColumns = (model: ChartModel, o: ChartDrawOptions): string => {
  const { width, height } = o;
  const type = model.type;
  const settings = model.numberFormat;
  const stacked = type === 'bar-stacked';
  const grouped = type === 'bar-grouped';
  const multi = stacked || grouped;
  const series = model.series;
  const legend = multi ? series.map((s) => ({ name: s.name, color: s.color })) : [];
  const showLabels = wantLabels(model);
  const ann = valueAnnotations(model, 'yAxis', settings);
  const totals = model.categories.map((_, i) => series.reduce((sum, s) => sum + Math.max(0, s.data[i]?.value ?? 0), 0));
  const negTotals = model.categories.map((_, i) => series.reduce((sum, s) => sum + Math.min(0, s.data[i]?.value ?? 0), 0));
  const allValues = stacked ? [...totals, ...negTotals] : series.flatMap((s) => s.data.map((d) => d.value ?? 0));
  const single = !multi;
  // Single series with a label on every column needs no value axis; if labels cannot fit, it does.
  const fmtEarly = (v: number): string => formatDataLabel(v, model.unit, settings);
  const approxCatW = (width - 2 * PAD) / Math.max(1, model.categories.length);
  const singleLabelsFit =
    model.options.labelPosition !== 'auto' || Math.max(0, ...allValues.map((v) => measureTextWidth(fmtEarly(v), LABEL_SIZE))) <= approxCatW - 4;
  const showAxis = !single || !showLabels || !singleLabelsFit;
  const roughScale = niceScale(Math.min(0, ...allValues, ...ann.values), Math.max(0, ...allValues, ...ann.values), 5);
  const layout = columnLayout(model, o, legend, showAxis, () => maxTickWidth(roughScale, settings), model.categories, ann.rightRoom);
  const { plotTop, plotH, gridLeft, gridRight, plotW, wrapped, frame } = layout;
  const n = Math.max(1, model.categories.length);
  const catW = plotW / n;
  const lh = lineHeight(LABEL_SIZE);
  // Bar geometry. Every bar width is set explicitly, so we know where ECharts puts each bar:
  // a group of k bars (gap 10 % of a bar) centred in its category.
  const k = grouped ? series.length : 1;
  const groupW = catW * 0.7;
  const barW = grouped ? groupW / (k + (k - 1) * 0.1) : Math.min(groupW, 60);
  const barCenter = (category: number, seriesIndex: number): number => {
    const centre = gridLeft + (category + 0.5) * catW;
    if (!grouped) return centre;
    const total = k * barW + (k - 1) * barW * 0.1;
    return centre - total / 2 + seriesIndex * barW * 1.1 + barW / 2;
  };
  const topLabelSize = grouped ? LABEL_SIZE - 0.5 : LABEL_SIZE;
  const fmt = (v: number): string => formatDataLabel(v, model.unit, settings);
  let labelsOnTop = showLabels && !stacked;
  if (labelsOnTop && model.options.labelPosition === 'auto') {
    const widest = Math.max(...series.flatMap((s) => s.data.map((d) => (d.value === null ? 0 : measureTextWidth(fmt(d.value), topLabelSize)))));
    labelsOnTop = grouped ? widest <= barW * 1.15 + 2 : widest <= catW - 4;
  }
  const showTotals =
    stacked && showLabels && series.length > 1 && Math.max(0, ...totals.map((t) => measureTextWidth(fmt(t), LABEL_SIZE, true))) <= catW - 4;
  const extentValues = stacked ? [...totals, ...negTotals] : allValues;
  const extents = extentValues.map(() => (labelsOnTop || showTotals ? lh + 2 : 0));
  const scale = fitScale(extentValues, extents, plotH, true, Math.max(2, Math.floor(plotH / 30)), ann.values);
  const perUnit = plotH / (scale.max - scale.min);
  const yOf = (v: number): number => plotTop + (scale.max - v) * perUnit;
  const inside = model.options.labelPosition === 'inside' || (stacked && showLabels);
  // Value labels are drawn by us, after everything ECharts draws: reference lines never cross them.
  const valueLabels: string[] = [];
  const posBase = model.categories.map(() => 0);
  const negBase = model.categories.map(() => 0);
  series.forEach((s, si) => {
    s.data.forEach((d, i) => {
      if (d.value === null || !showLabels) return;
      const v = d.value;
      const text = fmt(v);
      const x = barCenter(i, si);
      const w = measureTextWidth(text, LABEL_SIZE);
      let from = 0;
      if (stacked) {
        from = v >= 0 ? posBase[i]! : negBase[i]!;
        if (v >= 0) posBase[i] = from + v;
        else negBase[i] = from + v;
      }
      const y0 = yOf(from);
      const y1 = yOf(from + v);
      const px = Math.abs(y1 - y0);
      if (inside && px >= lh + 2 && w <= barW - 4) {
        const yc = stacked ? (y0 + y1) / 2 : y1 + (v >= 0 ? 1 : -1) * (LABEL_SIZE / 2 + 4);
        valueLabels.push(svgText(x, yc, text, { size: LABEL_SIZE, fill: textColorOn(s.color), anchor: 'middle', central: true }));
      } else if (labelsOnTop) {
        const y = v >= 0 ? y1 - 4 : y1 + topLabelSize + 3;
        valueLabels.push(svgText(x, y, text, { size: topLabelSize, fill: TEXT, anchor: 'middle', knockout: Boolean(ann.markLine) }));
      }
    });
  });
  const eSeries = series.map((s) => ({
    type: 'bar' as const,
    name: s.name,
    stack: stacked ? 'total' : undefined,
    barWidth: barW,
    barGap: '10%',
    barCategoryGap: '30%',
    itemStyle: { color: s.color, borderColor: stacked ? '#FFFFFF' : undefined, borderWidth: stacked ? 0.5 : 0 },
    label: { show: false },
    data: s.data.map((d) => d.value),
  }));
  const option: EOption = {
    ...baseOption(),
    grid: { left: gridLeft, right: gridRight, top: plotTop, height: plotH, outerBoundsMode: 'none' },
    xAxis: {
      type: 'category',
      data: model.categories.map((_, i) => String(i)),
      axisLine: { show: true, onZero: true, lineStyle: { color: AXIS } },
      axisTick: { show: false },
      axisLabel: {
        interval: 0,
        fontSize: LABEL_SIZE,
        lineHeight: lh,
        color: TEXT,
        margin: 8, // measured from the plot bottom, also when the axis line sits on zero
        formatter: (v: string) => (wrapped[Number(v)] ?? []).join('\n'),
      },
    },
    yAxis: {
      type: 'value',
      min: scale.min,
      max: scale.max,
      interval: scale.step,
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { show: showAxis, fontSize: LABEL_SIZE, color: MUTED, formatter: (v: number) => formatNumber(v, axisSettings(scale, settings)) },
      splitLine: { show: showAxis, lineStyle: { color: GRID } },
    },
    series: [
      ...(ann.markArea ? [{ type: 'line' as const, data: [], markArea: ann.markArea }] : []),
      ...eSeries,
      ...(ann.markLine ? [{ type: 'line' as const, data: [], markLine: ann.markLine }] : []),
    ],
  } as EOption;
  const extra = [...frame.parts, ...valueLabels];
  if (showTotals) {
    model.categories.forEach((_, i) => {
      const total = totals[i] ?? 0;
      if (total <= 0) return;
      const x = gridLeft + (i + 0.5) * catW;
      const y = plotTop + (scale.max - total) * perUnit - 4;
      extra.push(svgText(x, y, fmt(total), { size: LABEL_SIZE, bold: true, fill: TEXT, anchor: 'middle', knockout: true }));
    });
  }
  return tidySvg(runECharts(option, width, height), extra);
};

const DAY = 86_400_000;

/** Where a partial date sits on a time axis: the middle of its period ("2025" → early July). */
const midTime = (date: string | null, fallback: number): number => {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date ?? '');
  if (!m) return fallback;
  const y = Number(m[1]);
  if (!m[2]) return (Date.UTC(y, 0, 1) + Date.UTC(y + 1, 0, 1)) / 2;
  const mo = Number(m[2]) - 1;
  if (!m[3]) return (Date.UTC(y, mo, 1) + Date.UTC(y, mo + 1, 1)) / 2;
  return Date.UTC(y, mo, Number(m[3])) + DAY / 2;
};

interface TimeAxis {
  min: number;
  max: number;
  /** Tick marks at period boundaries. */
  ticks: number[];
  /** Labels: centred in their period when every period is labelled, else on the boundary. */
  labels: { time: number; text: string }[];
}

/** Whole years (or months for short spans), with the range widened to period boundaries. */
const timeAxis = (lo: number, hi: number, plotW: number, locale: string): TimeAxis => {
  const y0 = new Date(lo).getUTCFullYear();
  const y1 = new Date(hi).getUTCFullYear();
  const monthIndex = (t: number): number => new Date(t).getUTCFullYear() * 12 + new Date(t).getUTCMonth();
  const spanMonths = monthIndex(hi) - monthIndex(lo) + 1;
  if (spanMonths > 24) {
    const years = y1 - y0 + 1;
    const fit = Math.max(1, Math.floor(plotW / 40)); // "2024" needs ~25 px plus air
    const step = [1, 2, 5, 10, 20, 50].find((s) => years / s <= fit) ?? Math.ceil(years / fit);
    const start = Math.floor(y0 / step) * step;
    const end = Math.ceil((y1 + 1) / step) * step;
    const ticks: number[] = [];
    for (let y = start; y <= end; y += step) ticks.push(Date.UTC(y, 0, 1));
    const labels =
      step === 1
        ? ticks.slice(0, -1).map((t, i) => ({ time: (t + ticks[i + 1]!) / 2, text: String(start + i) }))
        : ticks.map((t, i) => ({ time: t, text: String(start + i * step) }));
    return { min: ticks[0]!, max: ticks[ticks.length - 1]!, ticks, labels };
  }
  const first = monthIndex(lo);
  const last = monthIndex(hi) + 1;
  const sample = formatPartialDate('2025-09', locale);
  const fit = Math.max(1, Math.floor(plotW / (measureTextWidth(sample, LABEL_SIZE) + 12)));
  const months = last - first;
  const step = [1, 2, 3, 6, 12].find((s) => months / s <= fit) ?? 12;
  const start = Math.floor(first / step) * step;
  const end = Math.ceil(last / step) * step;
  const at = (index: number): number => Date.UTC(Math.floor(index / 12), index % 12, 1);
  const label = (index: number): string => formatPartialDate(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`, locale);
  const ticks: number[] = [];
  const labels: { time: number; text: string }[] = [];
  for (let i = start; i <= end; i += step) {
    ticks.push(at(i));
    if (step === 1 && i < end) labels.push({ time: (at(i) + at(i + 1)) / 2, text: label(i) });
    else if (step > 1) labels.push({ time: at(i), text: label(i) });
  }
  return { min: ticks[0]!, max: ticks[ticks.length - 1]!, ticks, labels };
};

const renderLine = (model: ChartModel, o: ChartDrawOptions): string => {
  const { width, height } = o;
  const settings = model.numberFormat;
  const series = model.series;
  const legend = series.length > 1 ? series.map((s) => ({ name: s.name, color: s.color })) : [];
  const values = series.flatMap((s) => s.data.map((d) => d.value ?? 0));
  const times = series.flatMap((s) => s.data.map((d) => midTime(d.date, d.time ?? 0)));
  const ann = valueAnnotations(model, 'yAxis', settings);
  const markers = model.options.annotations.flatMap((a) => {
    if (a.kind !== 'text' || !a.at) return [];
    const t = midTime(a.at, Number.NaN);
    return Number.isFinite(t) ? [{ time: t, text: a.text }] : [];
  });
  const allTimes = [...times, ...markers.map((m) => m.time)];
  const zero = model.options.zeroBased;
  const lo = zero ? Math.min(0, ...values) : Math.min(...values);
  const hi = zero ? Math.max(0, ...values) : Math.max(...values);
  const roughScale = niceScale(Math.min(lo, ...ann.values), Math.max(hi, ...ann.values), 5);
  const layout = columnLayout(model, o, legend, true, () => maxTickWidth(roughScale, settings), [], ann.rightRoom);
  const { plotTop, plotH, gridLeft, gridRight, plotW, frame } = layout;
  const lh = lineHeight(LABEL_SIZE);
  const labelAll = model.options.labelPosition !== 'none' && values.length <= 12 && series.every((s) => s.data.length <= 8);
  const labelLast = model.options.labelPosition !== 'none' && !labelAll;
  const scale = fitScale(values, values.map(() => lh + 4), plotH, zero, Math.max(2, Math.floor(plotH / 30)), [...ann.values, lo, hi]);
  const axis = timeAxis(Math.min(...allTimes), Math.max(...allTimes), plotW, model.options.locale);
  const xOf = (t: number): number => gridLeft + ((t - axis.min) / (axis.max - axis.min)) * plotW;
  // Boundary labels at the ends of the axis may stick out of the canvas: drop those.
  axis.labels = axis.labels.filter((l) => {
    const half = measureTextWidth(l.text, LABEL_SIZE) / 2;
    return xOf(l.time) - half >= 0 && xOf(l.time) + half <= width;
  });
  // Points close in time (388 in Dec 2025, 415 on 31 Dec 2025) would hide each other's labels:
  // the lower of two colliding labels goes below its point instead.
  const labelBelow = (data: (typeof series)[number]['data'], index: number): boolean => {
    const point = data[index]!;
    const x = xOf(midTime(point.date, point.time ?? 0));
    const width = measureTextWidth(formatDataLabel(point.value ?? 0, model.unit, settings), LABEL_SIZE);
    return data.some((other, otherIndex) => {
      if (otherIndex === index) return false;
      const otherWidth = measureTextWidth(formatDataLabel(other.value ?? 0, model.unit, settings), LABEL_SIZE);
      const close = Math.abs(xOf(midTime(other.date, other.time ?? 0)) - x) < (width + otherWidth) / 2 + 4;
      return close && ((other.value ?? 0) > (point.value ?? 0) || ((other.value ?? 0) === (point.value ?? 0) && otherIndex < index));
    });
  };
  const eSeries = series.map((s) => ({
    type: 'line' as const,
    name: s.name,
    data: s.data.map((d, i) => ({
      value: [midTime(d.date, d.time ?? 0), d.value ?? 0],
      label: {
        show: labelAll || (labelLast && i === s.data.length - 1),
        position: labelBelow(s.data, i) ? ('bottom' as const) : ('top' as const),
        formatter: () => formatDataLabel(d.value ?? 0, model.unit, settings),
      },
    })),
    lineStyle: { color: s.color, width: 2 },
    itemStyle: { color: s.color, borderColor: '#FFFFFF', borderWidth: 1 },
    symbol: 'circle',
    symbolSize: 6,
    showSymbol: true,
    connectNulls: false,
    // No clip to the plot area (see withoutClip): the axes are scaled to hold every point.
    clip: false,
    // A white box (not a stroke halo: that doubles the PDF's text) keeps labels clear of grid lines.
    label: { ...labelStyle, position: 'top' as const, distance: 4, backgroundColor: '#FFFFFF', padding: [1, 2] },
    labelLayout: { hideOverlap: true },
  }));
  const option: EOption = {
    ...baseOption(),
    grid: { left: gridLeft, right: gridRight, top: plotTop, height: plotH, outerBoundsMode: 'none' },
    xAxis: {
      type: 'value',
      min: axis.min,
      max: axis.max,
      axisLine: { show: true, onZero: false, lineStyle: { color: AXIS } },
      axisTick: { show: true, length: 4, lineStyle: { color: AXIS }, customValues: axis.ticks },
      axisLabel: {
        fontSize: LABEL_SIZE,
        color: TEXT,
        customValues: axis.labels.map((l) => l.time),
        formatter: (v: number) => axis.labels.find((l) => Math.abs(l.time - v) < DAY)?.text ?? '',
      },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      min: scale.min,
      max: scale.max,
      interval: scale.step,
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { fontSize: LABEL_SIZE, color: MUTED, formatter: (v: number) => formatNumber(v, axisSettings(scale, settings)) },
      splitLine: { lineStyle: { color: GRID } },
    },
    series: [
      ...(ann.markArea ? [{ type: 'line' as const, data: [], markArea: ann.markArea }] : []),
      ...(markers.length
        ? [
            {
              type: 'line' as const,
              data: [],
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { color: '#666666', type: 'dashed' as const, width: 1 },
                label: { show: false },
                data: markers.map((m) => ({ xAxis: m.time })),
              },
            },
          ]
        : []),
      ...eSeries,
      ...(ann.markLine ? [{ type: 'line' as const, data: [], markLine: ann.markLine }] : []),
    ],
  } as EOption;
  const extra = [...frame.parts];
  for (const m of markers) {
    const x = xOf(m.time);
    const size = LABEL_SIZE - 0.5;
    const room = width - PAD - x - 3;
    const anchorEnd = measureTextWidth(m.text, size) > room && x - PAD > room;
    const text = truncateToWidth(m.text, anchorEnd ? x - PAD - 3 : room, size, false);
    extra.push(svgText(anchorEnd ? x - 3 : x + 3, plotTop + size, text, { size, fill: MUTED, anchor: anchorEnd ? 'end' : 'start' }));
  }
  return withoutClip(tidySvg(runECharts(option, width, height), extra));
};

const renderDonut = (model: ChartModel, o: ChartDrawOptions): string => {
  const { width, height } = o;
  const settings = model.numberFormat;
  const palette = model.options.colors;
  const frame = buildFrame(model, width, height, o, [], footerNotesFor(model));
  const top = captionRow(model, width, frame.top, '', frame.parts);
  const plotTop = top + 2;
  const plotH = Math.max(40, frame.bottom - plotTop);
  const inner = width - 2 * PAD;
  const lh = lineHeight(LABEL_SIZE);
  const total = model.points.reduce((sum, p) => sum + p.value, 0);
  const n = model.points.length;
  const colorAt = (i: number): string => palette[i % palette.length] ?? '#0072B2';
  const showLabels = wantLabels(model);
  // "14,200 (36%)": the share only when the values are not shares already. Numbers are never cut.
  const valueLines = (p: { value: number; unit: string | null }, maxWidth: number): string[] => {
    const valueText = formatDataLabel(p.value, p.unit ?? model.unit, settings);
    if (model.unit === '%') return [valueText];
    const share = `(${formatNumber((p.value / total) * 100, { ...settings, decimals: 0, compact: false })}%)`;
    const joined = `${valueText} ${share}`;
    return measureTextWidth(joined, LABEL_SIZE) <= maxWidth ? [joined] : [valueText];
  };
  // Narrow charts get a key beside the ring instead of leader-line labels.
  const labelSpace = Math.min(170, inner * 0.3);
  const keyed = labelSpace < 90 || n > 10;
  const extra = [...frame.parts];
  let center: [number, number];
  let radius: number;
  const data = model.points.map((p, i) => ({ value: p.value, name: String(i), itemStyle: { color: colorAt(i) } }));
  let label: Record<string, unknown> = { show: false };
  if (keyed) {
    const ring = Math.min(plotH, inner * 0.42);
    radius = Math.max(12, ring / 2 - 4);
    center = [PAD + ring / 2, plotTop + plotH / 2];
    const x0 = PAD + ring + 10;
    const keyW = width - PAD - x0 - 13;
    const rows = model.points.map((p) => ({
      name: wrapText(p.category, keyW, LABEL_SIZE, false, 2),
      value: valueLines(p, keyW),
    }));
    const rowH = (r: { name: string[]; value: string[] }): number => (r.name.length + r.value.length) * lh + 4;
    const height1 = (rs: typeof rows): number => rs.reduce((h, r) => h + rowH(r), 0);
    let mode: 'full' | 'short' | 'inline' = 'full';
    let fitted = rows;
    if (height1(rows) > plotH) {
      mode = 'short';
      fitted = model.points.map((p) => ({ name: [truncateToWidth(cleanText(p.category), keyW, LABEL_SIZE, false)], value: valueLines(p, keyW).slice(0, 1) }));
    }
    if (height1(fitted) > plotH) mode = 'inline';
    const inlineH = lh + 2;
    const blockH = mode === 'inline' ? n * inlineH : height1(fitted);
    let y = plotTop + Math.max(0, (plotH - blockH) / 2);
    let shown = 0;
    for (let i = 0; i < n; i += 1) {
      const p = model.points[i]!;
      const r = fitted[i]!;
      const need = mode === 'inline' ? inlineH : rowH(r);
      const last = i === n - 1;
      if (y + need > plotTop + plotH + 2 || (!last && mode === 'inline' && y + 2 * inlineH > plotTop + plotH + 2)) break;
      extra.push(svgRect(x0, y + (lh - 9) / 2, 9, 9, colorAt(i)));
      if (mode === 'inline') {
        const value = formatDataLabel(p.value, p.unit ?? model.unit, settings);
        const vw = measureTextWidth(value, LABEL_SIZE, true);
        extra.push(svgText(x0 + 13 + keyW, y + LABEL_SIZE * 0.8 + 1, value, { size: LABEL_SIZE, bold: true, fill: TEXT, anchor: 'end' }));
        layoutLines(extra, [truncateToWidth(cleanText(p.category), Math.max(0, keyW - vw - 6), LABEL_SIZE, false)], x0 + 13, y + 1, { size: LABEL_SIZE, fill: TEXT });
        y += inlineH;
      } else {
        y += layoutLines(extra, r.name, x0 + 13, y, { size: LABEL_SIZE, fill: TEXT });
        y += layoutLines(extra, r.value, x0 + 13, y, { size: LABEL_SIZE, bold: true, fill: TEXT });
        y += 4;
      }
      shown += 1;
    }
    if (shown < n) {
      extra.push(svgText(x0 + 13, y + LABEL_SIZE * 0.8 + 1, `+${n - shown} more`, { size: LABEL_SIZE, fill: MUTED }));
    }
  } else {
    radius = Math.max(12, Math.min(plotH / 2 - 14, (inner - 2 * labelSpace - 30) / 2));
    center = [width / 2, plotTop + plotH / 2];
    const maxLines = Math.max(2, Math.min(4, Math.floor(plotH / Math.max(1, n) / lh)));
    const texts = model.points.map((p) => {
      const values = valueLines(p, labelSpace - 4);
      return [...wrapText(p.category, labelSpace - 4, LABEL_SIZE, false, Math.max(1, maxLines - values.length)), ...values].join('\n');
    });
    label = {
      ...labelStyle,
      show: showLabels,
      lineHeight: lh,
      alignTo: 'labelLine',
      bleedMargin: 0,
      formatter: (params: { dataIndex?: number }) => texts[params.dataIndex ?? 0] ?? '',
    };
  }
  const option: EOption = {
    ...baseOption(),
    series: [
      {
        type: 'pie',
        radius: [radius * 0.58, radius],
        center,
        startAngle: 90,
        clockwise: true,
        avoidLabelOverlap: true,
        itemStyle: { borderColor: '#FFFFFF', borderWidth: 1 },
        label,
        labelLine: { show: !keyed && showLabels, length: 10, length2: 12, lineStyle: { color: AXIS, width: 1 } },
        data,
      },
    ],
  } as EOption;
  return tidySvg(runECharts(option, width, height), extra);
};

const renderBigNumber = (model: ChartModel, o: ChartDrawOptions): string => {
  const { width, height } = o;
  const p = model.points[0]!;
  const settings = model.numberFormat;
  const inner = width - 2 * PAD - 6;
  const accent = model.options.colors[0] ?? '#0072B2';
  const parts: string[] = [svgRect(PAD, PAD, 3, height - 2 * PAD, accent)];
  const x = PAD + 12;
  // The source's qualifier is part of the figure: "more than 13.4%", never a bare "13.4%" (issue 11).
  const value = `${p.qualifier ? `${p.qualifier} ` : ''}${formatValue(p.value, p.unit ?? model.unit, settings)}`;
  let size = Math.min(56, height * 0.36);
  const avail = inner - 12;
  while (size > 12 && measureTextWidth(value, size, true) > avail) size -= 1;
  const valueText = truncateToWidth(value, avail, size, true);
  const label = model.options.label || model.title || p.category;
  const labelLines = wrapText(label, avail, 11, false, 3);
  const asOf = p.derived ? `Derived as ${p.derived.formula}` : p.asOf ? `As of ${formatPartialDate(p.asOf, model.options.locale)}` : '';
  const source = o.sourceLine !== undefined ? cleanText(o.sourceLine) : model.sourceSummary;
  const sourceLines = source ? wrapText(source, avail, FOOT_SIZE, false, 2) : [];
  const noteLines = [...model.notes].flatMap((n) => wrapText(n, avail, FOOT_SIZE, false, 2)).slice(0, 2);
  const blockH =
    size * 1.05 + 4 + labelLines.length * lineHeight(11) + (asOf ? lineHeight(FOOT_SIZE) + 2 : 0) + (noteLines.length + sourceLines.length) * lineHeight(FOOT_SIZE) + 6;
  let y = Math.max(PAD, (height - blockH) / 2);
  parts.push(svgText(x, y + size * 0.8, valueText, { size, bold: true, fill: accent }));
  y += size * 1.05 + 4;
  y += layoutLines(parts, labelLines, x, y, { size: 11, fill: TEXT });
  if (asOf) {
    y += 2;
    y += layoutLines(parts, [truncateToWidth(asOf, avail, FOOT_SIZE, false)], x, y, { size: FOOT_SIZE, fill: MUTED });
  }
  y += 6;
  y += layoutLines(parts, noteLines, x, y, { size: FOOT_SIZE, fill: MUTED });
  layoutLines(parts, sourceLines, x, y, { size: FOOT_SIZE, fill: MUTED });
  return emptySvg(width, height, parts);
};

const renderNoData = (model: ChartModel, o: ChartDrawOptions): string => {
  const { width, height } = o;
  const notes = footerNotesFor(model).filter((n) => !/deleted from the library/.test(n) || !/deleted/.test(model.emptyReason ?? ''));
  const frame = buildFrame(model, width, height, model.type === 'big-number' ? { ...o, showTitle: true } : o, [], notes);
  const top = frame.top + 2;
  const h = Math.max(24, frame.bottom - top);
  const parts = [...frame.parts];
  parts.push(svgRect(PAD, top, width - 2 * PAD, h, '#F4F4F4', ` stroke="#BBBBBB" stroke-width="1" stroke-dasharray="4 3"`));
  const reason = wrapText(model.emptyReason ?? 'Nothing to plot.', width - 4 * PAD, LABEL_SIZE, false, 3);
  const blockH = lineHeight(12) + reason.length * lineHeight(LABEL_SIZE);
  let y = top + (h - blockH) / 2;
  parts.push(svgText(width / 2, y + 12 * 0.8, 'No data', { size: 12, bold: true, fill: TEXT, anchor: 'middle' }));
  y += lineHeight(12);
  layoutLines(parts, reason, width / 2, y, { size: LABEL_SIZE, fill: MUTED, anchor: 'middle' });
  return emptySvg(width, height, parts);
};

/**
 * Renders the chart as a standalone SVG string. The ECharts instance is always disposed (an
 * undisposed one keeps Node alive for minutes).
 */
export const renderChartSvg = (model: ChartModel, options: ChartDrawOptions): string => {
  const width = Math.max(80, Math.round(Number.isFinite(options.width) ? options.width : 480));
  const height = Math.max(60, Math.round(Number.isFinite(options.height) ? options.height : 300));
  const o = { ...options, width, height };
  if (model.isEmpty) return renderNoData(model, o);
  switch (model.type) {
    case 'bar-horizontal':
      return renderHorizontalBars(model, o);
    case 'bar-vertical':
    case 'bar-grouped':
    case 'bar-stacked':
      return renderColumns(model, o);
    case 'line':
      return renderLine(model, o);
    case 'donut':
      return renderDonut(model, o);
    case 'big-number':
      return renderBigNumber(model, o);
    default: {
      const never: never = model.type;
      throw new Error(`Unknown chart type: ${String(never)}`);
    }
  }
};
