import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factReferences } from '../../electron/core/reports/report-walk';
import type { Report } from '../../electron/shared/entities';
import { fontRows, readPdf } from '../helpers/pdf-text';
import { openTestApp, type TestApp } from '../helpers/open-test-app';
import { makeTempDir, removeDir } from '../helpers/temp-dir';
import { revisionOf } from '../helpers/revisions';

let app: TestApp;
let dir: string;
beforeAll(async () => {
  app = await openTestApp();
  dir = makeTempDir('dossier-pdf-');
});
afterAll(() => {
  app.close();
  removeDir(dir);
});

const render = async (report: Report, options: Record<string, unknown> = {}) => {
  const rendered = await app.call('reports:render', { report, options });
  return { ...rendered, bytes: Buffer.from(rendered.pdfBase64, 'base64') };
};

/** "11,667 km²" in any of the spacings the PDF may use. */
const normalise = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/[ \t]+/g, ' ');

describe.each(['report-sample-donor-appeal', 'report-sample-briefing-note'])('sample report %s', (id) => {
  it('exports a PDF that holds every cited value, its note and the sources list, in fonts that are embedded', async () => {
    const report = await app.call('reports:get', { id });
    const { bytes, pageCount } = await render(report);
    const pdf = readPdf(dir, `${id}.pdf`, bytes);
    const text = normalise(pdf.text);

    expect(pdf.info).toMatch(new RegExp(`Pages:\\s+${pageCount}`));
    expect(pdf.info).toContain(`Title:           ${report.title}`);
    for (const row of fontRows(pdf.fonts)) expect(row, row.name).toMatchObject({ embedded: true, subset: true });
    expect(text).toContain(report.marking);
    expect(text).toMatch(new RegExp(`Page 1 of ${pageCount}`));

    const { facts } = await app.call('reports:facts', { ids: factReferences(report).map((reference) => reference.factId) });
    for (const fact of facts) {
      if (fact.value === null) continue;
      // Whole millions are written in words ("more than 1 million landmines"), as people write them.
      const printed = fact.value >= 1e6 && fact.value % 1e6 === 0 ? `${fact.value / 1e6} million` : fact.value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
      expect(text, `value of ${fact.id}`).toContain(printed);
    }

    // The notes list runs 1..n in order, and the sources list names every cited outlet or title.
    const notesStart = text.lastIndexOf('Notes');
    const sourcesStart = text.indexOf('Sources', notesStart);
    expect(notesStart).toBeGreaterThan(0);
    expect(sourcesStart).toBeGreaterThan(notesStart);
    const noteNumbers = [...text.slice(notesStart, sourcesStart).matchAll(/^\s*(\d+)\.?\s/gm)].map((match) => Number(match[1]));
    expect(noteNumbers.length).toBeGreaterThan(2);
    expect(noteNumbers).toEqual(noteNumbers.map((_, index) => index + 1));
    const sourceList = text.slice(sourcesStart);
    for (const fact of facts) {
      const cited = fact.source.title;
      // Chicago title-cases English titles, so compare without case.
      expect(sourceList.replace(/\s+/g, ' ').toLowerCase(), `source of ${fact.id}`).toContain(cited.split(' ').slice(0, 3).join(' ').toLowerCase());
    }
  });
});

describe('reports', () => {
  it('render the same report to the same bytes, and follow the fixed date', async () => {
    const report = await app.call('reports:get', { id: 'report-sample-briefing-note' });
    const first = await render(report);
    const second = await render(report);
    expect(Buffer.compare(first.bytes, second.bytes)).toBe(0);
    expect(readPdf(dir, 'dated.pdf', first.bytes).info).toMatch(/CreationDate:\s+Fri Feb 20 00:00:00 2026/);
  });

  it('show the live value: editing a fact in the library changes the next export', async () => {
    const report = await app.call('reports:get', { id: 'report-sample-briefing-note' });
    await app.call('facts:update', { id: 'fact-bayramov-area-cleared-166000', revision: revisionOf(app, 'facts', 'fact-bayramov-area-cleared-166000'), changes: { value: 166500 } });
    const text = normalise(readPdf(dir, 'live.pdf', (await render(report)).bytes).text);
    expect(text).toContain('166,500');
    expect(text).not.toContain('166,000 hectares');
    await app.call('facts:update', { id: 'fact-bayramov-area-cleared-166000', revision: revisionOf(app, 'facts', 'fact-bayramov-area-cleared-166000'), changes: { value: 166000 } });
  });

  it('switch citation style, page size and the evidence annex from the export options', async () => {
    const report = await app.call('reports:get', { id: 'report-sample-briefing-note' });
    const apa = readPdf(dir, 'apa.pdf', (await render(report, { citationStyle: 'apa', pageSize: 'LETTER', evidenceAnnex: true })).bytes);
    expect(apa.info).toMatch(/Page size:\s+612 x 792/);
    expect(normalise(apa.text)).toMatch(/evidence/i);
    expect(normalise(apa.text)).toContain('“Foreign assistance has accounted for only 4,9%');
  });

  it('are created from templates, saved, duplicated, and deleted with undo', async () => {
    const created = await app.call('reports:create', { template: 'briefing-note', title: 'Visit of the Special Envoy' });
    expect(created.sections[0]!.heading).toBe('Purpose and bottom line');
    const edited: Report = {
      ...created,
      sections: [{ ...created.sections[0]!, blocks: [{ kind: 'paragraph', content: [{ kind: 'text', text: 'Contaminated area: ' }, { kind: 'fact', factId: 'fact-mineaction-contaminated-area-11667' }] }] }],
    };
    const saved = await app.call('reports:save', { report: edited });
    expect(app.storeText()).toContain('Visit of the Special Envoy');
    const copy = await app.call('reports:duplicate', { id: saved.id });
    expect(copy.title).toBe('Visit of the Special Envoy (copy)');
    const listed = await app.call('reports:list');
    expect(listed.map((item) => item.title)).toEqual(expect.arrayContaining(['Visit of the Special Envoy', 'Visit of the Special Envoy (copy)']));
    expect(listed.find((item) => item.id === saved.id)?.citedFacts).toBe(1);
    const { undoToken } = await app.call('reports:delete', { id: copy.id });
    expect((await app.fail('reports:get', { id: copy.id })).code).toBe('NOT_FOUND');
    await app.call('trash:restore', { undoToken });
    expect((await app.call('reports:get', { id: copy.id })).title).toBe('Visit of the Special Envoy (copy)');
  });

  it('refuse a malformed report and warn about what should be fixed', async () => {
    const report = await app.call('reports:get', { id: 'report-sample-donor-appeal' });
    expect((await app.fail('reports:save', { report: { ...report, template: 'memo' } })).code).toBe('INVALID_INPUT');
    const warnings = await app.call('reports:warnings', { report });
    expect(warnings.flatMap((warning) => warning.issues)).toEqual(expect.arrayContaining(['conflict', 'superseded']));
    expect((await app.fail('export:save-pdf', { report })).code).toBe('UNSUPPORTED');
  });
});
