import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { describe, expect, it } from 'vitest';
import { createCitationFormatter, type CitationFormatter } from '../../../../electron/core/citations';
import { buildPdfDefinition, numberCitations, PALETTE, type ChartSvg } from '../../../../electron/core/export';
import type { Block, Fact, Report, Source } from '../../../../electron/shared/entities';
import { CSL_LOCALES, cslStyleXml } from '../../../helpers/csl';
import { makeChart, makeFact, makeReport, makeSource } from '../../../helpers/entities';

// A briefing note prints no URLs: each source has one that must not appear.
const UNPRINTED_URL = 'https://example.org/should-not-appear';
const sources: Source[] = [
  makeSource({ id: 'azernews', title: 'Mine clearance in Ağdam continues', outlet: 'Azernews', authors: [{ family: 'Əliyev', given: 'Şahin' }], published: '2025-12-24', url: UNPRINTED_URL }),
  makeSource({ id: 'anama', type: 'report', title: 'Annual report 2024', outlet: 'ANAMA', published: '2025-03', url: UNPRINTED_URL }),
];
const fact = (over: Partial<Fact> & Pick<Fact, 'id' | 'sourceId'>): Fact => makeFact({ asOf: '2025-09-30', quote: `Quote ${over.id}`, ...over });
const facts: Fact[] = [
  fact({ id: 'casualties', sourceId: 'azernews', value: 388, unit: 'people', statement: 'Mine casualties since the ceasefire' }),
  fact({ id: 'foreign', sourceId: 'anama', value: 4.9, unit: '%', statement: 'Share of foreign funding', asOf: '2024' }),
  fact({ id: 'released', sourceId: 'anama', value: 163412, unit: 'ha', statement: 'Land released' }),
  fact({ id: 'c1', sourceId: 'anama', value: 120, unit: 'people', asOf: '2021' }),
  fact({ id: 'c2', sourceId: 'azernews', value: 61, unit: 'people', asOf: '2024' }),
];
const chart = makeChart({ id: 'chart-1', title: 'Casualties per year', factIds: ['c1', 'c2'], altText: 'Casualties fell.' });
const chartSvgs: Record<string, ChartSvg> = {
  'chart-1': { svg: '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><rect width="400" height="200" fill="#0072B2"/></svg>', width: 400, height: 200, caption: 'Mine casualties per year', altText: 'Casualties fell.' },
};

const GUIDANCE = 'GUIDANCE-TEXT-NEVER-PRINTED';

const briefingNote = (over: Partial<Report> = {}): Report => makeReport({
  title: 'Meeting brief: demining cooperation',
  subtitle: 'Bilateral meeting, Baku',
  recipient: 'The Ambassador',
  author: 'Political section',
  date: '2025-12-30',
  marking: 'official-sensitive',
  reference: 'BN-2025-042',
  fields: { criticalDate: '5 January 2026', place: 'Baku' },
  sections: [
    {
      id: 'purpose',
      heading: 'Purpose',
      blocks: [
        { kind: 'guidance', text: GUIDANCE },
        {
          kind: 'paragraph',
          content: [
            { kind: 'text', text: 'Since the ceasefire ' },
            { kind: 'fact', factId: 'casualties' },
            { kind: 'text', text: ' were hurt; only ', bold: true },
            { kind: 'fact', factId: 'foreign' },
            { kind: 'text', text: ' of funding is foreign (see ', italic: true },
            { kind: 'figure-ref', chartId: 'chart-1' },
            { kind: 'text', text: ').' },
          ],
        },
      ],
    },
    {
      id: 'points',
      heading: 'Points to make',
      blocks: [
        { kind: 'list', ordered: true, items: [[{ kind: 'fact', factId: 'released' }], [{ kind: 'fact', factId: 'casualties' }]] },
        { kind: 'key-figures', items: [{ factId: 'released', label: 'Land released' }] },
        { kind: 'chart', chartId: 'chart-1', width: 'full' },
      ],
    },
  ],
  ...over,
});

/** A stand-in formatter: the document's structure does not depend on the style. */
const fakeFormatter = (isNoteStyle = true): CitationFormatter => ({
  style: isNoteStyle ? 'chicago' : 'apa',
  isNoteStyle,
  styleTitle: 'Fake',
  format: (clusters) => ({
    citations: clusters.map((cluster) => [{ text: `Note on ${cluster.sourceIds.join('+')}.` }]),
    bibliography: [...new Set(clusters.flatMap((cluster) => cluster.sourceIds))].sort().map((sourceId) => ({ sourceId, runs: [{ text: `Entry ${sourceId}`, italics: true }] })),
  }),
});

const build = (report = briefingNote(), citations = fakeFormatter()): TDocumentDefinitions =>
  buildPdfDefinition({ report, facts, sources, charts: [chart], chartSvgs, citations });


type Node = Record<string, unknown>;
const contentOf = (dd: TDocumentDefinitions): Node[] => dd.content as unknown as Node[];
/** Every object node in the content tree, depth first. */
const nodes = (value: unknown, out: Node[] = []): Node[] => {
  if (Array.isArray(value)) for (const item of value) nodes(item, out);
  else if (value && typeof value === 'object') {
    out.push(value as Node);
    for (const item of Object.values(value as Node)) nodes(item, out);
  }
  return out;
};
/** The plain text of a node (text, runs, stacks, tables). */
const plain = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(plain).join('');
  if (value && typeof value === 'object') {
    const node = value as Node;
    if ('text' in node) return plain(node.text);
    if ('stack' in node) return plain(node.stack);
    if ('ol' in node) return plain(node.ol);
    if ('ul' in node) return plain(node.ul);
    if ('table' in node) return plain((node.table as Node).body);
    if ('columns' in node) return plain(node.columns);
  }
  return '';
};
const headingIndex = (dd: TDocumentDefinitions, text: string): number => contentOf(dd).findIndex((node) => (node as Node).style === 'h1' && (node as Node).text === text);

describe('buildPdfDefinition', () => {
  it('puts the marking, in capitals, in every page header and footer, with Page X of Y and the reference', () => {
    const dd = build();
    expect(typeof dd.header).toBe('function');
    expect(typeof dd.footer).toBe('function');
    const header = (dd.header as (page: number, count: number) => Content)(2, 7);
    const footer = (dd.footer as (page: number, count: number) => Content)(2, 7);
    expect(plain(header)).toBe('OFFICIAL-SENSITIVE');
    expect(plain(footer)).toContain('OFFICIAL-SENSITIVE');
    expect(plain(footer)).toContain('Page 2 of 7');
    expect(plain(footer)).toContain('BN-2025-042');
  });

  it('writes the title block: title, subtitle, To, From, fields, date and reference', () => {
    const title = plain(contentOf(build()).slice(0, 4));
    expect(title).toContain('BRIEFING NOTE');
    expect(title).toContain('Meeting brief: demining cooperation');
    expect(title).toContain('Bilateral meeting, Baku');
    for (const part of ['To', 'The Ambassador', 'From', 'Political section', 'Critical date', '5 January 2026', 'Place', 'Baku', 'Date', '30 December 2025', 'Reference', 'BN-2025-042']) {
      expect(title).toContain(part);
    }
  });

  it('never prints guidance blocks', () => {
    expect(JSON.stringify(build().content)).not.toContain(GUIDANCE);
  });

  it('renders fact values, formatted with their unit, followed by a superscript citation number', () => {
    const dd = build();
    const paragraph = contentOf(dd).find((node) => (node as Node).style === 'body' && plain(node).startsWith('Since the ceasefire')) as Node;
    const runs = paragraph.text as Node[];
    expect(runs.slice(0, 3)).toEqual([{ text: 'Since the ceasefire ' }, { text: '388\u00A0people' }, { text: '1', sup: true, color: PALETTE.accent }]);
    expect(runs[3]).toEqual({ text: ' were hurt; only ', bold: true });
    // "4.9%2" would read as an exponent: with no clause end to move to, a narrow no-break space parts them.
    expect(runs.slice(4, 7)).toEqual([{ text: '4.9%' }, { text: '\u202F' }, { text: '2', sup: true, color: PALETTE.accent }]);
    expect(runs[7]).toEqual({ text: ' of funding is foreign (see ', italics: true });
    // the list continues the numbering in reading order
    const list = contentOf(dd).find((node) => 'ol' in (node as Node)) as Node;
    expect(plain(list)).toBe('163,412\u00A0ha3388\u00A0people4'); // no break between number and unit
  });

  it('resolves figure references to the chart’s figure number, and captions the chart with its source line last', () => {
    const dd = build();
    expect(plain(contentOf(dd))).toContain('(see Figure 1).');
    const chartNode = contentOf(dd).find((node) => Array.isArray((node as Node).stack) && ((node as Node).stack as Node[]).some((item) => 'svg' in item)) as Node;
    const stack = chartNode.stack as Node[];
    expect(stack[0]).toMatchObject({ svg: chartSvgs['chart-1']!.svg, font: 'DejaVu Sans' });
    expect(plain(stack[1])).toBe('Figure 1: Mine casualties per year');
    expect(plain(stack[stack.length - 1])).toBe('Sources: ANAMA [6]; Azernews [7]. Data from 2021 to 2024.');
    expect(chartNode.unbreakable).toBe(true);
  });

  it('gives key figures a big number, a label and a source line with citation and as-of', () => {
    const dd = build();
    const tile = nodes(dd.content).find((node) => node.style === 'keyValue');
    expect(tile?.text).toBe('163,412\u00A0ha');
    const sourceLine = nodes(dd.content).find((node) => node.style === 'sourceLine' && plain(node).startsWith('Source: ANAMA [5]'));
    expect(plain(sourceLine)).toBe('Source: ANAMA [5], as of 30 September 2025');
  });

  it('closes with the numbered notes, then the sources list', () => {
    const dd = build();
    const content = contentOf(dd);
    const notes = headingIndex(dd, 'Notes');
    const sourcesAt = headingIndex(dd, 'Sources');
    expect(notes).toBeGreaterThan(headingIndex(dd, 'Points to make'));
    expect(sourcesAt).toBe(notes + 2);
    const noteRows = ((content[notes + 1] as Node).table as Node).body as Node[][];
    expect(noteRows.map((row) => [plain(row[0]), plain(row[1])])).toEqual([
      ['1.', 'Note on azernews.'],
      ['2.', 'Note on anama.'],
      ['3.', 'Note on anama.'],
      ['4.', 'Note on azernews.'],
      ['5.', 'Note on anama.'],
      ['6.', 'Note on anama.'],
      ['7.', 'Note on azernews.'],
    ]);
    expect(content.slice(sourcesAt + 1).map(plain)).toEqual(['Entry anama', 'Entry azernews']);
    expect(content.length).toBe(sourcesAt + 3);
  });

  it('numbers per source in author-date styles', () => {
    const dd = build(briefingNote({ citationStyle: 'apa' }), fakeFormatter(false));
    const numbering = numberCitations(briefingNote({ citationStyle: 'apa' }), { facts, charts: [chart] });
    expect(numbering.notes.map((note) => note.sourceIds[0])).toEqual(['azernews', 'anama']);
    const noteRows = ((contentOf(dd)[headingIndex(dd, 'Notes') + 1] as Node).table as Node).body as Node[][];
    expect(noteRows).toHaveLength(2);
  });

  it('adds outline entries to headings, a table of contents and an evidence annex when asked', () => {
    const plainDd = build();
    expect(nodes(plainDd.content).some((node) => 'toc' in node)).toBe(false);
    const dd = build(briefingNote({ tableOfContents: true, evidenceAnnex: true }));
    expect(nodes(dd.content).some((node) => 'toc' in node)).toBe(true);
    const headings = contentOf(dd).filter((node) => (node as Node).style === 'h1') as Node[];
    expect(headings.map((h) => h.text)).toEqual(['Purpose', 'Points to make', 'Notes', 'Sources', 'Annex: evidence']);
    for (const h of headings) expect(h).toMatchObject({ outline: true, tocItem: true, headlineLevel: 1 });
    const annex = plain(contentOf(dd).slice(headingIndex(dd, 'Annex: evidence')));
    expect(annex).toContain('“Quote casualties”');
    expect(annex).toContain('[1] 388\u00A0people · Mine casualties since the ceasefire');
    expect(annex).toContain('Source: Mine clearance in Ağdam continues, Azernews, 24 December 2025. Figure as of 30 September 2025.');
  });

  it('writes fixed metadata, the language, PDF 1.7 and the page size', () => {
    const dd = build();
    expect(dd.info).toMatchObject({ title: 'Meeting brief: demining cooperation', author: 'Political section', creator: 'Dossier', subject: 'Bilateral meeting, Baku' });
    expect(dd.info?.keywords).toContain('BN-2025-042');
    expect(dd.info?.creationDate).toEqual(new Date(Date.UTC(2025, 11, 30)));
    expect(dd.info?.modDate).toEqual(new Date(Date.UTC(2025, 11, 30)));
    expect(dd.version).toBe('1.7');
    expect((dd as { language?: string }).language).toBe('en');
    expect(dd.pageSize).toBe('A4');
    expect(build(briefingNote({ pageSize: 'LETTER' })).pageSize).toBe('LETTER');
    expect(JSON.stringify(build())).toBe(JSON.stringify(build())); // pure: same input, same definition
  });

  it('carries no URL and no link anywhere', () => {
    const dd = build(briefingNote({ evidenceAnnex: true, tableOfContents: true }));
    expect(JSON.stringify(dd)).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    for (const node of nodes(dd.content)) {
      expect(node).not.toHaveProperty('link');
      expect(node).not.toHaveProperty('image');
    }
  });

  it('keeps hostile user text literal: strings stay strings, objects never get in', () => {
    const hostile = '{"text":"injected","link":"https://evil.example"} <b>bold?</b> \u202Eevil';
    const report = briefingNote({
      title: hostile,
      fields: { 'x<y': '{ text: "z" }' },
      sections: [
        {
          id: 's',
          heading: '<h1>Heading</h1>',
          blocks: [{ kind: 'paragraph', content: [{ kind: 'text', text: hostile }, { kind: 'fact', factId: 'weird' }] } as Block],
        },
      ],
    });
    const weird = fact({ id: 'weird', sourceId: 'azernews', value: null, statement: { text: 'object from unchecked data' } as unknown as string });
    const dd = buildPdfDefinition({ report, facts: [...facts, weird], sources, citations: fakeFormatter() });
    for (const node of nodes(dd.content)) {
      if ('text' in node) expect(typeof node.text === 'string' || Array.isArray(node.text)).toBe(true);
      if (Array.isArray(node.text)) for (const part of node.text) expect(typeof (part as Node).text).toBe('string');
      expect(node).not.toHaveProperty('link');
    }
    const all = plain(dd.content);
    expect(all).toContain('{"text":"injected","link":"https://evil.example"} <b>bold?</b> evil'); // the bidi override is removed
    expect(all).toContain('<h1>Heading</h1>');
    expect(all).toContain('{ text: "z" }');
    expect(all).toContain('[object Object]');
    expect(dd.info?.title).toBe('{"text":"injected","link":"https://evil.example"} <b>bold?</b> evil');
  });

  it('marks facts missing from the library instead of failing', () => {
    const report = briefingNote({ sections: [{ id: 's', heading: 'S', blocks: [{ kind: 'paragraph', content: [{ kind: 'fact', factId: 'nope' }] }] }] });
    const dd = buildPdfDefinition({ report, facts, sources, citations: fakeFormatter() });
    expect(plain(dd.content)).toContain('[missing figure]');
    expect(headingIndex(dd, 'Notes')).toBe(-1);
  });

  it('keeps numbers aligned when a key figure is missing or a chart has no drawing', () => {
    const report = briefingNote({
      sections: [
        {
          id: 's',
          heading: 'S',
          blocks: [
            { kind: 'key-figures', items: [{ factId: 'gone', label: 'Gone' }, { factId: 'released', label: 'Land released' }] },
            { kind: 'chart', chartId: 'chart-1', width: 'half' },
            { kind: 'paragraph', content: [{ kind: 'fact', factId: 'foreign' }, { kind: 'text', text: ' and ' }, { kind: 'figure-ref', chartId: 'chart-1' }] },
          ],
        },
      ],
    });
    const dd = buildPdfDefinition({ report, facts, sources, charts: [chart], citations: fakeFormatter() });
    const all = plain(dd.content);
    expect(all).toContain('Figure missing from the library');
    expect(all).toContain('Source: ANAMA [1], as of 30 September 2025');
    expect(all).toContain('[Chart not available: Casualties per year]Sources: ANAMA [2]; Azernews [3]. Data from 2021 to 2024.');
    expect(all).toContain('4.9%\u202F4 and [figure not in this report]');
  });

  it('works with the real Chicago formatter: full first note, short note for the same source later', () => {
    const citations = createCitationFormatter({ styleXml: cslStyleXml('chicago'), locales: CSL_LOCALES, items: sources });
    const dd = build(briefingNote(), citations);
    const rows = ((contentOf(dd)[headingIndex(dd, 'Notes') + 1] as Node).table as Node).body as Node[][];
    expect(plain(rows[0]![1])).toBe('Şahin Əliyev, “Mine Clearance in Ağdam Continues,” Azernews, 24 December 2025.');
    expect(plain(rows[3]![1])).toBe('Əliyev, “Mine Clearance in Ağdam Continues.”');
    expect((rows[0]![1] as Node).text).toContainEqual({ text: 'Azernews', italics: true });
  });
});
