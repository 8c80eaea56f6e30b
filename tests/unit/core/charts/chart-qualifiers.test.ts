import { describe, expect, it } from 'vitest';
import { buildChartModel, type ChartFact, type ChartSource } from '../../../../electron/core/charts/chart-model';
import { chartSchema, type Chart } from '../../../../electron/shared/entities';

/** Issue 11 §3: a chart never states more than its source — "more than 13.4%" stays qualified. */

const now = '2026-01-01T00:00:00.000Z';
const chart = (overrides: Partial<Chart> & Pick<Chart, 'type' | 'factIds'>): Chart =>
  chartSchema.parse({ id: 'c1', title: 'Contaminated share', createdAt: now, updatedAt: now, ...overrides });
const sources: ChartSource[] = [{ id: 's', outlet: 'Mine Action Review', published: '2025-12-31' }];
const facts: ChartFact[] = [
  { id: 'share', sourceId: 's', statement: 'share', value: 13.4, unit: '%', asOf: '2025', indicator: 'share', qualifier: 'more than' },
  { id: 'plain', sourceId: 's', statement: 'plain', value: 4.9, unit: '%', asOf: '2025', indicator: 'foreign', qualifier: null },
];
const seen = (text: string): string => text.replace(/[\u00A0\u202F]/g, ' ');

describe('qualified figures in charts', () => {
  it('keep their qualifier in the drafted alt text and in a note under a bar chart', () => {
    const model = buildChartModel(chart({ type: 'bar-horizontal', factIds: ['share', 'plain'], options: { labels: { share: 'Contaminated', plain: 'Foreign' } } }), { facts, sources });
    expect(seen(model.draftedAltText)).toContain('Contaminated (more than 13.4%');
    expect(seen(model.draftedAltText)).toContain('Foreign (4.9%');
    expect(model.notes.map(seen)).toContain('As the sources put it: Contaminated, more than 13.4%.');
  });

  it('flip a bound in a complement: 100 − (more than 13.4) is less than 86.6', () => {
    const model = buildChartModel(
      chart({ type: 'donut', factIds: ['share'], options: { derived: { kind: 'complement', of: 'share', total: 100, label: 'Rest' }, labels: { share: 'Contaminated' } } }),
      { facts, sources },
    );
    expect(model.points.find((p) => p.category === 'Rest')?.qualifier).toBe('less than');
  });

  it('print the qualifier in a big number’s alt text, without a note', () => {
    const model = buildChartModel(chart({ type: 'big-number', factIds: ['share'] }), { facts, sources });
    expect(seen(model.draftedAltText)).toContain('more than 13.4%');
    expect(model.notes.join(' ')).not.toContain('As the sources put it');
  });
});
