import { describe, expect, it } from 'vitest';
import type { Chart, Fact, Report, Source } from '../../electron/shared/entities';
import { reportWarnings } from '../../electron/core/reports/warnings';

const stamp = '2026-01-01T00:00:00.000Z';
const source: Source = { id: 'src', type: 'report', title: 'S', outlet: 'O', via: null, authors: [], published: '2025-01', language: 'en', url: null, text: 'q', origin: null, note: '', createdAt: stamp, updatedAt: stamp };
const fact = (id: string, overrides: Partial<Fact> = {}): Fact => ({
  id, sourceId: 'src', statement: id, value: 1, unit: null, asOf: '2025-12', quote: 'q', quoteStart: 0, tags: [], indicator: null, supersededBy: null, note: '', createdAt: stamp, updatedAt: stamp, ...overrides,
});
const chart: Chart = { id: 'chart-1', type: 'bar-vertical', title: 'Casualties', subtitle: '', factIds: ['ok'], indicator: null, options: {}, altText: '', caption: '', createdAt: stamp, updatedAt: stamp };

const report = (factIds: string[], chartIds: string[] = []): Report => ({
  id: 'r', template: 'briefing-note', title: 'T', subtitle: '', recipient: '', author: '', date: '2026-02-01', language: 'en', marking: 'OFFICIAL', reference: '', fields: {},
  citationStyle: 'chicago', pageSize: 'A4', tableOfContents: false, evidenceAnnex: false, staleAfterMonths: 24,
  sections: [{ id: 'sec-1', heading: 'H', blocks: [{ kind: 'paragraph', content: factIds.map((factId) => ({ kind: 'fact' as const, factId })) }, ...chartIds.map((chartId) => ({ kind: 'chart' as const, chartId, width: 'full' as const }))] }],
  createdAt: stamp, updatedAt: stamp,
});

const facts = new Map<string, Fact>([
  ['ok', fact('ok')],
  ['old', fact('old', { asOf: '2020-01' })],
  ['undated', fact('undated', { asOf: null, sourceId: 'nosource' })],
  ['replaced', fact('replaced', { supersededBy: 'ok' })],
  ['unquoted', fact('unquoted', { quote: '', quoteStart: null })],
  ['disputed', fact('disputed')],
]);
const lookups = {
  fact: (id: string) => facts.get(id),
  source: (id: string) => (id === 'src' ? source : undefined),
  chart: (id: string) => (id === chart.id ? chart : undefined),
  isInConflict: (id: string) => id === 'disputed',
};
const kinds = (factIds: string[], chartIds: string[] = []) => reportWarnings(report(factIds, chartIds), lookups).map((warning) => `${warning.kind}:${warning.factId ?? warning.chartId}`);

describe('report warnings', () => {
  it('a current, quoted, sourced, undisputed fact raises nothing', () => {
    expect(kinds(['ok', 'ok'])).toEqual([]);
  });

  it.each([
    ['old', 'stale:old'],
    ['undated', 'stale:undated'],
    ['undated', 'no-source:undated'],
    ['replaced', 'superseded:replaced'],
    ['unquoted', 'no-quote:unquoted'],
    ['disputed', 'conflict:disputed'],
    ['deleted', 'missing-fact:deleted'],
  ])('%s raises %s', (factId, expected) => {
    expect(kinds([factId])).toContain(expected);
  });

  it('charts without alt text, and deleted charts, are listed with their section', () => {
    const warnings = reportWarnings(report([], ['chart-1', 'chart-gone']), lookups);
    expect(warnings.map((warning) => warning.kind)).toEqual(['chart-no-alt', 'missing-chart']);
    expect(warnings.every((warning) => warning.sectionId === 'sec-1')).toBe(true);
  });
});
