import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChartModel } from '../../electron/core/charts/chart-model';
import { plannedChartSize } from '../../electron/core/export/export-report';
import { openTestApp, type TestApp } from '../helpers/open-test-app';

/**
 * Issue 12: the preview sized charts by its own copy of the page rule (A4 only, its own bar
 * count, an extra minimum), so a chart could wrap its labels differently in the preview than on
 * paper. Now the preview asks charts:render to size the chart as the page will, from the chart's
 * own model, by the one rule the export uses (shared/domain/chart-frame.ts).
 */
let app: TestApp;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app.close());

describe('a chart preview is the size the PDF draws it at', () => {
  it('for every sample chart, on A4 and US Letter, full and half width', async () => {
    const document = app.store.read();
    const facts = new Map(document.facts.map((fact) => [fact.id, fact] as const));
    const sources = new Map(document.sources.map((source) => [source.id, source] as const));
    expect(document.charts.length).toBeGreaterThan(1);
    const widths = new Set<number>();
    for (const chart of document.charts) {
      const model = buildChartModel(chart, { facts, sources });
      for (const pageSize of ['A4', 'LETTER'] as const) {
        for (const column of ['full', 'half'] as const) {
          const preview = await app.call('charts:render', { chart, fit: { pageSize, column }, citationNumbers: {} });
          const printed = plannedChartSize(pageSize, column, model);
          expect({ width: preview.width, height: preview.height }, `${chart.id} ${pageSize} ${column}`).toEqual(printed);
          expect(preview.svg).toContain(`width="${printed.width}"`);
          widths.add(preview.width);
        }
      }
    }
    // A4 and Letter columns differ: a preview that assumed A4 would be wrong on Letter.
    expect(widths.size).toBe(4);
  });

  it('grows a horizontal bar chart with the bars its model draws, as the page does', async () => {
    const document = app.store.read();
    const factIds = document.facts.filter((fact) => fact.value !== null).slice(0, 5).map((fact) => fact.id);
    const chart = await app.call('charts:create', { type: 'bar-horizontal', factIds, title: 'Five figures' });
    const two = await app.call('charts:render', { chart: { ...chart, factIds: factIds.slice(0, 2) }, fit: { pageSize: 'A4', column: 'full' }, citationNumbers: {} });
    const five = await app.call('charts:render', { chart, fit: { pageSize: 'A4', column: 'full' }, citationNumbers: {} });
    expect(two.height).toBeLessThan(five.height);
    expect(two.width).toBe(five.width);
  });
});
