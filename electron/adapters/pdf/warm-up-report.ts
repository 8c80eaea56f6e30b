import type { Chart, Fact, Report, Source } from '../../shared/entities';

const WARM_UP_TIME = '2000-01-01T00:00:00.000Z';

/** A small report that goes through every stage of an export: notes, a bibliography, each chart type. */
export const warmUpInput = () => {
  const source: Source = {
    id: 'warm-up-source',
    type: 'article-newspaper',
    title: 'Warm-up',
    outlet: 'Warm-up',
    via: null,
    authors: [{ family: 'Warm', given: 'Up' }],
    published: '2020-01-02',
    language: 'en',
    url: null,
    text: '',
    origin: null,
    note: '',
    revision: 1,
    createdAt: WARM_UP_TIME,
    updatedAt: WARM_UP_TIME,
  };
  const facts = [1, 2, 3].map(
    (n): Fact => ({
      id: `warm-up-${n}`,
      sourceId: source.id,
      statement: `Figure ${n}`,
      value: n * 10,
      unit: '%',
      qualifier: null,
      asOf: `202${n}-01-01`,
      quote: '',
      quoteStart: null,
      tags: [],
      indicator: null,
      supersededBy: null,
      note: '',
      revision: 1,
      createdAt: WARM_UP_TIME,
      updatedAt: WARM_UP_TIME,
    }),
  );
  const types: Chart['type'][] = ['bar-vertical', 'bar-horizontal', 'bar-grouped', 'bar-stacked', 'line', 'donut', 'big-number'];
  const charts = types.map(
    (type): Chart => ({
      id: `warm-up-${type}`,
      type,
      title: 'Warm-up',
      subtitle: '',
      factIds: facts.map((fact) => fact.id),
      indicator: null,
      options: {},
      altText: '',
      caption: '',
      revision: 1,
      createdAt: WARM_UP_TIME,
      updatedAt: WARM_UP_TIME,
    }),
  );
  const report: Report = {
    id: 'warm-up',
    template: 'briefing-note',
    title: 'Warm-up',
    subtitle: 'Warm-up',
    recipient: '',
    author: '',
    date: '2020-01-02',
    language: 'en',
    marking: 'OFFICIAL',
    reference: 'W-1',
    fields: {},
    citationStyle: 'chicago',
    pageSize: 'A4',
    tableOfContents: false,
    evidenceAnnex: false,
    staleAfterMonths: 24,
    figureDecisions: [],
    sections: [
      {
        id: 'warm-up-section',
        heading: 'Warm-up',
        blocks: [
          { kind: 'paragraph', content: facts.flatMap((fact) => [{ kind: 'text' as const, text: 'Figure: ' }, { kind: 'fact' as const, factId: fact.id }]) },
          ...charts.map((chart) => ({ kind: 'chart' as const, chartId: chart.id, width: chart.type === 'donut' ? ('half' as const) : ('full' as const) })),
        ],
      },
    ],
    revision: 1,
    createdAt: WARM_UP_TIME,
    updatedAt: WARM_UP_TIME,
  };
  return { report, facts: new Map(facts.map((fact) => [fact.id, fact])), sources: new Map([[source.id, source]]), charts: new Map(charts.map((chart) => [chart.id, chart])) };
};

