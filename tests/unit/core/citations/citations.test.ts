import { describe, expect, it } from 'vitest';
import {
  createCitationFormatter,
  htmlToRuns,
  runsToText,
  sourceToCsl,
  type CitationStyleId,
  type TextRun,
} from '../../../../electron/core/citations';
import { numberCitations } from '../../../../electron/core/export';
import type { Source } from '../../../../electron/shared/entities';
import { CSL_LOCALES, cslStyleXml } from '../../../helpers/csl';
import { makeFact, makeReport, makeSource } from '../../../helpers/entities';

const azernews = makeSource({
  id: 'azernews-1',
  title: 'Mine clearance in Ağdam continues',
  outlet: 'Azernews',
  authors: [{ family: 'Əliyev', given: 'Şahin' }],
  published: '2025-12-24',
  url: 'https://www.azernews.az/region/1.html',
});
const anama = makeSource({
  id: 'anama-report',
  type: 'report',
  title: 'Annual report 2024',
  outlet: 'ANAMA',
  authors: [{ literal: 'Mine Action Agency of the Republic of Azerbaijan' }],
  published: '2025',
});
const undated = makeSource({ id: 'undated', type: 'webpage', title: 'Landmine casualties by district', outlet: 'Landmine Monitor' });
const relayed = makeSource({ id: 'relayed', title: 'Şuşa demining update', outlet: 'Trend', via: 'Azernews', published: '2025-11' });
const memo = makeSource({ id: 'memo', type: 'document', title: 'Internal memo on clearance rates', language: 'en' });

const formatter = (style: CitationStyleId, items: Source[], extra: { includeUrls?: boolean } = {}) =>
  createCitationFormatter({ styleXml: cslStyleXml(style), locales: CSL_LOCALES, items, style, ...extra });

const text = (runs: readonly TextRun[]): string => runsToText(runs);

describe('citeproc HTML to text runs', () => {
  it('maps <i> <b> <sup> and small caps, decodes entities, drops other tags', () => {
    const runs = htmlToRuns('<div class="csl-entry">A <i>B</i> <b>C</b><sup>2</sup> <span style="font-variant:small-caps;">d</span> &#38; &#60;x&#62; <a href="u">e</a></div>\n');
    expect(runs).toEqual([
      { text: 'A ' },
      { text: 'B', italics: true },
      { text: ' ' },
      { text: 'C', bold: true },
      { text: '2', sup: true },
      { text: ' ' },
      { text: 'd', smallCaps: true },
      { text: ' & <x> e' },
    ]);
  });

  it('flip-flops italics back to roman inside italics', () => {
    expect(htmlToRuns('<i>Title with <span style="font-style:normal;">Roman</span> part</i>')).toEqual([
      { text: 'Title with ', italics: true },
      { text: 'Roman' },
      { text: ' part', italics: true },
    ]);
  });

  it('keeps non-breaking spaces', () => {
    expect(text(htmlToRuns('4.9\u00A0%'))).toBe('4.9\u00A0%');
  });
});

describe('Source → CSL-JSON', () => {
  it('maps type, title, outlet, authors, partial dates and language', () => {
    expect(sourceToCsl(azernews)).toEqual({
      id: 'azernews-1',
      type: 'article-newspaper',
      title: 'Mine clearance in Ağdam continues',
      'container-title': 'Azernews',
      author: [{ family: 'Əliyev', given: 'Şahin' }],
      issued: { 'date-parts': [[2025, 12, 24]] },
      language: 'en',
    });
    expect(sourceToCsl(anama)).toMatchObject({ type: 'report', publisher: 'ANAMA', issued: { 'date-parts': [[2025]] } });
    expect(sourceToCsl(relayed).issued).toEqual({ 'date-parts': [[2025, 11]] });
    expect(sourceToCsl(undated).issued).toBeUndefined();
    expect(sourceToCsl(makeSource({ id: 'p', type: 'press-release', title: 'x', outlet: 'MFA' }))).toMatchObject({ type: 'report', genre: 'Press release', publisher: 'MFA' });
  });

  it('leaves the URL out unless asked', () => {
    expect(sourceToCsl(azernews).URL).toBeUndefined();
    expect(sourceToCsl(azernews, { includeUrls: true }).URL).toBe(azernews.url);
  });
});

describe('Chicago notes and bibliography', () => {
  it('gives the full note first and the short form when the same source is cited again', () => {
    const f = formatter('chicago', [azernews, anama]);
    expect(f.isNoteStyle).toBe(true);
    expect(f.styleTitle).toMatch(/Chicago Manual of Style 18th edition/);
    const { citations } = f.format([
      { id: 'n1', sourceIds: ['azernews-1'] },
      { id: 'n2', sourceIds: ['anama-report'] },
      { id: 'n3', sourceIds: ['azernews-1'] },
    ]);
    const [first, second, third] = citations.map(text);
    expect(first).toBe('Şahin Əliyev, “Mine Clearance in Ağdam Continues,” Azernews, 24 December 2025.');
    expect(second).toBe('Mine Action Agency of the Republic of Azerbaijan, Annual Report 2024 (ANAMA, 2025).');
    expect(third).toBe('Əliyev, “Mine Clearance in Ağdam Continues.”');
    expect(citations[0]).toContainEqual({ text: 'Azernews', italics: true });
    expect(third!.length).toBeLessThan(first!.length);
  });

  it('lists each cited source once, sorted, with the relay and a fallback for sources the style omits', () => {
    const f = formatter('chicago', [azernews, anama, relayed, memo]);
    const { citations, bibliography } = f.format([
      { id: 'a', sourceIds: ['relayed'] },
      { id: 'b', sourceIds: ['azernews-1'] },
      { id: 'c', sourceIds: ['memo'] },
      { id: 'd', sourceIds: ['relayed'] },
    ]);
    expect(text(citations[0]!)).toBe('“Şuşa Demining Update,” Trend, November 2025. Relayed via Azernews.');
    expect(text(citations[3]!)).not.toContain('Relayed'); // short note stays short
    expect(bibliography.map((entry) => entry.sourceId)).toEqual(['azernews-1', 'relayed', 'memo']);
    expect(text(bibliography[0]!.runs)).toBe('Əliyev, Şahin. “Mine Clearance in Ağdam Continues.” Azernews, 24 December 2025.');
    expect(text(bibliography[1]!.runs)).toBe('Trend. “Şuşa Demining Update.” November 2025. Relayed via Azernews.');
    expect(text(bibliography[2]!.runs)).toBe('“Internal memo on clearance rates.” n.d.');
  });

  it('handles an unknown date and an unknown author', () => {
    const { citations, bibliography } = formatter('chicago', [undated]).format([{ id: 'x', sourceIds: ['undated'] }]);
    expect(text(citations[0]!)).toBe('“Landmine Casualties by District,” Landmine Monitor.');
    expect(text(bibliography[0]!.runs)).toBe('Landmine Monitor. “Landmine Casualties by District.”');
    const report = formatter('chicago', [makeSource({ id: 'r', type: 'report', title: 'Survey results', outlet: 'UNDP' })]).format([{ id: 'y', sourceIds: ['r'] }]);
    expect(text(report.citations[0]!)).toBe('Survey Results (UNDP, n.d.).');
  });

  it('prints no URL unless the caller asks for it', () => {
    const plain = formatter('chicago', [azernews]).format([{ id: 'x', sourceIds: ['azernews-1'] }]);
    expect(JSON.stringify(plain)).not.toMatch(/https?:/);
    const withUrl = formatter('chicago', [azernews], { includeUrls: true }).format([{ id: 'x', sourceIds: ['azernews-1'] }]);
    expect(text(withUrl.citations[0]!)).toContain('https://www.azernews.az/region/1.html');
  });
});

describe('APA author-date', () => {
  it('writes author-date citations and an APA reference list', () => {
    const f = formatter('apa', [azernews, anama, undated]);
    expect(f.isNoteStyle).toBe(false);
    const { citations, bibliography } = f.format([
      { id: '1', sourceIds: ['azernews-1'] },
      { id: '2', sourceIds: ['anama-report'] },
      { id: '3', sourceIds: ['undated'] },
      { id: '4', sourceIds: ['azernews-1'] },
    ]);
    expect(citations.map(text)).toEqual([
      '(Əliyev, 2025)',
      '(Mine Action Agency of the Republic of Azerbaijan, 2025)',
      '(Landmine Casualties by District, n.d.)',
      '(Əliyev, 2025)',
    ]);
    expect(bibliography.map((entry) => text(entry.runs))).toEqual([
      'Əliyev, Ş. (2025, December 24). Mine clearance in Ağdam continues. Azernews.',
      'Landmine casualties by district. (n.d.). Landmine Monitor.',
      'Mine Action Agency of the Republic of Azerbaijan. (2025). Annual report 2024. ANAMA.',
    ]);
    expect(bibliography[0]!.runs).toContainEqual({ text: 'Azernews', italics: true });
  });
});

describe('hostile text stays literal', () => {
  const hostile = '<script>alert("x")</script> <i>not italic</i> <span class="nocase">s</span> &amp; {"text":"boom"} \uE000';

  it.each(['chicago', 'apa'] as const)('%s: tags, entities and braces print as written, never as formatting', (style) => {
    const evil = makeSource({ id: 'evil', title: hostile, outlet: '<b>Outlet</b>', language: 'az', authors: [{ literal: '<sup>Ann</sup>' }], published: '2024' });
    const { citations, bibliography } = formatter(style, [evil]).format([{ id: 'e', sourceIds: ['evil'] }]);
    const checkRuns = (runs: readonly TextRun[]): void => {
      expect(text(runs)).not.toContain('\uE000'); // the placeholder never leaks; a U+E000 in the data becomes U+FFFD
      for (const run of runs) {
        expect(typeof run.text).toBe('string');
        expect(run.bold).toBeUndefined();
        expect(run.sup).toBeUndefined();
        expect(Object.keys(run).every((key) => ['text', 'italics', 'bold', 'sup', 'sub', 'smallCaps'].includes(key))).toBe(true);
      }
    };
    checkRuns(citations[0]!);
    checkRuns(bibliography[0]!.runs);
    expect(text(citations[0]!)).toContain('<sup>Ann</sup>');
    // The full entry (a Chicago note, an APA reference) carries the title and outlet as written.
    const full = text(style === 'chicago' ? citations[0]! : bibliography[0]!.runs);
    expect(full).toContain('<script>alert(');
    expect(full).toContain('</script> <i>not italic</i> <span class="nocase">s</span> &amp; {"text":"boom"}');
    expect(full).toContain('<b>Outlet</b>');
    expect(text(bibliography[0]!.runs)).toContain('<sup>Ann</sup>');
  });
});

describe('engine reuse across documents', () => {
  it('sees each formatter’s own items even when ids repeat', () => {
    const one = formatter('chicago', [makeSource({ ...azernews, title: 'First title' })]).format([{ id: 'a', sourceIds: ['azernews-1'] }]);
    const two = formatter('chicago', [makeSource({ ...azernews, title: 'Second title' })]).format([{ id: 'a', sourceIds: ['azernews-1'] }]);
    expect(text(one.citations[0]!)).toContain('First Title');
    expect(text(two.citations[0]!)).toContain('Second Title');
    expect(text(two.citations[0]!)).not.toContain('First');
  });

  it('marks a cluster whose source is unknown', () => {
    const { citations, bibliography } = formatter('chicago', [azernews]).format([{ id: 'a', sourceIds: ['nope'] }]);
    expect(text(citations[0]!)).toBe('Source not found.');
    expect(bibliography).toEqual([]);
  });
});

describe('numberCitations', () => {
  const facts = [
    makeFact({ id: 'f1', sourceId: 'azernews-1' }),
    makeFact({ id: 'f2', sourceId: 'anama-report' }),
    makeFact({ id: 'f3', sourceId: 'azernews-1' }),
    makeFact({ id: 'f4', sourceId: 'undated' }),
  ];
  const report = (citationStyle: 'chicago' | 'apa') => makeReport({
    date: '2025-12',
    reference: 'REF-1',
    citationStyle,
    sections: [
      {
        id: 's1',
        heading: 'One',
        blocks: [
          { kind: 'guidance', text: 'cite f4 here' },
          { kind: 'paragraph', content: [{ kind: 'text', text: 'a ' }, { kind: 'fact', factId: 'f2' }, { kind: 'fact', factId: 'f1' }] },
          { kind: 'list', ordered: true, items: [[{ kind: 'fact', factId: 'f2' }], [{ kind: 'fact', factId: 'f3' }]] },
        ],
      },
      { id: 's2', heading: 'Two', blocks: [{ kind: 'key-figures', items: [{ factId: 'f4', label: 'x' }, { factId: 'gone', label: 'y' }] }] },
    ],
  });

  it('numbers notes per citation occurrence, in reading order (notes styles)', () => {
    const numbering = numberCitations(report('chicago'), { facts });
    expect(numbering.mode).toBe('per-occurrence');
    expect(numbering.occurrences.map((o) => [o.number, o.factIds[0], o.sourceIds[0]])).toEqual([
      [1, 'f2', 'anama-report'],
      [2, 'f1', 'azernews-1'],
      [3, 'f2', 'anama-report'],
      [4, 'f3', 'azernews-1'],
      [5, 'f4', 'undated'],
    ]);
    expect(numbering.notes.map((n) => n.number)).toEqual([1, 2, 3, 4, 5]);
    expect(numbering.sourceIds).toEqual(['anama-report', 'azernews-1', 'undated']);
    expect(numbering.numberByFactId.get('f2')).toBe(1);
    expect(numbering.missingFactIds).toEqual(['gone']);
  });

  it('numbers sources in order of first use (author-date styles)', () => {
    const numbering = numberCitations(report('apa'), { facts });
    expect(numbering.mode).toBe('per-source');
    expect(numbering.occurrences.map((o) => o.number)).toEqual([1, 2, 1, 2, 3]);
    expect(numbering.notes.map((n) => [n.number, n.sourceIds[0]])).toEqual([
      [1, 'anama-report'],
      [2, 'azernews-1'],
      [3, 'undated'],
    ]);
    expect(numbering.numberByFactId.get('f3')).toBe(2);
  });

  it('works from the report alone (numbers per fact occurrence, no source ids)', () => {
    const numbering = numberCitations(report('chicago'));
    expect(numbering.occurrences.map((o) => [o.number, o.factIds[0]])).toEqual([
      [1, 'f2'],
      [2, 'f1'],
      [3, 'f2'],
      [4, 'f3'],
      [5, 'f4'],
      [6, 'gone'],
    ]);
    expect(numbering.occurrences[0]!.sourceIds).toEqual([]);
  });
});
