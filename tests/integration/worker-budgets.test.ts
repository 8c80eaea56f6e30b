import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../../electron/shared/entities';
import { openTestApp, type TestApp } from '../helpers/open-test-app';

/**
 * Issue 13 §5: exports, previews and imports run on worker threads within a time and memory
 * budget, so the API keeps answering while they run, and work over budget fails with TOO_LARGE
 * instead of stopping the app.
 */

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

const WORDS = 'Mine clearance in the Karabakh economic region continues across farmland, roads and villages, with survey teams recording each cleared hectare.';

/** A report of `sections` sections of long prose: about four pages per section. */
const longReport = async (target: TestApp, sections: number): Promise<Report> => {
  const report = await target.call('reports:create', { template: 'briefing-note', title: 'A long report' });
  const paragraph = Array.from({ length: 12 }, () => WORDS).join(' ');
  return {
    ...report,
    sections: Array.from({ length: sections }, (_, index) => ({
      id: `long-${index}`,
      heading: `Section ${index + 1}`,
      blocks: Array.from({ length: 10 }, () => ({ kind: 'paragraph' as const, content: [{ kind: 'text' as const, text: paragraph }] })),
    })),
  };
};

/** 2 MB of prose with a figure in every sentence. */
const hugeImport = (): string => Array.from({ length: 20_000 }, (_, index) => `In district ${index} the teams cleared ${index + 12}.5 hectares of land in 2024 and found 3 devices.`).join(' ');

describe('work off the request path (issue 13 §5)', () => {
  it('answers status, search and a save while a long export is still running', async () => {
    app = await openTestApp();
    const report = await longReport(app, 25);
    const order: string[] = [];
    const exporting = app.call('reports:render', { report, options: {} }).then((rendered) => {
      order.push('export');
      return rendered;
    });
    // Each answer must come back while the export is still being laid out on its thread.
    await app.call('app:status').then(() => order.push('status'));
    await app.call('facts:search', { query: 'hectares' }).then(() => order.push('search'));
    const saved = await app.call('reports:save', { report: { ...report, title: 'Saved during the export' } });
    order.push('save');
    const rendered = await exporting;
    expect(order).toEqual(['status', 'search', 'save', 'export']);
    expect(saved.title).toBe('Saved during the export');
    expect(rendered.pageCount).toBeGreaterThan(40);
  });

  it('stops an export over its time budget with TOO_LARGE, then exports again on a fresh thread', async () => {
    // Room for a small export on a cold thread; far too little for some 800 pages.
    app = await openTestApp({ budgets: { export: { timeMs: 5000, memoryMb: 2048 } } });
    const report = await longReport(app, 200);
    const error = await app.fail('reports:render', { report, options: {} });
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toMatch(/^Laying out this report took longer than 5\.0 s and was stopped/);
    expect(error.message).toMatch(/nothing was changed/);
    // The library and the next, small export are unaffected.
    const small = await app.call('reports:create', { template: 'briefing-note', title: 'Small' });
    const stillWorks = await openTestAppBudgetless(app, small);
    expect(stillWorks).toBeGreaterThan(0);
  });

  it('stops an export over its memory budget with TOO_LARGE and a message that says memory', async () => {
    app = await openTestApp({ budgets: { export: { timeMs: 120_000, memoryMb: 24 } } });
    const report = await longReport(app, 30);
    const error = await app.fail('reports:render', { report, options: {} });
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toMatch(/more than 24 MB of memory/);
    expect((await app.call('app:status')).store.state).toBe('ready');
  });

  it('stops an import over its time budget with TOO_LARGE, and the library keeps answering meanwhile', async () => {
    app = await openTestApp({ budgets: { import: { timeMs: 300, memoryMb: 1024 } } });
    const before = (await app.call('app:status')).counts;
    const failing = app.fail('import:propose', { fileName: 'huge.txt', content: hugeImport() });
    await app.call('app:status');
    const error = await failing;
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toMatch(/^Reading this file took longer than/);
    expect((await app.call('app:status')).counts).toEqual(before);
    // A normal file imports on the fresh thread.
    const proposal = await app.call('import:propose', { fileName: 'small.txt', content: 'Teams cleared 1,250 hectares in 2024.' });
    expect(proposal.candidates.map((candidate) => candidate.value)).toContain(1250);
  });
});

/** Renders a small report on the same app: the lane must have replaced its stopped thread. */
const openTestAppBudgetless = async (target: TestApp, report: Report): Promise<number> => {
  const rendered = await target.call('reports:render', { report, options: {} });
  return rendered.pageCount;
};
