import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraryPatchesActive, setLibraryPatches } from '../../electron/patches/versions';
import { setRenderCaching } from '../../electron/core/export/render-cache';
import type { Report } from '../../electron/shared/entities';
import { applyRandomEdit, seededRandom } from '../helpers/edit-sequence';
import { openTestApp, type TestApp } from '../helpers/open-test-app';
import { makeTempDir, removeDir } from '../helpers/temp-dir';

/**
 * Every figure printed is the figure stored, however long the process has been running.
 *
 * Issue 11: after a user typed " Qəbələ €" into the sample appeal, the live preview and export
 * printed "Qational resources", "3NN" for 388 and "N5.N%" for 85.8%: charts drawn once were
 * replayed into later documents with the glyph numbers of the first document's font subset. This
 * test keeps one long-lived app (as the server and the Electron main process are) and, after each
 * edit of a seeded random sequence, compares what it renders with:
 * - a render of the same report with every library patch and render cache off (pdfmake, pdfkit
 *   and citeproc-js as published): the same text (pdftotext), and every few steps the same pages
 *   pixel for pixel (pdftoppm);
 * - at sampled steps, a cold render in a fresh process (tests/helpers/cold-render.ts) of the
 *   same library and report: the same bytes.
 * `npm run soak` runs a longer sequence with a new seed (scripts/soak-render.mjs).
 */

const STEPS = Number(process.env.DOSSIER_DIFF_STEPS ?? 200);
const SEED = Number(process.env.DOSSIER_DIFF_SEED ?? 20261204);
const FRESH_EVERY = Number(process.env.DOSSIER_DIFF_FRESH_EVERY ?? 0);
const freshProcessStep = (step: number): boolean =>
  [0, 1, 7, Math.floor(STEPS / 2), STEPS - 1].includes(step) || (FRESH_EVERY > 0 && step % FRESH_EVERY === 0);
const PIXELS_EVERY = Number(process.env.DOSSIER_DIFF_PIXELS_EVERY ?? 25);
const NOW = '2026-03-01T12:00:00Z';

let dir: string;
let app: TestApp;

beforeAll(async () => {
  dir = makeTempDir('dossier-diff-');
  // On this thread: the test switches the library patches and caches here, where the export runs.
  app = await openTestApp({ threads: 'in-process' });
});

afterAll(() => {
  setLibraryPatches(true);
  setRenderCaching(true);
  app.close();
  removeDir(dir);
});

const renderBytes = async (report: Report): Promise<Buffer> => Buffer.from((await app.call('reports:render', { report })).pdfBase64, 'base64');

/** The report rendered with the libraries' own code and nothing reused from earlier renders. */
const renderStock = async (report: Report): Promise<Buffer> => {
  const patches = libraryPatchesActive();
  setLibraryPatches(false);
  setRenderCaching(false);
  try {
    return await renderBytes(report);
  } finally {
    setRenderCaching(true);
    setLibraryPatches(patches);
  }
};

const write = (name: string, bytes: Buffer): string => {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  return file;
};

const textOf = (file: string): string => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

const pagesOf = (file: string, name: string): Buffer[] => {
  execFileSync('pdftoppm', ['-r', '60', '-gray', file, join(dir, name)]);
  return readdirSync(dir)
    .filter((entry) => entry.startsWith(`${name}-`) && entry.endsWith('.pgm'))
    .sort()
    .map((entry) => readFileSync(join(dir, entry)));
};

/** The bytes a fresh process renders for the library as it is now and this report. */
const renderCold = (report: Report, name: string): Buffer => {
  const job = join(dir, `${name}.json`);
  const out = join(dir, `${name}-cold.pdf`);
  writeFileSync(job, JSON.stringify({ document: app.store.read(), report, now: NOW }));
  execFileSync(process.execPath, ['--import', 'tsx', join('tests', 'helpers', 'cold-render.ts'), job, out], { stdio: 'pipe', env: process.env });
  return readFileSync(out);
};

const sampleReport = (id: string): Report => structuredClone(app.store.read().reports.find((report) => report.id === id)!);

describe('a long-lived process prints what a fresh one prints', () => {
  it('the issue 11 case: " Qəbələ €" typed into the sample appeal after a first render, then exported', async () => {
    const report = sampleReport('report-sample-donor-appeal');
    const first = await renderBytes(report); // the preview as the editor opens
    const paragraph = report.sections.find((section) => section.id === 'sec-appeal-at-a-glance')!.blocks.find((block) => block.kind === 'paragraph')!;
    if (paragraph.kind !== 'paragraph') throw new Error('expected a paragraph');
    paragraph.content.push({ kind: 'text', text: ' Qəbələ €' });
    const warm = await renderBytes(report);
    const cold = renderCold(report, 'qebele');
    const warmText = textOf(write('qebele-warm', warm));
    expect(warmText).toContain('Qəbələ €');
    expect(warmText).toBe(textOf(write('qebele-cold', cold)));
    expect(Buffer.compare(warm, cold)).toBe(0);
    expect(Buffer.compare(first, warm)).not.toBe(0);
  }, 120_000);

  it(`${STEPS} seeded edits (seed ${SEED}), each rendered warm and compared`, async () => {
    const random = seededRandom(SEED);
    const store = app.store.read();
    const context = { app, random, factIds: store.facts.map((fact) => fact.id), chartIds: store.charts.map((chart) => chart.id) };
    expect(context.chartIds.length).toBeGreaterThan(0);
    const report = sampleReport('report-sample-briefing-note');
    await renderBytes(report);
    const log: string[] = [];
    let pixelChecks = 0;
    for (let step = 0; step < STEPS; step += 1) {
      log.push(await applyRandomEdit(report, context));
      const where = `step ${step} after: ${log.slice(-3).join(' | ')}`;
      const warm = await renderBytes(report);
      const stock = await renderStock(report);
      const warmFile = write(`s${step}-warm`, warm);
      const stockFile = write(`s${step}-stock`, stock);
      expect(textOf(warmFile), where).toBe(textOf(stockFile));
      if (step % PIXELS_EVERY === PIXELS_EVERY - 1) {
        const warmPages = pagesOf(warmFile, `s${step}-warm`);
        const stockPages = pagesOf(stockFile, `s${step}-stock`);
        expect(warmPages.length, where).toBe(stockPages.length);
        warmPages.forEach((page, i) => expect(Buffer.compare(page, stockPages[i]!), `${where}, page ${i + 1}`).toBe(0));
        pixelChecks += 1;
      }
      if (freshProcessStep(step)) expect(Buffer.compare(warm, renderCold(report, `s${step}`)), where).toBe(0);
    }
    expect(pixelChecks).toBeGreaterThan(0);
    // The sequence did what it is for: text typed, facts cited and uncited, charts changed.
    for (const kind of ['typed', 'cited', 'uncited', 'added chart', 'moved a chart', 'chart ', 'style', 'fact ']) {
      expect(log.some((entry) => entry.startsWith(kind)), kind).toBe(true);
    }
  }, 900_000);
});
