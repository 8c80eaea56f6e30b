import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { XmlDocument, type XmlElement } from 'xmldoc';
import type * as CjsLibraries from '../../../../electron/adapters/charts/cjs-libraries';
import { buildChartModel, type ChartFact, type ChartModel, type ChartSource } from '../../../../electron/core/charts/chart-model';
import { measureTextWidth, renderChartSvg, splitHaloText, wrapText } from '../../../../electron/adapters/charts/chart-svg';
import { REPORT_FONT } from '../../../../electron/core/export/fonts';
import { reportFontPaths } from '../../../../electron/adapters/fonts';
import { chartSchema, type Chart } from '../../../../electron/shared/entities';

// Track every ECharts instance the renderer creates, to prove each one is disposed.
const tracked = vi.hoisted(() => ({ instances: [] as { isDisposed(): boolean }[] }));
vi.mock('../../../../electron/adapters/charts/cjs-libraries', async (importOriginal) => {
  const actual = await importOriginal<typeof CjsLibraries>();
  const echarts = actual.loadEcharts();
  const wrapped: typeof echarts = {
    ...echarts,
    init: (...args: Parameters<typeof echarts.init>) => {
      const chart = echarts.init(...args);
      tracked.instances.push(chart);
      return chart;
    },
  };
  return { ...actual, loadEcharts: () => wrapped };
});

const now = '2026-01-01T00:00:00.000Z';
const AZ_60 = 'Ağdam rayonunun minalardan təmizlənmiş ərazisi, hektarla ölçülür'.slice(0, 60);

const sources: ChartSource[] = [
  { id: 's-az', outlet: 'AzerNews', published: '2025-12-24' },
  { id: 's-jd', outlet: 'Jordan Daily', published: '2025-11-02' },
  { id: 's-an', outlet: 'ANAMA', published: '2025-10-01' },
];
const fact = (id: string, value: number | null, asOf: string | null, indicator = 'casualties', sourceId = 's-an', unit: string | null = null): ChartFact => ({
  id,
  sourceId,
  statement: `${id} statement`,
  value,
  unit,
  asOf,
  indicator,
});
const facts: ChartFact[] = [
  fact('az', 388, '2025-12', 'casualties', 's-az'),
  fact('jd', 382, null, 'casualties', 's-jd'),
  fact('an', 375, '2025-09', 'casualties', 's-an'),
  fact('y21', 145, '2021-12'),
  fact('y22', 268, '2022-12'),
  fact('y23', 320, '2023-12'),
  fact('c23', 14_200, '2023', 'cleared', 's-an', 'ha'),
  fact('r23', 9_800, '2023', 'reduced', 's-an', 'ha'),
  fact('c24', 16_900, '2024', 'cleared', 's-an', 'ha'),
  fact('r24', 12_300, '2024', 'reduced', 's-an', 'ha'),
  fact('foreign', 4.9, '2024', 'foreign-share', 's-an', '%'),
  fact('neg-a', -120, '2025', 'a'),
  fact('neg-b', 340, '2025', 'b'),
  fact('neg-c', -45, '2025', 'c'),
  fact('big', 1_234_567.5, '2025', 'area', 's-an', 'ha'),
];

const chart = (overrides: Partial<Chart> & Pick<Chart, 'type' | 'factIds'>): Chart =>
  chartSchema.parse({ id: 'c1', title: 'Mine casualties since 2020', createdAt: now, updatedAt: now, ...overrides });

const model = (overrides: Partial<Chart> & Pick<Chart, 'type' | 'factIds'>): ChartModel => buildChartModel(chart(overrides), { facts, sources });

// ---------------------------------------------------------------------------------------------
// Helpers: parse the SVG the way pdfmake does (xmldoc) and check every label stays on the canvas.
// ---------------------------------------------------------------------------------------------

interface TextBox {
  text: string;
  left: number;
  right: number;
  y: number;
  fill: string;
}

/** Every element in document order. */
const elements = (root: XmlElement): XmlElement[] => {
  const out: XmlElement[] = [];
  const walk = (el: XmlElement): void => {
    out.push(el);
    for (const child of el.children) if (child.type === 'element') walk(child as XmlElement);
  };
  walk(root);
  return out;
};

const textBoxes = (doc: XmlDocument): TextBox[] =>
  elements(doc).filter((el) => el.name === 'text').map((el) => {
    const style = el.attr.style ?? '';
    const size = Number(/font-size:\s*([\d.]+)px/.exec(style)?.[1] ?? el.attr['font-size'] ?? 12);
    const bold = /font-weight:\s*bold/.test(style) || el.attr['font-weight'] === 'bold';
    const translate = /translate\(([-\d.e]+)[ ,]+([-\d.e]+)\)/.exec(el.attr.transform ?? '');
    const x = Number(translate?.[1] ?? 0) + Number(el.attr.x ?? 0);
    const y = Number(translate?.[2] ?? 0) + Number(el.attr.y ?? 0);
    const text = el.val;
    const w = measureTextWidth(text, size, bold);
    const anchor = el.attr['text-anchor'] ?? 'start';
    const left = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
    return { text, left, right: left + w, y, fill: el.attr.fill ?? '' };
  });

const check = (svg: string, width: number, height: number): { doc: XmlDocument; texts: TextBox[]; strings: string[] } => {
  expect(svg.match(/<svg\b/g)).toHaveLength(1);
  const doc = new XmlDocument(svg); // throws when not well-formed
  expect(doc.name).toBe('svg');
  expect(doc.attr.width).toBe(String(width));
  expect(doc.attr.height).toBe(String(height));
  expect(svg).not.toMatch(/paint-order/);
  expect(svg).not.toMatch(/NaN|undefined|Infinity/);
  expect(svg).not.toMatch(/<script|<style|<foreignObject|<image|href=/i);
  // Opaque fills only: no (fill-/stroke-)opacity below 1 anywhere, no rgba().
  for (const m of svg.matchAll(/(?:^|[\s;"])(?:fill-|stroke-)?opacity[:=]"?\s*([\d.]+)/g)) expect(Number(m[1])).toBe(1);
  expect(svg).not.toMatch(/rgba\(/);
  const texts = textBoxes(doc);
  for (const el of elements(doc).filter((e) => e.name === 'text')) {
    const family = el.attr['font-family'] ?? /font-family:\s*([^;]+)/.exec(el.attr.style ?? '')?.[1] ?? '';
    expect(family.startsWith(REPORT_FONT)).toBe(true);
  }
  for (const t of texts) {
    expect(t.left, `"${t.text}" starts before x=0`).toBeGreaterThanOrEqual(-0.5);
    expect(t.right, `"${t.text}" ends after x=${width}`).toBeLessThanOrEqual(width + 0.5);
    expect(t.y, `"${t.text}" outside vertically`).toBeGreaterThanOrEqual(0);
    expect(t.y, `"${t.text}" outside vertically`).toBeLessThanOrEqual(height);
  }
  return { doc, texts, strings: texts.map((t) => t.text) };
};

const W = 480;
const H = 280;

afterAll(() => {
  expect(tracked.instances.length).toBeGreaterThan(0);
  expect(tracked.instances.every((c) => c.isDisposed())).toBe(true);
});

describe('renderChartSvg: every type', () => {
  const cases: [string, Partial<Chart> & Pick<Chart, 'type' | 'factIds'>, string[]][] = [
    ['bar-horizontal', { type: 'bar-horizontal', factIds: ['az', 'jd', 'an'] }, ['AzerNews', 'Jordan Daily', 'ANAMA', '388', '382', '375']],
    ['bar-vertical', { type: 'bar-vertical', factIds: ['az', 'jd', 'an'] }, ['AzerNews', 'Jordan Daily', '388']],
    ['bar-grouped', { type: 'bar-grouped', factIds: ['c23', 'r23', 'c24', 'r24'] }, ['2023', '2024', 'Cleared', 'Reduced', 'ha']],
    ['bar-stacked', { type: 'bar-stacked', factIds: ['c23', 'r23', 'c24', 'r24'] }, ['2023', '2024', 'Cleared', '14,200', '24,000', '29,200']],
    ['line', { type: 'line', factIds: ['y21', 'y22', 'y23'] }, ['2021', '2022', '2023', '145', '268', '320']],
    [
      'donut',
      { type: 'donut', factIds: ['foreign'], options: { derived: { kind: 'complement', of: 'foreign', label: 'Domestic' }, labels: { foreign: 'Foreign' } } },
      ['Foreign', '4.9%', 'Domestic', '95.1%'],
    ],
    ['big-number', { type: 'big-number', factIds: ['big'], title: 'Area cleared' }, ['1,234,567.5\u00A0ha', 'Area cleared', 'As of 2025', 'Source: ANAMA, 2025']],
  ];

  it.each(cases)('%s renders well-formed SVG with its labels as text', (_name, def, expected) => {
    const svg = renderChartSvg(model(def), { width: W, height: H });
    const { strings } = check(svg, W, H);
    expect(strings).toContain('Mine casualties since 2020'.replace('Mine casualties since 2020', def.title ?? 'Mine casualties since 2020'));
    for (const label of expected) expect(strings).toContain(label);
  });

  it.each(cases)('%s renders one datum', (_name, def) => {
    const one = { ...def, factIds: def.factIds.slice(0, 1), options: def.type === 'donut' ? {} : def.options };
    const svg = renderChartSvg(model(one), { width: 300, height: 200 });
    const { strings } = check(svg, 300, 200);
    expect(strings.join(' ')).not.toMatch(/No data/);
  });

  it.each(cases)('%s renders "No data" for no figures, and for deleted figures', (_name, def) => {
    for (const factIds of [[], ['deleted-1', 'deleted-2']]) {
      const m = model({ ...def, factIds, options: {} });
      const { strings } = check(renderChartSvg(m, { width: W, height: H }), W, H);
      expect(strings).toContain('No data');
      expect(strings.join(' ')).toMatch(factIds.length ? /deleted from the library/ : /No figures selected/);
    }
  });

  it('draws a given source line and the notes', () => {
    const m = model({ type: 'bar-vertical', factIds: ['az', 'gone'], options: { note: 'Casualties include the injured.' } });
    const { strings } = check(renderChartSvg(m, { width: W, height: H, sourceLine: 'Sources: [3], [5]' }), W, H);
    expect(strings).toContain('Sources: [3], [5]');
    expect(strings).toContain('Casualties include the injured.');
    expect(strings.join(' ')).toContain('1 figure was deleted from the library and is not shown.');
  });

  it('can leave the title to the PDF caption', () => {
    const { strings } = check(renderChartSvg(model({ type: 'bar-vertical', factIds: ['az'] }), { width: W, height: H, showTitle: false }), W, H);
    expect(strings).not.toContain('Mine casualties since 2020');
  });

  it('keeps half-width charts inside their box', () => {
    for (const type of ['bar-horizontal', 'bar-vertical', 'bar-grouped', 'bar-stacked', 'line', 'donut', 'big-number'] as const) {
      const ids = type === 'line' ? ['y21', 'y22', 'y23'] : type.startsWith('bar-g') || type.startsWith('bar-s') ? ['c23', 'r23', 'c24', 'r24'] : ['az', 'jd', 'an'];
      check(renderChartSvg(model({ type, factIds: ids, title: 'A rather long chart title that must wrap onto a second line here' }), { width: 230, height: 180 }), 230, 180);
    }
  });
});

describe('value labels sit on their bars', () => {
  const barRanges = (svg: string): [number, number][] =>
    [...svg.matchAll(/<path d="M([\d.]+) [\d.]+l(-?[\d.]+) 0l0 -?[\d.]+l-?[\d.]+ 0Z" fill="#[0-9A-F]{6}"/g)].map((m) => {
      const x = Number(m[1]);
      const w = Number(m[2]);
      return [Math.min(x, x + w), Math.max(x, x + w)];
    });

  it.each([
    ['bar-vertical', ['az', 'jd', 'an'], ['388', '382', '375']],
    ['bar-grouped', ['c23', 'r23', 'c24', 'r24'], ['14,200', '9,800', '16,900', '12,300']],
    ['bar-stacked', ['c23', 'r23', 'c24', 'r24'], ['14,200', '9,800', '16,900', '12,300', '24,000', '29,200']],
  ] as const)('%s: each label is centred over a bar ECharts drew', (type, ids, labels) => {
    const svg = renderChartSvg(model({ type, factIds: [...ids] }), { width: W, height: H });
    const { texts } = check(svg, W, H);
    const ranges = barRanges(svg);
    expect(ranges.length).toBeGreaterThanOrEqual(ids.length);
    for (const label of labels) {
      const t = texts.find((x) => x.text === label);
      expect(t, label).toBeDefined();
      const centre = (t!.left + t!.right) / 2;
      expect(ranges.some(([a, b]) => centre >= a - 0.5 && centre <= b + 0.5), `${label} at ${centre}`).toBe(true);
    }
  });
});

describe('crowded charts', () => {
  const many = Array.from({ length: 60 }, (_, i) => fact(`m${i}`, 1000 + i * 37, `20${String(10 + (i % 15))}`, `indicator-${i}`));
  it.each(['bar-horizontal', 'bar-vertical', 'bar-stacked', 'donut'] as const)('%s with 60 figures stays legible and inside the box', (type) => {
    const m = buildChartModel(chart({ type, factIds: many.map((f) => f.id) }), { facts: many, sources });
    const { texts } = check(renderChartSvg(m, { width: W, height: H }), W, H);
    // No two labels on the same line overlap.
    const rows = new Map<number, TextBox[]>();
    for (const t of texts) rows.set(Math.round(t.y), [...(rows.get(Math.round(t.y)) ?? []), t]);
    for (const row of rows.values()) {
      const sorted = [...row].sort((a, b) => a.left - b.left);
      for (let i = 1; i < sorted.length; i += 1) expect(sorted[i]!.left, `${sorted[i - 1]!.text} / ${sorted[i]!.text}`).toBeGreaterThanOrEqual(sorted[i - 1]!.right - 0.5);
    }
  });
});

describe('negative values', () => {
  it.each(['bar-horizontal', 'bar-vertical'] as const)('%s puts negative labels beyond the bar end, on the canvas', (type) => {
    const { texts, strings } = check(renderChartSvg(model({ type, factIds: ['neg-a', 'neg-b', 'neg-c'] }), { width: W, height: H }), W, H);
    expect(strings).toEqual(expect.arrayContaining(['-120', '340', '-45', 'A', 'B', 'C']));
    if (type === 'bar-horizontal') {
      // The negative label sits left of the zero line, the positive one right of it.
      const neg = texts.find((t) => t.text === '-120')!;
      const pos = texts.find((t) => t.text === '340')!;
      expect(neg.right).toBeLessThan(pos.left);
    }
  });

  it('stacks negative values and still renders', () => {
    const mixed = [fact('p1', 10, '2024', 'x'), fact('n1', -4, '2024', 'y'), fact('p2', 8, '2025', 'x'), fact('n2', -6, '2025', 'y')];
    const m = buildChartModel(chart({ type: 'bar-stacked', factIds: ['p1', 'n1', 'p2', 'n2'] }), { facts: mixed, sources });
    check(renderChartSvg(m, { width: W, height: H }), W, H);
  });
});

describe('line charts: unknown dates', () => {
  it('lists undated figures under the chart and does not plot them', () => {
    const m = model({ type: 'line', factIds: ['y21', 'y22', 'jd', 'y23'] });
    const { strings } = check(renderChartSvg(m, { width: W, height: H }), W, H);
    expect(strings.join(' ')).toContain('Date unknown, not plotted: Jordan Daily 382.');
    expect(strings).not.toContain('382');
    expect(strings).toEqual(expect.arrayContaining(['145', '268', '320']));
  });

  it('shows a reference line, a band and an event marker', () => {
    const m = model({
      type: 'line',
      factIds: ['y21', 'y22', 'y23'],
      options: {
        annotations: [
          { kind: 'line', value: 300, label: 'Threshold' },
          { kind: 'band', from: 100, to: 200, label: 'Range' },
          { kind: 'text', text: 'Ceasefire', at: '2020-11' },
        ],
      },
    });
    const { strings } = check(renderChartSvg(m, { width: W, height: H }), W, H);
    expect(strings).toEqual(expect.arrayContaining(['Threshold 300', 'Range', 'Ceasefire', '2020']));
  });

  it('uses month ticks for short spans', () => {
    const months = [fact('m1', 5, '2025-01'), fact('m2', 7, '2025-03'), fact('m3', 6, '2025-06')];
    const m = buildChartModel(chart({ type: 'line', factIds: ['m1', 'm2', 'm3'] }), { facts: months, sources });
    const { strings } = check(renderChartSvg(m, { width: W, height: H }), W, H);
    expect(strings).toEqual(expect.arrayContaining(['Jan 2025', 'Mar 2025']));
  });
});

describe('text measurement and long Azerbaijani labels', () => {
  it('measures with DejaVu Sans metrics, not one em per character', () => {
    const size = 9;
    const measured = measureTextWidth(AZ_60, size);
    expect(AZ_60).toHaveLength(60);
    // ECharts without a canvas counts non-ASCII as one em each: 540 px here; real text is ~half.
    expect(measured).toBeGreaterThan(200);
    expect(measured).toBeLessThan(60 * size * 0.75);
    expect(measureTextWidth('ə', size)).toBeGreaterThan(0);
    expect(measureTextWidth('WWW', 10, true)).toBeGreaterThan(measureTextWidth('WWW', 10, false));
    expect(reportFontPaths().normal).toMatch(/DejaVuSans\.ttf$/);
  });

  it('wraps to the width, then ends with an ellipsis', () => {
    const lines = wrapText(AZ_60, 120, 9, false, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    for (const line of lines) expect(measureTextWidth(line, 9)).toBeLessThanOrEqual(120);
    expect(wrapText('short', 120, 9)).toEqual(['short']);
    expect(wrapText('Supercalifragilisticexpialidocious', 40, 9, false, 3).every((l) => measureTextWidth(l, 9) <= 40)).toBe(true);
  });

  it.each([
    ['bar-horizontal', 480],
    ['bar-horizontal', 240],
    ['bar-vertical', 480],
    ['bar-vertical', 240],
    ['donut', 300],
  ] as const)('a 60-character Azerbaijani label in %s at %i px stays inside the chart', (type, width) => {
    const m = model({ type, factIds: ['az', 'an'], options: { labels: { az: AZ_60 } } });
    const { strings } = check(renderChartSvg(m, { width, height: 220 }), width, 220);
    const pieces = strings.filter((s) => AZ_60.includes(s.replace(/…$/, '')) && s.length > 3);
    // Either wrapped over several lines or shortened with an ellipsis — never one overflowing line.
    expect(pieces.length > 1 || pieces.some((p) => p.endsWith('…'))).toBe(true);
    expect(pieces.join(' ').startsWith('Ağdam rayonunun')).toBe(true);
  });

  it('formats thousands the locale’s way', () => {
    const { strings } = check(renderChartSvg(model({ type: 'bar-vertical', factIds: ['big'], options: { locale: 'az' } }), { width: W, height: H }), W, H);
    expect(strings).toContain('1.234.567,5');
    const en = check(renderChartSvg(model({ type: 'bar-vertical', factIds: ['big'] }), { width: W, height: H }), W, H);
    expect(en.strings).toContain('1,234,567.5');
  });
});

describe('hostile text', () => {
  const hostile = '<script>alert("x")</script> & \'quotes\' "dq" \u202Eevil\u202C \u0007bell ]]> <!-- c -->';

  it.each(['bar-horizontal', 'bar-vertical', 'bar-grouped', 'line', 'donut', 'big-number'] as const)('%s escapes titles and labels and stays inert', (type) => {
    const ids = type === 'line' ? ['y21', 'y22'] : type === 'bar-grouped' ? ['c23', 'r23'] : ['az', 'an'];
    const labelKey = type === 'line' ? 'y21' : ids[0]!;
    const m = model({
      type,
      factIds: ids,
      title: hostile,
      subtitle: hostile,
      options: { labels: { [labelKey]: hostile }, series: { [labelKey]: hostile }, note: hostile, yAxisLabel: hostile },
    });
    const svg = renderChartSvg(m, { width: W, height: H });
    const { doc, strings } = check(svg, W, H);
    expect(svg).not.toContain('\u202E');
    expect(svg).not.toContain('\u0007');
    expect(svg).toContain('&lt;script&gt;');
    // Nothing but drawing elements.
    const names = new Set(elements(doc).map((el) => el.name));
    for (const name of names) expect(['svg', 'g', 'rect', 'path', 'text', 'tspan', 'circle', 'line', 'polyline', 'polygon', 'defs', 'clipPath']).toContain(name);
    // The title comes out as the same characters the user typed (minus controls/overrides).
    expect(strings.join(' ')).toContain('<script>alert("x")</script>');
  });

  it('does not treat ECharts template or rich-text syntax in labels as markup', () => {
    const m = model({ type: 'bar-horizontal', factIds: ['az'], options: { labels: { az: '{b} {a|rich} {@value}' } } });
    const { strings } = check(renderChartSvg(m, { width: W, height: H }), W, H);
    expect(strings).toContain('{b} {a|rich} {@value}');
  });
});

describe('pdfmake compatibility', () => {
  it('splits halo text into a stroke-only copy, then a fill-only copy', () => {
    const input = '<svg><text x="1" fill="#222" stroke="#fff" stroke-width="3" paint-order="stroke" stroke-miterlimit="2">145</text></svg>';
    const out = splitHaloText(input);
    expect(out).not.toContain('paint-order');
    const copies = [...out.matchAll(/<text([^>]*)>145<\/text>/g)].map((m) => m[1]!);
    expect(copies).toHaveLength(2);
    expect(copies[0]).toMatch(/fill="none"/);
    expect(copies[0]).toMatch(/stroke="#fff"/);
    expect(copies[1]).toMatch(/fill="#222"/);
    expect(copies[1]).not.toMatch(/stroke/);
  });

  it('draws every label once, so text extracted from the PDF does not repeat', () => {
    const svg = renderChartSvg(model({ type: 'line', factIds: ['y21', 'y22', 'y23'], options: { annotations: [{ kind: 'line', value: 300 }] } }), { width: W, height: H });
    for (const label of ['145', '268', '320']) expect([...svg.matchAll(new RegExp(`>${label}</text>`, 'g'))]).toHaveLength(1);
    const stacked = renderChartSvg(model({ type: 'bar-stacked', factIds: ['c23', 'r23', 'c24', 'r24'] }), { width: W, height: H });
    expect([...stacked.matchAll(/>24,000<\/text>/g)]).toHaveLength(1);
  });
});

describe('lifecycle and speed', () => {
  it('disposes every ECharts instance', () => {
    const before = tracked.instances.length;
    renderChartSvg(model({ type: 'bar-vertical', factIds: ['az'] }), { width: W, height: H });
    expect(tracked.instances.length).toBe(before + 1);
    expect(tracked.instances.every((c) => c.isDisposed())).toBe(true);
  });

  it('renders a chart in a few milliseconds once warm', () => {
    const defs = [
      { type: 'bar-horizontal' as const, factIds: ['az', 'jd', 'an'] },
      { type: 'bar-grouped' as const, factIds: ['c23', 'r23', 'c24', 'r24'] },
      { type: 'line' as const, factIds: ['y21', 'y22', 'y23'] },
      { type: 'donut' as const, factIds: ['c23', 'r23'] },
    ];
    const models = defs.map(model);
    for (const m of models) renderChartSvg(m, { width: W, height: H });
    const t0 = performance.now();
    const rounds = 10;
    for (let i = 0; i < rounds; i += 1) for (const m of models) renderChartSvg(m, { width: W, height: H });
    const perChart = (performance.now() - t0) / (rounds * models.length);
    console.info(`chart render: ${perChart.toFixed(1)} ms per chart`);
    expect(perChart).toBeLessThan(100);
  });

  it('lets the process exit after rendering (no lingering timers)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chart-exit-'));
    const script = join(dir, 'render.ts');
    const root = resolve(__dirname, '../../../..');
    const url = (p: string): string => pathToFileURL(join(root, p)).href;
    writeFileSync(
      script,
      `import type * as CjsLibraries from '../../../../electron/adapters/charts/cjs-libraries';
import { buildChartModel } from ${JSON.stringify(url('electron/core/charts/chart-model.ts'))};
import { renderChartSvg } from ${JSON.stringify(url('electron/adapters/charts/chart-svg.ts'))};
const chart = { id: 'c', type: 'line', title: 't', subtitle: '', factIds: ['a', 'b'], indicator: null, options: {}, altText: '', caption: '', createdAt: '', updatedAt: '' } as const;
const facts = [{ id: 'a', sourceId: 's', statement: 'a', value: 1, unit: null, asOf: '2024', indicator: null }, { id: 'b', sourceId: 's', statement: 'b', value: 2, unit: null, asOf: '2025', indicator: null }];
const svg = renderChartSvg(buildChartModel(chart, { facts, sources: [] }), { width: 400, height: 250 });
console.log(svg.length > 0 ? 'rendered' : 'empty');
`,
    );
    const started = Date.now();
    const result = spawnSync(join(root, 'node_modules/.bin/tsx'), [script], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    expect(result.error).toBeUndefined();
    expect(result.stdout.trim()).toBe('rendered');
    expect(result.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
