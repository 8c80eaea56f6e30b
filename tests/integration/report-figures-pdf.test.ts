import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../electron/shared/entities';
import { readPdf } from '../helpers/pdf-text';
import { openTestApp, type TestApp } from '../helpers/open-test-app';
import { makeTempDir, removeDir } from '../helpers/temp-dir';

/**
 * Issue 11 §3 on the sample donor appeal, read back from the PDF with pdftotext (independent of
 * pdfmake): the figures read as the sources wrote them, and no note number sticks to a figure.
 */

let app: TestApp;
let dir: string;
let text: string;

beforeAll(async () => {
  app = await openTestApp();
  dir = makeTempDir('dossier-figures-');
  const report: Report = await app.call('reports:get', { id: 'report-sample-donor-appeal' });
  const rendered = await app.call('reports:render', { report, options: {} });
  const pdf = readPdf(dir, 'appeal.pdf', Buffer.from(rendered.pdfBase64, 'base64'));
  // -layout keeps a superscript on the line of its text; no-break spaces read as spaces.
  text = pdf.text.replace(/[\u00A0\u202F\u2009]/g, ' ');
});
afterAll(() => {
  app.close();
  removeDir(dir);
});

describe('the sample donor appeal', () => {
  it('prints the qualifiers its sources wrote', () => {
    expect(text).toMatch(/more than\s+13\.4%/);
    expect(text).toMatch(/more than\s+1 million\s+landmines/);
    expect(text).not.toMatch(/more than\s+more than|[Aa]bout\s+approximately|over\s+over/);
  });

  it('reads as English: "415 casualties", not "415 people casualties"', () => {
    expect(text).toMatch(/caused\s+415\s*\d*\s+casualties/);
    expect(text).not.toMatch(/people\s*\d*\s+casualties/);
  });

  it('never prints a note number glued to "km²" or "%"', () => {
    expect(text).not.toMatch(/km²\d/);
    expect(text).not.toMatch(/%\d/);
  });

  it('never repeats the unit in a key-figure label, and writes one million in words', () => {
    expect(text).not.toMatch(/km²\s+square kilometres/);
    expect(text).not.toContain('1,000,000');
  });
});

describe('a report in US English', () => {
  it('writes its dates one way, text and chart source lines alike: "December 31, 2025"', async () => {
    const report: Report = await app.call('reports:get', { id: 'report-sample-donor-appeal' });
    const rendered = await app.call('reports:render', { report: { ...report, language: 'en-US' }, options: {} });
    const us = readPdf(dir, 'appeal-us.pdf', Buffer.from(rendered.pdfBase64, 'base64')).text;
    // The dates Dossier writes (as-of lines, chart source lines); quotes keep the source's words.
    expect(us).toMatch(/as of December\s+31,\s+2025/);
    expect(us).toMatch(/to December 31, 2025\./);
    // Prose the author typed ("up to 31 December 2025") is theirs; chart source lines are ours.
    expect(us).not.toMatch(/as of 31 December|Data from [^\n]* to 31 December 2025\./);
  });
});
