import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { describe, expect, it } from 'vitest';
import type { CitationFormatter } from '../../../../electron/core/citations';
import { buildPdfDefinition } from '../../../../electron/core/export';
import type { Block, Fact, Inline, Report } from '../../../../electron/shared/entities';
import { makeFact, makeReport, makeSource } from '../../../helpers/entities';

/**
 * Issue 11 §3, "numbers that read right": how figures print in a report, read from the pdfmake
 * definition. Expected strings are written from how an editor would want the sentence to read,
 * not copied from our output.
 */

const source = makeSource({ id: 'src', title: 'Mine action as a humanitarian challenge', outlet: 'Mine Action Review' });
const fact = (over: Partial<Fact> & Pick<Fact, 'id'>): Fact => makeFact({ sourceId: 'src', asOf: '2025-12-31', quote: 'q', ...over });

const facts: Fact[] = [
  fact({ id: 'share', value: 13.4, unit: '%', qualifier: 'more than' }),
  fact({ id: 'area', value: 11667, unit: 'km²', qualifier: 'approximately' }),
  fact({ id: 'casualties', value: 415, unit: 'people' }),
  fact({ id: 'incidents', value: 253, unit: 'incidents' }),
  fact({ id: 'funding', value: 90, unit: '%', qualifier: 'over' }),
  fact({ id: 'mines', value: 1_000_000, unit: 'landmines', qualifier: 'more than' }),
  fact({ id: 'ask', value: 25_000_000_000, unit: 'USD' }),
  fact({ id: 'hectares', value: 12450, unit: 'hectares' }),
  fact({ id: 'odd', value: 1_234_567, unit: 'people' }),
];

const formatter: CitationFormatter = {
  style: 'chicago',
  isNoteStyle: true,
  styleTitle: 'Fake',
  format: (clusters) => ({ citations: clusters.map(() => [{ text: 'Note.' }]), bibliography: [] }),
};

const text = (value: string): Inline => ({ kind: 'text', text: value });
const cite = (factId: string, form?: 'value' | 'value-unit' | 'value-unit-words'): Inline => ({ kind: 'fact', factId, ...(form ? { form } : {}) });

const reportWith = (blocks: Block[], over: Partial<Report> = {}): Report =>
  makeReport({ language: 'en', sections: [{ id: 's1', heading: 'Need', blocks }], ...over });

const build = (report: Report): TDocumentDefinitions => buildPdfDefinition({ report, facts, sources: [source], citations: formatter });

type Run = { text: string; sup?: boolean };
/** The runs of the first paragraph in the body (after the title block). */
const paragraphRuns = (dd: TDocumentDefinitions): Run[] => {
  const body = (dd.content as unknown as Array<Record<string, unknown>>).find((node) => node.style === 'body');
  return (body?.text ?? []) as Run[];
};
/** The paragraph as a reader sees it, markers written as ^n. */
const reads = (runs: Run[]): string => runs.map((run) => (run.sup ? `^${run.text.trim()}` : run.text)).join('').replace(/[\u00A0\u202F]/g, ' ');

const paragraph = (...content: Inline[]): string => reads(paragraphRuns(build(reportWith([{ kind: 'paragraph', content }]))));

describe('figures in report text', () => {
  it('print the qualifier the fact keeps ("more than 13.4%", "over 90%")', () => {
    expect(paragraph(text('This area is '), cite('share'), text(' of the territory.'))).toMatch(/This area is more than 13\.4% of the territory\./);
    expect(paragraph(text('National resources fund '), cite('funding'), text(' of demining.'))).toContain('fund over 90% of demining.');
  });

  it('capitalise the qualifier at the start of a sentence', () => {
    expect(paragraph(cite('mines'), text(' remain.'))).toMatch(/^More than 1 million landmines\^1 remain\./);
    expect(paragraph(text('It happened in '), cite('incidents'), text('. '), cite('mines'), text(' remain.'))).toContain('incidents.^1 More than 1 million');
  });

  it('do not repeat a qualifier the sentence already says ("About approximately")', () => {
    const out = paragraph(text('About '), cite('area'), text(' remain contaminated.'));
    expect(out).toContain('About 11,667 km²');
    expect(out).not.toMatch(/approximately/i);
    expect(paragraph(text('the toll exceeds '), cite('mines'), text('.'))).toContain('exceeds 1 million landmines');
  });

  it('read as English: "415 casualties", never "415 people casualties"', () => {
    const out = paragraph(text('explosions have caused '), cite('casualties'), text(' casualties in '), cite('incidents'), text('.'));
    expect(out).toContain('caused 415 casualties');
    expect(out).not.toContain('people casualties');
    expect(out).toContain('in 253 incidents');
  });

  it('keep the form the author chose', () => {
    expect(paragraph(text('Contaminated: '), cite('area', 'value-unit-words'), text('.'))).toContain('approximately 11,667 square kilometres');
    expect(paragraph(text('It was '), cite('casualties', 'value'), text(' in all.'))).toContain('It was 415 in all');
    expect(paragraph(text('It was '), cite('casualties', 'value-unit'), text(' casualties.')).replace(/\^\d+/g, '')).toContain('415 people casualties');
  });

  it('never glue a note marker to a digit, a percent sign or a superscript', () => {
    const outs = [
      paragraph(text('About '), cite('area'), text(' of its territory, '), cite('share'), text(' of the country, remain contaminated.')),
      paragraph(text('National resources fund '), cite('funding'), text(' of demining, which is not enough.')),
      paragraph(text('Cleared: '), cite('area')),
      paragraph(cite('share'), cite('funding')),
    ];
    for (const out of outs) expect(out).not.toMatch(/[\d%²³]\^\d/);
    // The marker follows the clause's punctuation, as Chicago places note numbers.
    expect(outs[0]).toContain('of its territory,^1');
    expect(outs[1]).toContain('of demining,^1 which');
    // With no clause to move to, a narrow no-break space keeps marker and figure apart.
    expect(reads(paragraphRuns(build(reportWith([{ kind: 'paragraph', content: [text('Cleared: '), cite('area')] }]))))).toMatch(/km² \^1$/);
  });

  it('put the marker after the noun that completes a value-only figure', () => {
    expect(paragraph(text('caused '), cite('casualties'), text(' casualties in all.'))).toContain('415 casualties^1 in all.');
  });

  it('write large round amounts in words and others in full, never abbreviated', () => {
    expect(paragraph(text('We ask for '), cite('ask'), text('.'))).toContain('USD 25 billion');
    expect(paragraph(text('Cleared: '), cite('hectares'), text('.'))).toContain('12,450 hectares');
    expect(paragraph(text('Total: '), cite('odd'), text('.'))).toContain('1,234,567 people');
  });
});

describe('key figures', () => {
  const tile = (factId: string, label: string, over: Partial<Report> = {}): string => {
    const dd = build(reportWith([{ kind: 'key-figures', items: [{ factId, label }] }], over));
    return JSON.stringify(dd.content).replace(/\\u00a0|\u00A0/gi, ' ');
  };

  it('never repeat the unit the label names ("11,667" over "square kilometres still contaminated")', () => {
    const out = tile('area', 'square kilometres still contaminated');
    expect(out).not.toMatch(/km²/);
    expect(out).toContain('11,667');
    expect(tile('casualties', 'mine casualties since the 2020 ceasefire')).not.toContain('415 people');
  });

  it('print the qualifier and agree with the text: no "12.5k" beside "12,450"', () => {
    expect(tile('share', 'of the territory')).toMatch(/more than/i);
    // Three tiles in a row: "12,450 hectares" is too wide for one, which used to print "12.5K hectares".
    const dd = build(reportWith([{ kind: 'key-figures', items: [{ factId: 'hectares', label: 'cleared' }, { factId: 'casualties', label: 'hurt' }, { factId: 'incidents', label: 'recorded' }] }]));
    const out = JSON.stringify(dd.content).replace(/\\u00a0|\u00A0/gi, ' ');
    expect(out).toContain('12,450 hectares');
    expect(out).not.toMatch(/12[.,]5\s?k|12[.,]5\s?K/);
    expect(tile('ask', 'requested for 2026–2027')).toContain('USD 25 billion');
  });
});

describe('dates', () => {
  it('follow the document language: en-GB "31 December 2025", en-US "December 31, 2025"', () => {
    const gb = tile('casualties', 'casualties');
    expect(gb).toContain('31 December 2025');
    const us = tile('casualties', 'casualties', { language: 'en-US' });
    expect(us).toContain('December 31, 2025');
    expect(us).not.toContain('31 December 2025');
  });

  it('write header fields that are dates like the document date', () => {
    const dd = build(reportWith([], { fields: { launchDate: '2026-02-15' } }));
    const out = JSON.stringify(dd.content);
    expect(out).toContain('15 February 2026');
    expect(out).not.toContain('2026-02-15');
  });

  function tile(factId: string, label: string, over: Partial<Report> = {}): string {
    return JSON.stringify(build(reportWith([{ kind: 'key-figures', items: [{ factId, label }] }], over)).content);
  }
});
