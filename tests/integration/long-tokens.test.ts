import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeReport } from '../helpers/entities';
import { readPdf } from '../helpers/pdf-text';
import { openTestApp, type TestApp } from '../helpers/open-test-app';
import { makeTempDir, removeDir } from '../helpers/temp-dir';

/**
 * Issue 13: a 40,000-character unbroken word in a paragraph made the render run for minutes and
 * the process die of out-of-memory (pdfmake splits a word wider than the line glyph by glyph, at
 * a cost that grows faster than the square of its length); the preview renders as the editor
 * opens, so the report could never be opened again. Long tokens now get break opportunities.
 */
let app: TestApp;
let dir: string;
beforeAll(async () => {
  app = await openTestApp();
  dir = makeTempDir('dossier-tokens-');
});
afterAll(async () => {
  await app.close();
  removeDir(dir);
});

/** Letters no page furniture uses, so the token can be picked out of the page text whole. */
const ALPHABET = 'əğışçöüабвгджзик';
const token = (length: number): string => Array.from({ length }, (_unused, i) => ALPHABET[(i * 7 + (i >> 4)) % ALPHABET.length]).join('');
const only = (text: string): string => [...text].filter((char) => ALPHABET.includes(char)).join('');

it('renders a report with a 100,000-character token in a paragraph and a 450-character heading, keeping every character', async () => {
  const long = token(100_000);
  const heading = token(450);
  const report = makeReport({ sections: [{ id: 's', heading, blocks: [{ kind: 'paragraph', content: [{ kind: 'text', text: `Before ${long} after.` }] }] }] });
  const rendered = await app.call('reports:render', { report });
  expect(rendered.pageCount).toBeGreaterThan(1);
  const text = readPdf(dir, 'tokens.pdf', Buffer.from(rendered.pdfBase64, 'base64')).rawText;
  expect(only(text)).toBe(heading + long);
}, 60_000);

it('leaves ordinary words and URLs of up to 200 characters alone', async () => {
  const url = `https://example.org/${'a'.repeat(150)}`;
  const report = makeReport({ sections: [{ id: 's', heading: 'Links', blocks: [{ kind: 'paragraph', content: [{ kind: 'text', text: `See ${url} for details.` }] }] }] });
  const rendered = await app.call('reports:render', { report });
  const raw = readPdf(dir, 'url.pdf', Buffer.from(rendered.pdfBase64, 'base64')).text;
  expect(raw).not.toContain('\u200B');
});
