import type { Chart, Fact, Report, Source } from '../../electron/shared/entities';

/**
 * Library entities for tests that need them without a store: every field filled with a neutral
 * value, so a test names only what it is about. One fixed timestamp keeps renders repeatable.
 */
const STAMP = '2025-12-30T10:00:00.000Z';

export const makeSource = ({ id, title, ...over }: Partial<Source> & Pick<Source, 'id' | 'title'>): Source => ({
  id,
  type: 'article-newspaper',
  title,
  outlet: null,
  via: null,
  authors: [],
  published: null,
  language: 'en',
  url: null,
  text: '',
  origin: null,
  note: '',
  revision: 1,
  createdAt: STAMP,
  updatedAt: STAMP,
  ...over,
});

export const makeFact = ({ id, sourceId, ...over }: Partial<Fact> & Pick<Fact, 'id' | 'sourceId'>): Fact => ({
  id,
  sourceId,
  statement: `Statement ${id}`,
  value: 1,
  unit: null,
  qualifier: null,
  asOf: null,
  quote: '',
  quoteStart: null,
  tags: [],
  indicator: null,
  supersededBy: null,
  note: '',
  revision: 1,
  createdAt: STAMP,
  updatedAt: STAMP,
  ...over,
});

export const makeChart = ({ id, title, factIds, ...over }: Partial<Chart> & Pick<Chart, 'id' | 'title' | 'factIds'>): Chart => ({
  id,
  type: 'bar-vertical',
  title,
  subtitle: '',
  factIds,
  indicator: null,
  options: {},
  altText: '',
  caption: '',
  revision: 1,
  createdAt: STAMP,
  updatedAt: STAMP,
  ...over,
});

/** A briefing note with no sections; a test adds the sections it cites from. */
export const makeReport = (over: Partial<Report> = {}): Report => ({
  id: 'r1',
  template: 'briefing-note',
  title: 'Report',
  subtitle: '',
  recipient: '',
  author: '',
  date: '2025-12-30',
  language: 'en',
  marking: 'OFFICIAL',
  reference: '',
  fields: {},
  citationStyle: 'chicago',
  pageSize: 'A4',
  tableOfContents: false,
  evidenceAnnex: false,
  staleAfterMonths: 24,
  sections: [],
  figureDecisions: [],
  revision: 1,
  createdAt: STAMP,
  updatedAt: STAMP,
  ...over,
});
