import { describe, expect, it } from 'vitest';
import type { Chart, Fact, Report, Source } from '../../electron/shared/entities';
import { reportWarnings } from '../../electron/core/reports/warnings';
import { makeChart, makeFact, makeReport, makeSource } from '../helpers/entities';

const source: Source = makeSource({ id: 'src', type: 'report', title: 'S', outlet: 'O', published: '2025-01', text: 'q' });
const fact = (id: string, overrides: Partial<Fact> = {}): Fact => makeFact({ id, sourceId: 'src', statement: id, asOf: '2025-12', quote: 'q', quoteStart: 0, ...overrides });
const chart: Chart = makeChart({ id: 'chart-1', title: 'Casualties', factIds: ['ok'] });

const report = (factIds: string[], chartIds: string[] = []): Report =>
  makeReport({
    id: 'r',
    date: '2026-02-01',
    sections: [{ id: 'sec-1', heading: 'H', blocks: [{ kind: 'paragraph', content: factIds.map((factId) => ({ kind: 'fact' as const, factId })) }, ...chartIds.map((chartId) => ({ kind: 'chart' as const, chartId, width: 'full' as const }))] }],
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
