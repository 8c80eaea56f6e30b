import { describe, expect, it } from 'vitest';
import {
  OKABE_ITO,
  buildChartModel,
  checkPalette,
  cleanText,
  formatNumber,
  formatPartialDate,
  formatValue,
  parseChartOptions,
  sourceLine,
  textColorOn,
  type ChartFact,
  type ChartSource,
} from '../../../../electron/core/charts/chart-model';
import { chartSchema, type Chart } from '../../../../electron/shared/entities';

const now = '2026-01-01T00:00:00.000Z';

const chart = (overrides: Partial<Chart> & Pick<Chart, 'type' | 'factIds'>): Chart =>
  chartSchema.parse({ id: 'c1', title: 'Casualties since 2020', createdAt: now, updatedAt: now, ...overrides });

const sources: ChartSource[] = [
  { id: 's-az', outlet: 'AzerNews', published: '2025-12-24' },
  { id: 's-jd', outlet: 'Jordan Daily', published: '2025-11-02' },
  { id: 's-an', outlet: 'ANAMA', published: '2025-10-01' },
  { id: 's-un', outlet: null, published: null, title: 'UNDP appeal 2025' },
];

const fact = (id: string, sourceId: string, value: number | null, asOf: string | null, extra: Partial<ChartFact> = {}): ChartFact => ({
  id,
  sourceId,
  statement: `${id} statement`,
  value,
  unit: null,
  asOf,
  indicator: 'casualties',
  ...extra,
});

const facts: ChartFact[] = [
  fact('az', 's-az', 388, '2025-12'),
  fact('jd', 's-jd', 382, null),
  fact('an', 's-an', 375, '2025-09'),
  fact('foreign', 's-un', 4.9, '2024', { unit: '%', indicator: 'foreign-share' }),
  fact('req', 's-un', 12_500_000, '2025', { unit: 'USD', indicator: 'required' }),
  fact('rec', 's-un', 4_300_000, '2025', { unit: 'USD', indicator: 'received' }),
  fact('novalue', 's-an', null, '2025'),
];

const context = { facts, sources };

describe('buildChartModel: values and categories', () => {
  it('lists one bar per fact, named by outlet when all facts share an indicator', () => {
    const model = buildChartModel(chart({ type: 'bar-horizontal', factIds: ['az', 'jd', 'an'] }), context);
    expect(model.categories).toEqual(['AzerNews', 'Jordan Daily', 'ANAMA']);
    expect(model.series).toHaveLength(1);
    expect(model.series[0]!.data.map((d) => d.value)).toEqual([388, 382, 375]);
    expect(model.series[0]!.color).toBe(OKABE_ITO[0]);
    expect(model.isEmpty).toBe(false);
  });

  it('derives a complement: 100 − 4.9 = 95.1, marked derived and citing its fact', () => {
    const model = buildChartModel(
      chart({
        type: 'donut',
        factIds: ['foreign'],
        options: { derived: { kind: 'complement', of: 'foreign', total: 100, label: 'Domestic' }, labels: { foreign: 'Foreign' } },
      }),
      context,
    );
    const domestic = model.points.find((p) => p.category === 'Domestic');
    expect(domestic).toBeDefined();
    expect(domestic!.value).toBe(95.1);
    expect(domestic!.derived).toEqual({ kind: 'complement', formula: '100 − 4.9' });
    expect(domestic!.factId).toBeNull();
    expect(domestic!.citesFactIds).toEqual(['foreign']);
    expect(model.citedFactIds).toEqual(['foreign']);
    expect(model.notes).toContain('Domestic: derived as 100 − 4.9.');
    expect(model.draftedAltText).toContain('Domestic (95.1%, derived as 100 − 4.9)');
  });

  it('derives a difference (funding gap) without floating-point noise', () => {
    const model = buildChartModel(
      chart({ type: 'bar-vertical', factIds: ['req', 'rec'], options: { derived: { kind: 'difference', of: 'req', minus: 'rec', label: 'Gap' } } }),
      context,
    );
    const gap = model.points.find((p) => p.category === 'Gap')!;
    expect(gap.value).toBe(8_200_000);
    expect(gap.citesFactIds).toEqual(['req', 'rec']);
    const tiny = buildChartModel(
      chart({ type: 'bar-vertical', factIds: ['an'], options: { derived: { kind: 'complement', of: 'an', total: 375.3, label: 'x' } } }),
      context,
    );
    expect(tiny.points.find((p) => p.derived)!.value).toBe(0.3);
  });

  it('warns, and does not fail, when a derived value names a missing fact', () => {
    const model = buildChartModel(
      chart({ type: 'bar-vertical', factIds: ['az'], options: { derived: { kind: 'complement', of: 'gone', label: 'Rest' } } }),
      context,
    );
    expect(model.points).toHaveLength(1);
    expect(model.warnings.join(' ')).toMatch(/Rest.*could not be derived.*not in the library/);
  });

  it('reports deleted facts instead of failing', () => {
    const model = buildChartModel(chart({ type: 'bar-horizontal', factIds: ['az', 'deleted-1', 'deleted-2'] }), context);
    expect(model.missingFactIds).toEqual(['deleted-1', 'deleted-2']);
    expect(model.points).toHaveLength(1);
    expect(model.notes.join(' ')).toContain('2 figures were deleted from the library and are not shown.');
    const all = buildChartModel(chart({ type: 'bar-horizontal', factIds: ['deleted-1'] }), context);
    expect(all.isEmpty).toBe(true);
    expect(all.emptyReason).toBe('The 1 figure in this chart was deleted from the library.');
    expect(all.draftedAltText).toContain('No data.');
  });

  it('says why a chart with no figures is empty', () => {
    expect(buildChartModel(chart({ type: 'line', factIds: [] }), context).emptyReason).toBe('No figures selected for this chart.');
    expect(buildChartModel(chart({ type: 'bar-vertical', factIds: ['novalue'] }), context).emptyReason).toBe('None of the figures has a numeric value.');
  });

  it('makes duplicate outlets distinct with the date', () => {
    const twice = [...facts, fact('az2', 's-az', 390, '2026-01')];
    const model = buildChartModel(chart({ type: 'bar-horizontal', factIds: ['az', 'az2'], options: { categoryBy: 'source' } }), { facts: twice, sources });
    expect(model.categories).toEqual(['AzerNews, Dec 2025', 'AzerNews, Jan 2026']);
  });

  it('sorts bars on request', () => {
    const model = buildChartModel(chart({ type: 'bar-horizontal', factIds: ['an', 'az', 'jd'], options: { sort: 'desc' } }), context);
    expect(model.series[0]!.data.map((d) => d.value)).toEqual([388, 382, 375]);
  });

  it('keeps negative values', () => {
    const neg = [fact('a', 's-an', -120, '2025', { indicator: 'a' }), fact('b', 's-an', 340, '2025', { indicator: 'b' })];
    const model = buildChartModel(chart({ type: 'bar-vertical', factIds: ['a', 'b'] }), { facts: neg, sources });
    expect(model.series[0]!.data.map((d) => d.value)).toEqual([-120, 340]);
    expect(model.categories).toEqual(['A', 'B']);
  });

  it('leaves zero and negative slices out of a donut, with a warning', () => {
    const neg = [fact('a', 's-an', -5, '2025', { indicator: 'a' }), fact('b', 's-an', 40, '2025', { indicator: 'b' })];
    const model = buildChartModel(chart({ type: 'donut', factIds: ['a', 'b'] }), { facts: neg, sources });
    expect(model.points.map((p) => p.value)).toEqual([40]);
    expect(model.warnings.join(' ')).toMatch(/zero or below/);
  });

  it('shows one value in a big number, preferring a derived one', () => {
    const model = buildChartModel(chart({ type: 'big-number', factIds: ['az', 'an'] }), context);
    expect(model.points.map((p) => p.key)).toEqual(['az']);
    expect(model.warnings.join(' ')).toMatch(/1 other figure was left out/);
    expect(model.sourceSummary).toBe('Source: AzerNews, Dec 2025');
    expect(model.draftedAltText).toBe('Key figure: Casualties since 2020: 388 (AzerNews, Dec 2025).');
  });
});

describe('buildChartModel: line charts and time', () => {
  const series = [
    fact('y21', 's-an', 145, '2021-12'),
    fact('y23', 's-an', 320, '2023'),
    fact('y22', 's-an', 268, '2022-12-31'),
    fact('nodate', 's-jd', 382, null),
  ];

  it('plots facts by asOf, in time order, and lists undated facts instead of guessing', () => {
    const model = buildChartModel(chart({ type: 'line', factIds: ['y21', 'y23', 'y22', 'nodate'] }), { facts: series, sources });
    expect(model.series).toHaveLength(1);
    const data = model.series[0]!.data;
    expect(data.map((d) => d.value)).toEqual([145, 268, 320]);
    expect(data.map((d) => d.date)).toEqual(['2021-12', '2022-12-31', '2023']);
    expect(data.every((d) => typeof d.time === 'number' && Number.isFinite(d.time))).toBe(true);
    expect(model.undated.map((p) => [p.key, p.category, p.value])).toEqual([['nodate', 'Jordan Daily', 382]]);
    expect(model.citedFactIds).toContain('nodate');
    expect(model.draftedAltText).toContain('Date unknown, not plotted: Jordan Daily (382).');
  });

  it('is empty, with a reason, when no fact has a date', () => {
    const model = buildChartModel(chart({ type: 'line', factIds: ['nodate'] }), { facts: series, sources });
    expect(model.isEmpty).toBe(true);
    expect(model.undated).toHaveLength(1);
    expect(model.emptyReason).toMatch(/none can be placed on a timeline/);
  });

  it('splits series by indicator when facts mix indicators', () => {
    const mixed = [fact('a1', 's-an', 1, '2021', { indicator: 'cleared' }), fact('b1', 's-an', 2, '2021', { indicator: 'reduced' }), fact('a2', 's-an', 3, '2022', { indicator: 'cleared' })];
    const model = buildChartModel(chart({ type: 'line', factIds: ['a1', 'b1', 'a2'] }), {
      facts: mixed,
      sources,
      indicators: [{ key: 'cleared', label: 'Cleared', unit: 'ha' }],
    });
    expect(model.series.map((s) => [s.name, s.data.length])).toEqual([
      ['Cleared', 2],
      ['Reduced', 1],
    ]);
  });

  it('formats partial dates by precision and locale', () => {
    expect(formatPartialDate('2025')).toBe('2025');
    expect(formatPartialDate('2025-12')).toBe('Dec 2025');
    expect(formatPartialDate('2025-12-24')).toBe('24 Dec 2025');
    expect(formatPartialDate('2025-12-24', 'en-US')).toBe('Dec 24, 2025');
    expect(formatPartialDate(null)).toBe('');
  });
});

describe('grouped and stacked', () => {
  const land = [
    fact('c23', 's-an', 14_200, '2023', { indicator: 'cleared', unit: 'ha' }),
    fact('r23', 's-an', 9_800, '2023', { indicator: 'reduced', unit: 'ha' }),
    fact('c24', 's-an', 16_900, '2024', { indicator: 'cleared', unit: 'ha' }),
    fact('r24', 's-an', 12_300, '2024', { indicator: 'reduced', unit: 'ha' }),
    fact('c24b', 's-az', 17_000, '2024', { indicator: 'cleared', unit: 'ha' }),
  ];

  it('builds a series × category grid (series by indicator, categories by date)', () => {
    const model = buildChartModel(chart({ type: 'bar-stacked', factIds: ['r24', 'c23', 'r23', 'c24'] }), { facts: land, sources });
    expect(model.categories).toEqual(['2023', '2024']);
    expect(model.series.map((s) => s.name)).toEqual(['Reduced', 'Cleared']);
    expect(model.series.map((s) => s.data.map((d) => d.value))).toEqual([
      [9_800, 12_300],
      [14_200, 16_900],
    ]);
    expect(model.unit).toBe('ha');
  });

  it('keeps the first of two figures for one cell and says so', () => {
    const model = buildChartModel(chart({ type: 'bar-grouped', factIds: ['c23', 'c24', 'c24b', 'r23'] }), { facts: land, sources });
    expect(model.warnings.join(' ')).toMatch(/Two figures for "Cleared" \/ "2024": showing c24, not c24b/);
    expect(model.citedFactIds).not.toContain('c24b');
  });

  it('leaves holes as null', () => {
    const model = buildChartModel(chart({ type: 'bar-grouped', factIds: ['c23', 'c24', 'r23'] }), { facts: land, sources });
    expect(model.series[1]!.data.map((d) => d.value)).toEqual([9_800, null]);
  });

  it('warns about a red/green custom palette', () => {
    const model = buildChartModel(
      chart({ type: 'bar-grouped', factIds: ['c23', 'r23'], options: { colors: ['#D62728', '#2CA02C'] } }),
      { facts: land, sources },
    );
    expect(model.paletteWarnings).toHaveLength(1);
    expect(model.paletteWarnings[0]!.deficiency).toBe('deuteranopia');
    expect(model.warnings.join(' ')).toMatch(/hard to tell apart for readers with deuteranopia/);
  });
});

describe('palette check', () => {
  it('passes Okabe–Ito, every pair, for normal, deutan and protan vision', () => {
    expect(checkPalette(OKABE_ITO)).toEqual([]);
  });

  it('flags red/green (deuteranopia) and near-identical colours', () => {
    const [warning] = checkPalette(['#D62728', '#2CA02C']);
    expect(warning).toMatchObject({ colors: ['#D62728', '#2CA02C'], deficiency: 'deuteranopia' });
    expect(warning!.distance).toBeLessThan(10);
    expect(checkPalette(['#FF0000', '#FE0101'])[0]!.deficiency).toBe('normal');
  });

  it('flags the protan confusion in the classic tab10 orange/green', () => {
    expect(checkPalette(['#ff7f0e', '#2ca02c']).map((w) => w.deficiency)).toEqual(['protanopia']);
  });

  it('picks readable text colours on fills', () => {
    expect(textColorOn('#0072B2')).toBe('#FFFFFF');
    expect(textColorOn('#F0E442')).toBe('#000000');
    expect(textColorOn('#E69F00')).toBe('#000000');
  });
});

describe('options', () => {
  it('falls back to defaults field by field, with warnings', () => {
    const { options, warnings } = parseChartOptions({
      colors: ['red', 'javascript:alert(1)'],
      locale: 'xx-invalid-locale-zz',
      labelPosition: 'outside',
      bogus: 1,
      unit: 'ha',
    });
    expect(options.colors).toEqual([...OKABE_ITO]);
    expect(options.locale).toBe('en-GB');
    expect(options.labelPosition).toBe('outside');
    expect(options.unit).toBe('ha');
    expect(warnings.join('\n')).toMatch(/Option "colors" was ignored/);
    expect(warnings.join('\n')).toMatch(/Option "locale" was ignored/);
    expect(warnings.join('\n')).toMatch(/Option "bogus" is not known/);
  });

  it('parses annotations, notes and derived specs', () => {
    const { options, warnings } = parseChartOptions({
      annotations: [
        { kind: 'line', value: 500, label: 'Target' },
        { kind: 'band', from: 10, to: 20 },
        { kind: 'text', text: 'Ceasefire', at: '2020-11' },
      ],
      note: 'Figures in USD.\u0000',
      derived: [{ kind: 'complement', of: 'x', label: 'Rest' }],
    });
    expect(warnings).toEqual([]);
    expect(options.annotations).toHaveLength(3);
    expect(options.note).toBe('Figures in USD.');
    expect(options.derived[0]).toMatchObject({ kind: 'complement', total: 100 });
  });

  it('formats numbers with the locale’s separators', () => {
    const en = { locale: 'en-GB', decimals: null, compact: false };
    expect(formatNumber(1234567.5, en)).toBe('1,234,567.5');
    expect(formatNumber(1234.5, { ...en, locale: 'az' })).toBe('1.234,5');
    expect(formatNumber(1234.5, { ...en, locale: 'de' })).toBe('1.234,5');
    expect(formatNumber(12_500_000, { ...en, compact: true })).toBe('12.5m');
    // By default a chart prints a figure as the report does: every stored decimal (4.125 was
    // "4.13", a figure no source gave), whole millions in words (issue 11 §3).
    expect(formatNumber(4.125, en)).toBe('4.125');
    expect(formatNumber(4.125, { ...en, decimals: 2 })).toBe('4.13');
    expect(formatNumber(1_500_000, en)).toBe('1.5 million');
    expect(formatValue(4.9, '%', en)).toBe('4.9%');
    // Intl and formatValue keep a number and its unit together with a no-break space.
    expect(formatValue(4.9, 'percent', { ...en, locale: 'de' })).toBe('4,9\u00A0%');
    expect(formatValue(12_500_000, 'USD', en)).toBe('USD\u00A012.5 million');
    expect(formatValue(12_500_001, 'USD', en)).toBe('USD\u00A012,500,001');
    expect(formatValue(388, 'people', en)).toBe('388\u00A0people');
    expect(formatValue(Number.NaN, null, en)).toBe('–');
  });

  it('uses the report locale when the chart sets none', () => {
    const model = buildChartModel(chart({ type: 'bar-vertical', factIds: ['req'] }), { ...context, locale: 'az' });
    expect(model.options.locale).toBe('az');
    expect(model.draftedAltText).toContain('12,5 milyon');
  });
});

describe('alt text and source line', () => {
  it('drafts alt text from the data', () => {
    const model = buildChartModel(chart({ type: 'bar-horizontal', factIds: ['az', 'jd'] }), context);
    expect(model.draftedAltText).toBe('Bar chart: Casualties since 2020, as reported by AzerNews (388, Dec 2025), Jordan Daily (382).');
    expect(model.altText).toBe(model.draftedAltText);
  });

  it('keeps the user’s alt text', () => {
    const model = buildChartModel(chart({ type: 'bar-horizontal', factIds: ['az'], altText: 'Mine casualties, by source.' }), context);
    expect(model.altText).toBe('Mine casualties, by source.');
    expect(model.draftedAltText).toMatch(/^Bar chart:/);
  });

  it('builds "Sources: [3], [5]" from citation numbers', () => {
    const model = buildChartModel(chart({ type: 'bar-horizontal', factIds: ['az', 'jd', 'an'] }), context);
    expect(sourceLine(model, new Map([['an', 5], ['az', 3], ['jd', 5]]))).toBe('Sources: [3], [5]');
    expect(sourceLine(model, { az: 3 })).toBe('Source: [3]');
    expect(sourceLine(model, {})).toBe('');
    expect(sourceLine(model, { toString: 7 } as unknown as Record<string, number>)).toBe('');
  });

  it('cites the facts a derived value comes from', () => {
    const model = buildChartModel(
      chart({ type: 'big-number', factIds: [], options: { derived: { kind: 'complement', of: 'foreign', label: 'Domestic' } } }),
      context,
    );
    expect(model.points[0]!.value).toBe(95.1);
    expect(sourceLine(model, { foreign: 4 })).toBe('Source: [4]');
  });
});

describe('cleanText', () => {
  it('drops controls, bidi overrides and lone surrogates; keeps Azerbaijani and Cyrillic', () => {
    expect(cleanText('a\u202Eevil\u202C\u2066x\u2069\u0007 b\n\tc')).toBe('aevilx b c');
    expect(cleanText('bad \uD800 surrogate')).toBe('bad \uFFFD surrogate');
    expect(cleanText('Ağdam ərazisi — Москва')).toBe('Ağdam ərazisi — Москва');
    expect(cleanText('emoji 😀 ok')).toBe('emoji 😀 ok');
  });
});
