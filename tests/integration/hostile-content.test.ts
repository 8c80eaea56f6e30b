import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fact, Report, Source } from '../../electron/shared/entities';
import { libraryFileSchema } from '../../electron/core/store/library-file';
import { STORE_FILE_NAME } from '../../electron/adapters/store/json-store';
import { fontRows, readPdf } from '../helpers/pdf-text';
import { openTestApp, type TestApp } from '../helpers/open-test-app';
import { FIXTURE_SEEDS, makeTempDir, removeDir } from '../helpers/temp-dir';

/**
 * Text from facts and sources is data (DESIGN §3): markup, script, `javascript:` URLs, bidi controls,
 * zero-width characters and a 1 MB single line are stored exactly, found by search, and printed in
 * the PDF as the characters they are.
 */

const H = {
  script: '<script>window.__pwned = 1; alert("fact")</script>',
  img: '<img src=x onerror="window.__pwned=1">',
  jsUrl: 'javascript:alert(document.domain)',
  html: '<b>bold</b> &amp; <a href="https://evil.example/">link</a>',
  /** U+202E RIGHT-TO-LEFT OVERRIDE: shows "invoice_txt.exe" as "invoice_exe.txt". */
  bidi: 'invoice_\u202Etxt.exe\u202C',
  isolates: '\u2066isolated\u2069 \u2067rtl\u2069',
  zeroWidth: 'zero\u200Bwidth\u200Cjoin\u200Dword\u2060joiner\uFEFFend',
};

/** A 1 MB line with no line break in it, words so it can be quoted and searched. */
const MEGA_LINE = 'clearance teams surveyed the plots near the river crossing '.repeat(17_800).slice(0, 1_048_576);
const MEGA_QUOTE = MEGA_LINE.slice(500_000, 500_180).trim();

const SOURCE_TEXT = [
  `${H.script} Ministry statement`,
  `In 2025, 12 people were hurt by <script>mines</script> near ${H.jsUrl}.`,
  `Markup: ${H.html}`,
  `File: ${H.bidi} ${H.isolates}`,
  `Hidden: ${H.zeroWidth}`,
  MEGA_LINE,
  'Foreign assistance is 4.8% of <i>demining</i> resources.',
].join('\n');

let app: TestApp;
let pdfDir: string;
let source: Source;
const facts: Record<string, Fact> = {};

const strip = (text: string) => text.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').replace(/\s+/g, ' ');

beforeAll(async () => {
  app = await openTestApp({ seedDir: FIXTURE_SEEDS });
  pdfDir = makeTempDir('dossier-hostile-pdf-');
  source = await app.call('sources:create', {
    type: 'report',
    title: `${H.script} Source on ${H.html}`,
    outlet: H.img,
    via: H.jsUrl,
    authors: [{ family: '<Doe>', given: H.bidi }],
    published: '2025-06',
    language: 'en',
    url: 'https://example.org/report?q=%3Cscript%3E',
    text: SOURCE_TEXT,
    origin: H.jsUrl,
    note: H.zeroWidth,
  });
  const base = { sourceId: source.id, asOf: '2025', indicator: null, supersededBy: null, note: H.html };
  facts.script = await app.call('facts:create', { ...base, statement: `${H.script} 12 people hurt`, value: 12, unit: 'people', quote: 'In 2025, 12 people were hurt by <script>mines</script>', tags: ['<script>', 'casualties'] });
  facts.text = await app.call('facts:create', {
    ...base,
    statement: `Reach ${H.jsUrl} then ${H.bidi} ${H.zeroWidth}`,
    value: null,
    unit: null,
    quote: `near ${H.jsUrl}`,
    tags: [H.bidi],
  });
  facts.html = await app.call('facts:create', { ...base, statement: `${H.html} ${H.img}`, value: 4.8, unit: '%', quote: 'Foreign assistance is 4.8% of <i>demining</i> resources.', tags: [], indicator: '<img src=x>' });
  facts.mega = await app.call('facts:create', { ...base, statement: `From the long line: ${H.isolates}`, value: 7, unit: '<u>plots</u>', quote: MEGA_QUOTE, tags: [] });
});

afterAll(() => {
  app.close();
  removeDir(pdfDir);
});

describe('hostile text in sources and facts', () => {
  it('is stored exactly as written, on disk too', async () => {
    const stored = await app.call('sources:get', { id: source.id });
    expect(stored.text).toBe(SOURCE_TEXT);
    expect(stored.text.length).toBeGreaterThan(1_048_576);
    expect(stored.text.split('\n')).toContain(MEGA_LINE);
    expect(stored.title).toBe(`${H.script} Source on ${H.html}`);
    expect(stored.outlet).toBe(H.img);
    expect(stored.note).toBe(H.zeroWidth);
    for (const fact of Object.values(facts)) {
      const { fact: view } = await app.call('facts:get', { id: fact.id });
      expect(view.statement).toBe(fact.statement);
      expect(view.quote).toBe(fact.quote);
      expect(view.quoteStart).toBe(SOURCE_TEXT.indexOf(fact.quote));
    }
    const onDisk = libraryFileSchema.parse(JSON.parse(readFileSync(join(app.dataDir, STORE_FILE_NAME), 'utf8')));
    expect(onDisk.sources.find((candidate) => candidate.id === source.id)?.text).toBe(SOURCE_TEXT);
    expect(onDisk.facts.find((candidate) => candidate.id === facts.text!.id)?.statement).toBe(facts.text!.statement);
  });

  it('is found by search, and hostile queries are just queries', async () => {
    const ids = async (query: string, extra: Record<string, unknown> = {}) => (await app.call('facts:search', { query, ...extra })).items.map((item) => item.id);
    expect(await ids('people hurt')).toContain(facts.script!.id);
    expect(await ids('javascript')).toContain(facts.text!.id);
    expect(await ids('onerror')).toContain(facts.html!.id);
    expect(await ids('river crossing')).toContain(facts.mega!.id); // words from the 1 MB line's quote
    expect(await ids('', { tags: ['<script>'] })).toEqual([facts.script!.id]);
    expect(await ids('', { tags: [H.bidi] })).toEqual([facts.text!.id]);
    for (const query of [H.script, H.img, H.jsUrl, H.bidi, H.isolates, H.zeroWidth, '\u202E', '\u0000', '"\\', '*', '(', 'x'.repeat(500)]) {
      const result = await app.dispatch('facts:search', { query });
      expect(result.ok, `search for ${JSON.stringify(query).slice(0, 40)}`).toBe(true);
    }
    // The facets list the hostile tag and indicator as plain strings.
    const facets = await app.call('library:facets');
    expect(facets.tags.map((tag) => tag.tag)).toContain('<script>');
    expect(facets.indicators.map((indicator) => indicator.key)).toContain('<img src=x>');
  });

  it('exports to a PDF that shows it as literal text and carries no active content', async () => {
    const created = await app.call('reports:create', { template: 'briefing-note', title: `${H.script} Brief` });
    const report: Report = {
      ...created,
      subtitle: H.html,
      recipient: H.img,
      marking: '<b>OFFICIAL</b>',
      evidenceAnnex: true,
      fields: { [H.jsUrl]: H.script },
      sections: [
        {
          id: 'section-hostile',
          heading: `${H.img} heading`,
          blocks: [
            {
              kind: 'paragraph',
              content: [
                { kind: 'text', text: `Text run ${H.html} and ${H.jsUrl} and ${H.bidi}. ` },
                { kind: 'fact', factId: facts.script!.id },
                { kind: 'text', text: ' then ' },
                { kind: 'fact', factId: facts.text!.id },
                { kind: 'text', text: ' and ' },
                { kind: 'fact', factId: facts.html!.id },
                { kind: 'text', text: ' and ' },
                { kind: 'fact', factId: facts.mega!.id },
              ],
            },
            { kind: 'key-figures', items: [{ factId: facts.script!.id, label: H.script }] },
          ],
        },
      ],
    };
    const saved = await app.call('reports:save', { report });
    const rendered = await app.call('reports:render', { report: saved, options: {} });
    const bytes = Buffer.from(rendered.pdfBase64, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = readPdf(pdfDir, 'hostile.pdf', bytes);

    // The file is well-formed: qpdf exits 0 only when it finds no errors or warnings.
    const check = spawnSync('qpdf', ['--check', pdf.path], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toMatch(/No syntax or stream encoding errors found/);

    const text = strip(pdf.rawText);
    expect(text).toContain('<script>window.__pwned = 1; alert("fact")</script>');
    expect(text).toContain('<script>window.__pwned = 1; alert("fact")</script> Brief');
    expect(text).toContain('<img src=x onerror="window.__pwned=1"> heading');
    expect(text).toContain('<b>bold</b> &amp; <a href="https://evil.example/">link</a>');
    // The marking is printed in capitals by design; its characters are still the literal tags.
    expect(text).toContain('<B>OFFICIAL</B>');
    // Notes and Sources go through citeproc, which title-cases: compare without case. Its own markup
    // (<b>, <i>) in a title must print as characters, and "&amp;" must not be decoded.
    const notes = text.slice(text.indexOf('Notes')).toLowerCase();
    expect(notes).toContain('<b>bold</b> &amp; <a href="https://evil.example/">link</a>');
    expect(notes).toContain('<script>window.__pwned = 1; alert(');
    expect(text).toContain('javascript:alert(document.domain)');
    // A value-less fact prints its statement; bidi overrides are dropped so the characters read in the
    // order they were typed ("txt.exe", not a spoofed "exe.txt"); zero-width characters vanish or stay invisible.
    expect(text).toContain('Reach javascript:alert(document.domain) then invoice_txt.exe zerowidthjoinwordjoinerend');
    expect(pdf.rawText).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    // The evidence annex quotes the source word for word, markup included.
    expect(text).toContain('In 2025, 12 people were hurt by <script>mines</script>');
    expect(text).toContain('Foreign assistance is 4.8% of <i>demining</i> resources.');
    expect(text).toContain(strip(MEGA_QUOTE));
    expect(text).toContain('<u>plots</u>');

    // No JavaScript, launch, link or form actions, and no embedded files, anywhere in the file.
    const expanded = join(pdfDir, 'hostile-qdf.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf.path, expanded]);
    const raw = readFileSync(expanded, 'latin1');
    for (const key of ['/JavaScript', '/JS ', '/JS(', '/JS<', '/Launch', '/URI', '/OpenAction', '/AA ', '/SubmitForm', '/EmbeddedFile', '/RichMedia']) {
      expect(raw.includes(key), `PDF contains ${key}`).toBe(false);
    }
    for (const row of fontRows(pdf.fonts)) expect(row, row.name).toMatchObject({ embedded: true });
  }, 120_000);

  let longQuote = '';
  let longQuoteText = '';
  it('renders a report whose cited fact quotes 20,000 characters of the 1 MB line to a valid PDF', async () => {
    longQuote = MEGA_LINE.slice(10_000, 30_000).trim();
    const fact = await app.call('facts:create', { sourceId: source.id, statement: 'Long-quote evidence entry', value: 3, unit: 'plots', asOf: null, quote: longQuote, tags: [], indicator: null });
    expect(fact.quoteStart).toBe(SOURCE_TEXT.indexOf(longQuote));
    const created = await app.call('reports:create', { template: 'briefing-note', title: 'Long quote' });
    const report: Report = { ...created, evidenceAnnex: true, sections: [{ id: 'section-long', heading: 'Long', blocks: [{ kind: 'paragraph', content: [{ kind: 'fact', factId: fact.id }] }] }] };
    const rendered = await app.call('reports:render', { report, options: {} });
    const pdf = readPdf(pdfDir, 'long-quote.pdf', Buffer.from(rendered.pdfBase64, 'base64'));
    expect(spawnSync('qpdf', ['--check', pdf.path]).status).toBe(0);
    longQuoteText = strip(pdf.rawText);
    expect(longQuoteText).toContain('Annex: evidence');
  }, 120_000);

  // Regression: annex entries were all `unbreakable`, and pdfmake silently drops an unbreakable block
  // taller than a page; long entries may now break across pages.
  it('prints the annex entry of a fact whose quote is longer than a page', () => {
    expect(longQuoteText).toContain('Long-quote evidence entry');
    expect(longQuoteText).toContain(longQuote.slice(0, 200));
  });
});
