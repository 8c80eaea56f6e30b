import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCitationFormatter, runsToText, type FormattedCitations } from '../../electron/core/citations';
import { loadCslResources, renderPdf, writePdf } from '../../electron/adapters/pdf/pdf-writer';
import { buildPdfDefinition, factValue, numberCitations, type ChartSvg, type CitationNumbering } from '../../electron/core/export';
import type { Block, Chart, Fact, Inline, Report, Source } from '../../electron/shared/entities';
import { makeChart, makeFact, makeReport, makeSource } from '../helpers/entities';

/**
 * A realistic donor appeal from a small library, rendered by the real pdfmake runtime and read back
 * by two independent extractors (poppler's pdftotext and pdf.js), plus poppler's pdffonts/pdfinfo
 * and qpdf --check.
 */

const AZ = 'Ağdam, Şuşa, İsmayıllı, ə ğ ı İ ş ç ö ü';
const RU = 'Комментарии';
const sources: Source[] = [
  makeSource({
    id: 'azernews',
    title: 'Mine clearance in Ağdam continues as families return',
    outlet: 'Azernews',
    authors: [{ family: 'Əliyev', given: 'Şahin' }],
    published: '2025-12-24',
    url: 'https://www.azernews.az/region/250000.html',
  }),
  makeSource({
    id: 'anama',
    type: 'report',
    title: 'Annual report on mine action 2024',
    outlet: 'ANAMA',
    authors: [{ literal: 'Mine Action Agency of the Republic of Azerbaijan' }],
    published: '2025-03',
  }),
  makeSource({ id: 'ria', title: `${RU} экспертов о разминировании`, outlet: 'РИА Новости', language: 'ru', published: '2025-10-02', via: 'Azernews' }),
  makeSource({ id: 'monitor', type: 'webpage', title: 'Azerbaijan: mine action funding', outlet: 'Landmine Monitor' }),
];

const fact = (id: string, sourceId: string, value: number | null, unit: string | null, asOf: string | null, statement: string): Fact =>
  makeFact({ id, sourceId, statement, value, unit, asOf, quote: `${statement} (${AZ})` });

const facts: Fact[] = [
  fact('casualties', 'azernews', 388, 'people', '2025-11-30', 'Mine casualties since the November 2020 ceasefire'),
  fact('foreign', 'monitor', 4.9, '%', '2024', 'Share of mine action funding from foreign donors'),
  fact('released', 'anama', 163412, 'ha', '2024-12-31', 'Land released since 2020'),
  fact('required', 'anama', 12500000, 'USD', '2024', 'Funding required for 2026'),
  fact('returned', 'ria', 52, 'families', '2025-09', 'Семьи, вернувшиеся в Шушу'),
  fact('teams', 'azernews', 17, 'teams', '2025-12', 'Deminer teams trained in İsmayıllı'),
  fact('y2021', 'anama', 120, 'people', '2021', 'Casualties in 2021'),
  fact('y2022', 'anama', 95, 'people', '2022', 'Casualties in 2022'),
  fact('y2023', 'anama', 80, 'people', '2023', 'Casualties in 2023'),
  fact('y2024', 'monitor', 61, 'people', '2024', 'Casualties in 2024'),
  fact('cleared', 'anama', 61000, 'ha', '2024', 'Land cleared'),
  fact('reduced', 'anama', 52000, 'ha', '2024', 'Land reduced'),
];

const chart = (id: string, title: string, factIds: string[]): Chart => makeChart({ id, title, factIds, altText: `${title}.`, caption: title });
const charts: Chart[] = [
  chart('casualties-by-year', 'Mine casualties per year', ['y2021', 'y2022', 'y2023', 'y2024']),
  chart('land-release', 'Land released by method, 2024', ['cleared', 'reduced']),
  chart('districts', 'Clearance teams by district', ['teams']),
];

/** A small bar chart the way the chart renderer draws one: shapes plus `<text>` in DejaVu Sans. */
const barSvg = (labels: string[], values: number[]): string => {
  const max = Math.max(...values);
  const bars = values
    .map((value, i) => {
      const h = Math.round((value / max) * 150);
      const x = 30 + i * 100;
      return `<rect x="${x}" y="${180 - h}" width="60" height="${h}" fill="#0072B2"/><text x="${x + 30}" y="198" font-family="DejaVu Sans, DejaVuSans, sans-serif" font-size="11" text-anchor="middle" fill="#333333">${labels[i]}</text><text x="${x + 30}" y="${174 - h}" font-family="DejaVu Sans, DejaVuSans, sans-serif" font-size="11" text-anchor="middle" fill="#333333">${value}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="440" height="210" viewBox="0 0 440 210"><rect width="440" height="210" fill="#FFFFFF"/>${bars}<line x1="20" y1="180" x2="430" y2="180" stroke="#999999"/></svg>`;
};
const chartSvgs: Record<string, ChartSvg> = {
  'casualties-by-year': { svg: barSvg(['2021', '2022', '2023', '2024'], [120, 95, 80, 61]), width: 440, height: 210, caption: 'Mine casualties per year', altText: '' },
  'land-release': { svg: barSvg(['Cleared', 'Reduced'], [61000, 52000]), width: 440, height: 210, caption: 'Land released by method, 2024', altText: '' },
  districts: { svg: barSvg(['Ağdam', 'Şuşa', 'İsmayıllı'], [9, 5, 3]), width: 440, height: 210, caption: 'Clearance teams by district', altText: '' },
};

const text = (value: string, bold = false): Inline => ({ kind: 'text', text: value, ...(bold ? { bold } : {}) });
const cite = (factId: string): Inline => ({ kind: 'fact', factId });
const paragraph = (...content: Inline[]): Block => ({ kind: 'paragraph', content });
const FILLER = `Clearance teams in ${AZ} work through the winter so that families can return before the planting season. ${RU} партнёров приводятся без изменений. `;

const sections: Report['sections'] = [
  {
    id: 'cover',
    heading: 'Appeal at a glance',
    blocks: [
      { kind: 'guidance', text: 'Lead with the ask; four lines at most.' },
      { kind: 'key-figures', items: [{ factId: 'casualties', label: 'Casualties since the 2020 ceasefire' }, { factId: 'released', label: 'Land released' }, { factId: 'required', label: 'Funding required' }] },
      paragraph(text('Since the ceasefire, '), cite('casualties'), text(' people have been killed or injured by mines, and only '), cite('foreign'), text(' of funding is foreign. '), text(FILLER.repeat(3))),
    ],
  },
  {
    id: 'need',
    heading: 'The need in figures',
    blocks: [
      paragraph(text('Casualties have fallen every year (see '), { kind: 'figure-ref', chartId: 'casualties-by-year' }, text(') but remain high. '), text(FILLER.repeat(4))),
      { kind: 'chart', chartId: 'casualties-by-year', width: 'full' },
      { kind: 'list', ordered: true, items: [[text('Returned to Şuşa: '), cite('returned')], [text('Teams trained: ', true), cite('teams')], [text('Casualties: '), cite('casualties')]] },
      paragraph(text(FILLER.repeat(5))),
    ],
  },
  {
    id: 'achieved',
    heading: 'What has been achieved',
    blocks: [
      paragraph(text('ANAMA has released '), cite('released'), text(' of land, by the methods in '), { kind: 'figure-ref', chartId: 'land-release' }, text('. '), text(FILLER.repeat(4))),
      { kind: 'chart', chartId: 'land-release', width: 'full' },
      paragraph(text(FILLER.repeat(6))),
    ],
  },
  {
    id: 'gap',
    heading: 'The gap',
    blocks: [paragraph(text('The 2026 requirement is '), cite('required'), text('. '), text(FILLER.repeat(6))), { kind: 'list', ordered: false, items: [[text(FILLER)], [text(FILLER)], [text(FILLER)]] }],
  },
  {
    id: 'strategy',
    heading: 'Strategy and objectives',
    blocks: [paragraph(text(FILLER.repeat(7))), { kind: 'chart', chartId: 'districts', width: 'half' }, paragraph(text('Teams by district: see '), { kind: 'figure-ref', chartId: 'districts' }, text('; '), cite('teams'), text(' teams are trained.'))],
  },
  { id: 'ask', heading: 'The ask', blocks: [paragraph(text(FILLER.repeat(8))), paragraph(text('Only '), cite('foreign'), text(' comes from abroad.'))] },
  { id: 'partners', heading: 'Partners and coordination', blocks: [paragraph(text(FILLER.repeat(9))), paragraph(text(FILLER.repeat(6)))] },
  { id: 'results', heading: 'Results framework', blocks: [{ kind: 'list', ordered: true, items: [[text(FILLER.repeat(2))], [text(FILLER.repeat(2))], [text(FILLER.repeat(2))], [text(FILLER.repeat(2))]] }] },
  { id: 'risks', heading: 'Risks, monitoring and reporting', blocks: [paragraph(text(FILLER.repeat(9))), paragraph(text(FILLER.repeat(5)))] },
];

const report = (over: Partial<Report> = {}): Report => makeReport({
  id: 'appeal-2026',
  template: 'donor-appeal',
  title: `Humanitarian demining in Karabakh — 2026 appeal (${AZ})`,
  subtitle: `${RU} и цифры`,
  recipient: 'Donor Support Group',
  author: 'Embassy of the Republic of Azerbaijan',
  date: '2025-12-30',
  language: 'en',
  marking: 'official',
  reference: 'AZ-DEM-2025-117',
  fields: { appealType: 'Annual appeal', periodCovered: 'January–December 2026' },
  citationStyle: 'chicago',
  pageSize: 'A4',
  tableOfContents: true,
  evidenceAnnex: true,
  sections,
  ...over,
});

// ---------------------------------------------------------------------------------------------

const csl = loadCslResources();
const formatterFor = (r: Report) =>
  createCitationFormatter({ styleXml: csl.styles[r.citationStyle], locales: csl.locales, items: sources, style: r.citationStyle });
const build = (r: Report) => buildPdfDefinition({ report: r, facts, sources, charts, chartSvgs, citations: formatterFor(r) });

const normalize = (value: string): string => value.replace(/[\u00A0\s]+/g, ' ').trim();
const escapeRegExp = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const pdftotext = (file: string): string => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });

/** pdf.js 6 expects Node 22's Promise.withResolvers; this repo still runs tests on Node 20. */
const withResolvers = <T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (reason?: unknown) => void } => {
  let resolve!: (value: T) => void;
  let reject!: (reason?: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
};
const promiseWithResolvers = Promise as unknown as { withResolvers?: typeof withResolvers };
promiseWithResolvers.withResolvers ??= withResolvers;

const pdfjsText = async (bytes: Uint8Array): Promise<{ text: string; pages: number; size: [number, number] }> => {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: bytes.slice(), useSystemFonts: false, disableFontFace: true, verbosity: 0 });
  const doc = await task.promise;
  try {
    const parts: string[] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      for (const item of content.items) if ('str' in item) parts.push(item.str + (item.hasEOL ? '\n' : ''));
      parts.push('\n');
    }
    const first = await doc.getPage(1);
    const [, , w, h] = first.view as [number, number, number, number];
    return { text: parts.join(''), pages: doc.numPages, size: [w, h] };
  } finally {
    await task.destroy();
  }
};

let dir: string;
let a4: Uint8Array;
let a4File: string;
let numbering: CitationNumbering;
let formatted: FormattedCitations;
let pageCountFromRenderer: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-pdf-'));
  const r = report();
  const rendered = await writePdf(build(r));
  a4 = rendered.bytes;
  pageCountFromRenderer = rendered.pageCount;
  a4File = join(dir, 'appeal-a4.pdf');
  writeFileSync(a4File, a4);
  numbering = numberCitations(r, { facts, charts });
  formatted = formatterFor(r).format(numbering.notes.map((note) => ({ id: `n${note.number}`, sourceIds: note.sourceIds })));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Checks shared by both extractors. */
const checkExtractedText = (raw: string): void => {
  const all = normalize(raw);
  const factsById = new Map(facts.map((f) => [f.id, f]));

  // Every cited value in the text is followed by its note number; key figures and charts carry [n].
  for (const occurrence of numbering.occurrences) {
    if (occurrence.site === 'text') {
      const f = factsById.get(occurrence.factIds[0]!)!;
      const value = normalize(factValue(f, 'en-GB'));
      // The note follows the figure's phrase (at the latest the end of its clause), and never
      // touches a figure that ends in a digit or "%" (issue 11 §3: "90%25" reads as one number).
      expect(all, `${value} with note ${occurrence.number}`).toMatch(new RegExp(`${escapeRegExp(value)}[^\\d]{0,80}?${occurrence.number}(?!\\d)`));
      if (/[\d%]$/.test(value)) expect(all).not.toMatch(new RegExp(`${escapeRegExp(value)}${occurrence.number}(?!\\d)`));
    } else {
      expect(all).toContain(`[${occurrence.number}]`);
    }
  }

  // The notes, complete and in order, after the last "Notes" heading (the first is in the contents).
  const notesAt = all.lastIndexOf('Notes 1.');
  expect(notesAt).toBeGreaterThan(0);
  let at = notesAt;
  numbering.notes.forEach((note, i) => {
    const expected = `${note.number}. ${normalize(runsToText(formatted.citations[i]!))}`;
    const found = all.indexOf(expected, at);
    expect(found, `note ${note.number}: ${expected}`).toBeGreaterThanOrEqual(at);
    at = found + expected.length;
  });

  // Then the sources, complete and in order.
  const sourcesAt = all.indexOf('Sources', at);
  expect(sourcesAt).toBeGreaterThan(notesAt);
  at = sourcesAt;
  expect(formatted.bibliography.map((entry) => entry.sourceId).sort()).toEqual(['anama', 'azernews', 'monitor', 'ria']);
  for (const entry of formatted.bibliography) {
    const expected = normalize(runsToText(entry.runs));
    const found = all.indexOf(expected, at);
    expect(found, `source ${entry.sourceId}: ${expected}`).toBeGreaterThanOrEqual(at);
    at = found + expected.length;
  }

  // Azerbaijani and Cyrillic come back exactly, from body text, notes and chart labels.
  expect(all).toContain(AZ);
  expect(all).toContain(`${RU} партнёров приводятся без изменений.`);
  expect(all).toContain(`${RU} экспертов о разминировании`);
  expect(all).toContain('İsmayıllı');
  expect(all).toContain('OFFICIAL');
  expect(all).toContain('Page 1 of');
  expect(all).not.toContain('Lead with the ask'); // guidance is not printed
};

describe('PDF export, read back', () => {
  it('pdftotext finds every cited value with its note number, the notes and sources in order, and exact Azerbaijani and Cyrillic', () => {
    checkExtractedText(pdftotext(a4File));
  });

  it('pdf.js (legacy build) reads the same', async () => {
    const { text, pages, size } = await pdfjsText(a4);
    checkExtractedText(text);
    expect(pages).toBeGreaterThanOrEqual(8);
    expect(size[0]).toBeCloseTo(595.28, 1);
    expect(size[1]).toBeCloseTo(841.89, 1);
  });

  it('embeds and subsets every font (pdffonts)', () => {
    const out = execFileSync('pdffonts', [a4File], { encoding: 'utf8' });
    const rows = out.split('\n').slice(2).filter((row) => row.trim() !== '');
    expect(rows.length).toBeGreaterThanOrEqual(2); // regular and bold at least
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+DejaVuSans/);
      expect(row).toMatch(/\byes\s+yes\s+yes\b/); // emb sub uni
    }
  });

  it('writes title, author, page count, PDF 1.7 and A4 (pdfinfo)', () => {
    const info = execFileSync('pdfinfo', [a4File], { encoding: 'utf8' });
    expect(info).toMatch(new RegExp(`Title:\\s+${escapeRegExp(report().title)}`));
    expect(info).toMatch(/Author:\s+Embassy of the Republic of Azerbaijan/);
    expect(info).toMatch(/Creator:\s+Dossier/);
    expect(info).toMatch(/CreationDate:\s+Tue Dec 30 00:00:00 2025 UTC/);
    expect(info).toMatch(/PDF version:\s+1\.7/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(9);
    expect(pages).toBeLessThanOrEqual(14);
    expect(pageCountFromRenderer).toBe(pages);
  });

  it('passes qpdf --check', () => {
    const result = spawnSync('qpdf', ['--check', a4File], { encoding: 'utf8' });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('No syntax or stream encoding errors found');
  });

  it('renders byte-identical PDFs for the same report (same definition twice, and a rebuilt one)', async () => {
    const definition = build(report());
    const first = await renderPdf(definition);
    const second = await renderPdf(definition);
    expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0);
    expect(Buffer.compare(Buffer.from(first), Buffer.from(a4))).toBe(0);
  });

  it('renders US Letter when the report asks for it', async () => {
    const bytes = await renderPdf(build(report({ pageSize: 'LETTER', citationStyle: 'apa' })));
    const file = join(dir, 'appeal-letter.pdf');
    writeFileSync(file, bytes);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    const text = normalize(pdftotext(file));
    expect(text).toContain('(Əliyev, 2025)');
    expect(text).toContain(AZ);
  });

  it('reads no file but its fonts and fetches nothing', async () => {
    await expect(renderPdf({ content: [{ image: '/etc/hostname' }], defaultStyle: { font: 'DejaVu Sans' } })).rejects.toThrow(/denied/);
    await expect(renderPdf({ content: [{ image: 'remote' }], images: { remote: 'https://example.org/a.png' }, defaultStyle: { font: 'DejaVu Sans' } })).rejects.toThrow(/denied/);
  });
});
