import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chart, Report } from '../../electron/shared/entities';
import { openTestApp, type TestApp } from '../helpers/open-test-app';
import { readPdf } from '../helpers/pdf-text';
import { makeTempDir, removeDir } from '../helpers/temp-dir';
import { revisionOf } from '../helpers/revisions';

let app: TestApp;
let dir: string;
beforeAll(async () => {
  app = await openTestApp();
  dir = makeTempDir('dossier-charts-');
});
afterAll(() => {
  app.close();
  removeDir(dir);
});

const types: Chart['type'][] = ['bar-horizontal', 'bar-vertical', 'bar-grouped', 'bar-stacked', 'line', 'donut', 'big-number'];

const reportWithCharts = async (charts: Chart[]): Promise<Report> => {
  const report = await app.call('reports:create', { template: 'briefing-note', title: 'Charts of every type' });
  return {
    ...report,
    sections: [
      {
        id: 'sec-text',
        heading: 'Context',
        blocks: [{ kind: 'paragraph', content: [{ kind: 'text', text: 'Area: ' }, { kind: 'fact', factId: 'fact-mineaction-contaminated-area-11667' }] }],
      },
      ...charts.map((chart) => ({ id: `sec-${chart.type}`, heading: chart.type, blocks: [{ kind: 'chart' as const, chartId: chart.id, width: 'full' as const }] })),
    ],
  };
};

describe('charts in the PDF', () => {
  it('every type exports as vector drawing with its labels as text and a numbered source line', async () => {
    const charts: Chart[] = [];
    for (const type of types) {
      charts.push(
        type === 'big-number'
          ? await app.call('charts:create', { type, factIds: ['fact-mineaction-casualties-since-2020-415'] })
          : await app.call('charts:create', { type, indicator: 'casualties-since-2020' }),
      );
    }
    const report = await reportWithCharts(charts);
    await app.call('reports:save', { report: { ...report, revision: revisionOf(app, 'reports', report.id) } });
    const rendered = await app.call('reports:render', { report, options: {} });
    const pdf = readPdf(dir, 'charts.pdf', Buffer.from(rendered.pdfBase64, 'base64'));

    // Vector only: no raster image anywhere.
    const images = execFileSync('pdfimages', ['-list', pdf.path], { encoding: 'utf8' }).split('\n').slice(2).filter((row) => row.trim());
    expect(images).toEqual([]);

    const text = pdf.rawText.replace(/[\u00a0\u202f]/g, ' ');
    // Value labels and axis labels extract as text.
    for (const value of ['302', '388', '415']) expect(text).toContain(value);
    expect(text).toMatch(/2023/);
    expect(text).toMatch(/2025/);
    // Figures are numbered in order, and each source line cites the report's notes as [n].
    for (let figure = 1; figure <= types.length; figure += 1) expect(text).toContain(`Figure ${figure}`);
    const sourceLines = text.split('\n').filter((row) => /^Sources?:/.test(row));
    expect(sourceLines.length).toBeGreaterThanOrEqual(types.length);
    const cited = new Set(sourceLines.flatMap((row) => [...row.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]))));
    expect(cited.size).toBeGreaterThan(0);
    expect(Math.min(...cited)).toBeGreaterThan(1); // note 1 is the prose citation before the charts
  });

  it('a chart whose facts were deleted says so instead of failing', async () => {
    const chart = await app.call('charts:create', { type: 'bar-vertical', factIds: ['fact-embassy-foreign-funding-4-8', 'fact-mineaction-foreign-funding-4-9'] });
    await app.call('facts:delete', { id: 'fact-embassy-foreign-funding-4-8' });
    const svg = await app.call('charts:render', { chart });
    expect(svg.missingFactIds).toEqual(['fact-embassy-foreign-funding-4-8']);
    const report = await reportWithCharts([chart]);
    const rendered = await app.call('reports:render', { report, options: {} });
    expect(rendered.warnings.map((warning) => warning.kind)).toContain('missing-fact');
    expect(readPdf(dir, 'missing.pdf', Buffer.from(rendered.pdfBase64, 'base64')).rawText).toContain('4.9');
  });

  it('renders a chart alone to SVG with drafted alt text and a source line', async () => {
    const chart = await app.call('charts:create', { type: 'line', indicator: 'casualties-since-2020' });
    const render = await app.call('charts:render', { chart, citationNumbers: { 'fact-mineaction-casualties-since-2020-415': 4 } });
    expect(render.svg.startsWith('<svg')).toBe(true);
    expect(render.svg).toContain('415');
    expect(render.draftedAltText).toMatch(/line chart/i);
    expect(render.sourceLine).toContain('[4]');
    expect((await app.fail('charts:create', { type: 'line', indicator: 'no-such-indicator' })).code).toBe('INVALID_INPUT');
  });
});
