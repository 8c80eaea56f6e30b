/**
 * A pdfmake document definition (as core/export builds it) → equivalent print HTML for Chromium:
 * the same text runs, styles (font sizes, weights, colours, line heights), margins, key-figure
 * tiles, chart SVGs inline at the same size in pt, notes table and sources list, on the same page
 * size and margins, with DejaVu Sans embedded through @font-face (under a family name no system
 * font has, so Chromium uses the embedded files and not an installed copy). Header and footer go
 * to page.pdf()'s templates (see chromium.ts). Only what buildPdfDefinition emits is handled.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

export const HTML_FONT = 'Bench DejaVu Sans';

/** DejaVu Sans' ascent + descent is ~1.164 em: pdfmake's lineHeight multiplies that. */
const DEJAVU_LINE = 1.164;

type Node = unknown;
type Obj = Record<string, unknown>;

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

const margin = (value: unknown): string => {
  if (!Array.isArray(value)) return '';
  const [l = 0, t = 0, r = 0, b = 0] = value.length === 2 ? [value[0], value[1], value[0], value[1]] : (value as number[]);
  return `margin:${t}pt ${r}pt ${b}pt ${l}pt;`;
};

/** Inline CSS for the style properties a node may set directly. */
const inlineStyle = (node: Obj): string => {
  let css = '';
  if (typeof node.fontSize === 'number') css += `font-size:${node.fontSize}pt;`;
  if (node.bold === true) css += 'font-weight:bold;';
  if (node.italics === true) css += 'font-style:italic;';
  if (typeof node.color === 'string') css += `color:${node.color};`;
  if (typeof node.alignment === 'string') css += `text-align:${node.alignment};`;
  if (typeof node.lineHeight === 'number') css += `line-height:${node.lineHeight * DEJAVU_LINE};`;
  if (typeof node.characterSpacing === 'number') css += `letter-spacing:${node.characterSpacing}pt;`;
  return css + margin(node.margin);
};

const classes = (node: Obj): string => {
  const style = node.style;
  const names = Array.isArray(style) ? style : typeof style === 'string' ? [style] : [];
  return names.length ? ` class="${names.map((n) => `s-${String(n)}`).join(' ')}"` : '';
};

const runs = (text: unknown): string => {
  if (typeof text === 'string' || typeof text === 'number') return escapeHtml(String(text));
  if (Array.isArray(text)) return text.map(runs).join('');
  if (!isObj(text)) return '';
  const inner = runs(text.text);
  const css = inlineStyle(text);
  const tag = text.sup === true ? 'sup' : text.sub === true ? 'sub' : 'span';
  return css || tag !== 'span' || text.style ? `<${tag}${classes(text)}${css ? ` style="${css}"` : ''}>${inner}</${tag}>` : inner;
};

interface Context {
  svgFont: (svg: string) => string;
}

const table = (node: Obj, ctx: Context): string => {
  const spec = node.table as Obj;
  const body = (spec.body as Node[][]) ?? [];
  const widths = (spec.widths as unknown[]) ?? [];
  const layout = isObj(node.layout) ? node.layout : {};
  const tiles = typeof layout.fillColor === 'function';
  const cols = widths.map((w) => (typeof w === 'number' ? `<col style="width:${w}pt">` : '<col>')).join('');
  const rows = body
    .map((row, r) => {
      const cells = row
        .map((cell, c) => {
          const fill = tiles ? (layout.fillColor as (r: number, n: unknown, c: number) => string | null)(r, node, c) : null;
          return `<td${fill ? ` style="background:${fill}"` : ''}>${content(cell, ctx)}</td>`;
        })
        .join('');
      return `<tr>${cells}</tr>`;
    })
    .join('');
  return `<table class="${tiles ? 'tiles' : 'plain'}"${classes(node)} style="${inlineStyle(node)}"><colgroup>${cols}</colgroup>${rows}</table>`;
};

const content = (node: Node, ctx: Context): string => {
  if (Array.isArray(node)) return node.map((child) => content(child, ctx)).join('');
  if (typeof node === 'string') return `<p>${escapeHtml(node)}</p>`;
  if (!isObj(node)) return '';
  const keep = node.unbreakable === true ? 'break-inside:avoid;' : '';
  if ('svg' in node) {
    const fit = (node.fit as [number, number] | undefined) ?? [400, 300];
    return `<div class="fig" style="width:${fit[0]}pt;height:${fit[1]}pt">${ctx.svgFont(String(node.svg))}</div>`;
  }
  if ('stack' in node) return `<div${classes(node)} style="${inlineStyle(node)}${keep}">${content(node.stack, ctx)}</div>`;
  if ('table' in node) return table(node, ctx);
  if ('ul' in node || 'ol' in node) {
    const tag = 'ol' in node ? 'ol' : 'ul';
    const items = (node[tag] as Node[]).map((item) => `<li>${isObj(item) ? runs(item.text ?? '') : runs(item)}</li>`).join('');
    return `<${tag}${classes(node)} style="${inlineStyle(node)}">${items}</${tag}>`;
  }
  if ('columns' in node) return `<div class="cols" style="${inlineStyle(node)}">${(node.columns as Node[]).map((c) => `<div>${content(c, ctx)}</div>`).join('')}</div>`;
  if ('text' in node) {
    const tag = node.headlineLevel === 1 ? 'h2' : 'p';
    return `<${tag}${classes(node)} style="${inlineStyle(node)}">${runs(node.text)}</${tag}>`;
  }
  return '';
};

const styleRule = (name: string, style: Obj): string => `.s-${name}{${inlineStyle(style)}}`;

export interface HtmlPage {
  html: string;
  /** Page size for page.pdf(). */
  format: 'A4' | 'Letter';
  /** Page margins in pt: top, right, bottom, left. */
  margins: [number, number, number, number];
}

/**
 * `fontUrl(file)` gives the URL of a font file from resources/fonts (http: of a local server, or
 * a data: URL).
 */
export const definitionToHtml = (definition: TDocumentDefinitions, fontUrl: (file: string) => string): HtmlPage => {
  const def = definition as unknown as Obj;
  const [left = 40, top = 40, right = 40, bottom = 40] = (def.pageMargins as number[]) ?? [];
  const format = def.pageSize === 'LETTER' ? 'Letter' : 'A4';
  const styles = isObj(def.styles) ? def.styles : {};
  const defaults = isObj(def.defaultStyle) ? def.defaultStyle : {};
  const faces = [
    ['DejaVuSans.ttf', 'normal', 'normal'],
    ['DejaVuSans-Bold.ttf', 'bold', 'normal'],
    ['DejaVuSans-Oblique.ttf', 'normal', 'italic'],
    ['DejaVuSans-BoldOblique.ttf', 'bold', 'italic'],
  ]
    .map(([file, weight, style]) => `@font-face{font-family:'${HTML_FONT}';src:url('${fontUrl(file!)}') format('truetype');font-weight:${weight};font-style:${style}}`)
    .join('\n');
  const css = `${faces}
@page{size:${format}}
html,body{margin:0;padding:0}
body{font-family:'${HTML_FONT}';${inlineStyle({ ...defaults, margin: undefined })}}
p,h2{margin:0;font-size:inherit}
h2{break-after:avoid}
sup{font-size:58%;line-height:0;vertical-align:super}
ul,ol{padding-left:14pt;margin:0}
li{margin:0 0 3pt 0}
table{border-collapse:separate;border-spacing:0;width:100%}
table.plain td{padding:1.5pt 5pt 1.5pt 0;vertical-align:top}
table.tiles{border-spacing:6pt 0}
table.tiles td{padding:9pt;vertical-align:top}
table.tiles tr{break-inside:avoid}
.fig{break-inside:avoid}
.fig svg{width:100%;height:100%;display:block}
.cols{display:flex}
${Object.entries(styles)
  .map(([name, style]) => (isObj(style) ? styleRule(name, style) : ''))
  .join('\n')}`;
  const ctx: Context = { svgFont: (svg) => svg.replace(/font-family="DejaVu Sans, DejaVuSans, sans-serif"/g, `font-family="${HTML_FONT}"`) };
  const body = content(def.content, ctx);
  const html = `<!doctype html><html lang="${escapeHtml(String(def.language ?? 'en'))}"><head><meta charset="utf-8"><title>${escapeHtml(String((def.info as Obj | undefined)?.title ?? ''))}</title><style>${css}</style></head><body>${body}</body></html>`;
  return { html, format, margins: [top, right, bottom, left] };
};
