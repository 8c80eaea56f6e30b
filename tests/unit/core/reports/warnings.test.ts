import { describe, expect, it } from 'vitest';
import type { Chart, Fact, Indicator, Report, Source } from '../../../../electron/shared/entities';
import { reportWarnings, type WarningLookups } from '../../../../electron/core/reports/warnings';
import { makeChart, makeFact, makeReport, makeSource } from '../../../helpers/entities';

const sources = new Map<string, Source>([
  ['embassy', makeSource({ id: 'embassy', type: 'press-release', title: 'Press release of the Embassy in Dushanbe', published: null })],
  ['mine-action', makeSource({ id: 'mine-action', type: 'webpage', title: 'Mine action as a humanitarian challenge', published: null })],
  ['tni', makeSource({ id: 'tni', title: 'The National Interest writes', outlet: 'AzerNews', published: '2025-12-24' })],
  ['enveroglu', makeSource({ id: 'enveroglu', title: 'Mine threat stays on the agenda', published: '2023-05-27' })],
]);
const indicators: Indicator[] = [
  { key: 'casualties', label: 'Mine casualties since the November 2020 ceasefire', unit: 'people' },
  { key: 'foreign-share', label: 'Foreign assistance as a share of demining resources', unit: '%' },
];
const fact = (id: string, sourceId: string, value: number | null, unit: string | null, asOf: string | null, over: Partial<Fact> = {}): Fact =>
  makeFact({ id, sourceId, statement: `Statement of ${id}`, value, unit, asOf, quote: 'quoted', quoteStart: 0, indicator: value === null ? null : unit === '%' ? 'foreign-share' : 'casualties', ...over });

const library = new Map<string, Fact>(
  [
    fact('c302', 'enveroglu', 302, 'people', '2023-05'),
    fact('c388', 'tni', 388, 'people', '2025-12'),
    fact('c409', 'embassy', 409, 'people', null, { supersededBy: 'c415' }),
    fact('c415', 'mine-action', 415, 'people', '2025-12-31'),
    fact('f48', 'embassy', 4.8, '%', null),
    fact('f49', 'mine-action', 4.9, '%', null),
    fact('unquoted', 'mine-action', null, null, null, { quote: '', quoteStart: null, statement: 'ANAMA is the primary body in charge of demining.' }),
    fact('orphan', 'gone', null, null, null, { statement: 'A claim whose source was deleted.' }),
  ].map((item) => [item.id, item]),
);
const charts = new Map<string, Chart>([
  ['series', makeChart({ id: 'series', title: 'Casualties', factIds: ['c302', 'c388', 'c415'], altText: 'Line chart' })],
  ['bare', makeChart({ id: 'bare', title: 'Funding', factIds: ['f49'] })],
]);
const lookups: WarningLookups = {
  fact: (id) => library.get(id),
  source: (id) => sources.get(id),
  indicator: (key) => indicators.find((indicator) => indicator.key === key),
  figuresOf: (key) => [...library.values()].filter((item) => item.indicator === key && item.value !== null && !item.supersededBy),
  chart: (id) => charts.get(id),
};

const cite = (...ids: string[]) => ids.map((factId) => ({ kind: 'fact' as const, factId }));
const paragraph = (...content: Report['sections'][number]['blocks'][number][]) => content;
const report = (blocks: Report['sections'][number]['blocks'], over: Partial<Report> = {}): Report =>
  makeReport({ date: '2026-02-15', staleAfterMonths: 24, sections: [{ id: 'sec-1', heading: 'The need in figures', blocks }], ...over });
const warningsOf = (target: Report) => reportWarnings(target, lookups);

describe('report warnings: one entry per cited fact, in figures', () => {
  it('a superseded figure names itself, its source and date, and the newer figure; once, however often it is cited', () => {
    const warnings = warningsOf(report([{ kind: 'paragraph', content: [...cite('c409'), { kind: 'text', text: ' and again ' }, ...cite('c409')] }, { kind: 'key-figures', items: [{ factId: 'c409', label: 'casualties' }] }]));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      kind: 'figure',
      factId: 'c409',
      otherFactId: 'c415',
      issues: ['superseded'],
      actions: ['use-newer', 'cite-both', 'not-comparable', 'dismiss'],
      decision: null,
    });
    expect(warnings[0]!.message.replace(/\u00A0/g, ' ')).toBe(
      '409 people (Press release of the Embassy in Dushanbe, undated) — newer figure: 415 people as of 31 Dec 2025 (Mine action as a humanitarian challenge)',
    );
  });

  it('an older point of a series gets the newer figure, unless the report cites the newer one too', () => {
    const alone = warningsOf(report([{ kind: 'paragraph', content: cite('c302') }]));
    expect(alone.map((warning) => [warning.issues, warning.otherFactId])).toEqual([[['newer-figure', 'old'], 'c415']]);
    expect(alone[0]!.message).toMatch(/^302\speople \(Mine threat stays on the agenda, May 2023\) — newer figure: 415\speople as of 31 Dec 2025/);
    expect(warningsOf(report([{ kind: 'paragraph', content: cite('c302', 'c388', 'c415') }]))).toEqual([]);
  });

  it('a series chart is a series: its points raise nothing', () => {
    expect(warningsOf(report([{ kind: 'chart', chartId: 'series', width: 'full' }]))).toEqual([]);
  });

  it('two undated figures that differ are a conflict, named with the other figure; no “use newer”', () => {
    const [warning] = warningsOf(report([{ kind: 'paragraph', content: cite('f49') }]));
    expect(warning).toMatchObject({ issues: ['conflict'], otherFactId: 'f48', severity: 'error', actions: ['cite-both', 'not-comparable', 'dismiss'] });
    expect(warning!.message).toMatch(/^4\.9% \(Mine action as a humanitarian challenge, undated\) — sources disagree for the same period: 4\.8% \(undated, Press release/);
  });

  it('“stale” now means old: a dated figure older than the limit, with its age; an undated one is not called stale', () => {
    // 415 is as of 31 Dec 2025; a report of 15 Feb 2028 is 776 days (25 months) later.
    const [warning] = warningsOf(report([{ kind: 'paragraph', content: cite('c415', 'unquoted') }], { date: '2028-02-15', staleAfterMonths: 24 }));
    expect(warning).toMatchObject({ factId: 'c415', issues: ['old'], actions: ['dismiss'] });
    expect(warning!.message).toContain('25 months older than the report (the limit is 24)');
    // A figure shown with a later one of its series is history on purpose, not old.
    expect(warningsOf(report([{ kind: 'paragraph', content: cite('c302', 'c415') }]))).toEqual([]);
  });

  it('no quote and no source are issues of the same entry; a deleted fact is an error', () => {
    const warnings = warningsOf(report([{ kind: 'paragraph', content: cite('unquoted', 'orphan', 'deleted') }]));
    expect(warnings.map((warning) => [warning.factId, warning.kind, warning.issues, warning.severity])).toEqual([
      ['unquoted', 'figure', ['no-quote'], 'check'],
      ['orphan', 'figure', ['no-source'], 'error'],
      ['deleted', 'missing-fact', [], 'error'],
    ]);
    expect(warnings[0]!.message).toBe('“ANAMA is the primary body in charge of demining.” (Mine action as a humanitarian challenge, undated) — no quote from its source');
  });

  it('a recorded decision answers its warning; a different newer figure reopens it', () => {
    const blocks = [{ kind: 'paragraph' as const, content: cite('c409') }];
    const decided = report(blocks, { figureDecisions: [{ warningKey: 'figure:c409:c415', factId: 'c409', otherFactId: 'c415', decision: 'not-comparable', reason: '', decidedAt: '2026-02-01T00:00:00.000Z' }] });
    expect(warningsOf(decided)[0]!.decision?.decision).toBe('not-comparable');
    const stale = report(blocks, { figureDecisions: [{ warningKey: 'figure:c409:c999', factId: 'c409', otherFactId: 'c999', decision: 'not-comparable', reason: '', decidedAt: '2026-02-01T00:00:00.000Z' }] });
    expect(warningsOf(stale)[0]!.decision).toBeNull();
  });

  it('charts: no alt text once per chart, and a deleted chart; their facts are checked too', () => {
    const warnings = warningsOf(report([{ kind: 'chart', chartId: 'bare', width: 'full' }, { kind: 'chart', chartId: 'bare', width: 'half' }, { kind: 'chart', chartId: 'gone', width: 'full' }]));
    expect(warnings.map((warning) => warning.kind)).toEqual(['figure', 'chart-no-alt', 'missing-chart']);
    expect(warnings[0]).toMatchObject({ factId: 'f49', chartId: 'bare', actions: ['cite-both', 'not-comparable', 'dismiss'] });
  });

  it('nothing is repeated word for word', () => {
    const warnings = warningsOf(report(paragraph({ kind: 'paragraph', content: cite('c409', 'f49', 'c302', 'unquoted', 'c409', 'f49') })));
    expect(new Set(warnings.map((warning) => warning.message)).size).toBe(warnings.length);
    expect(new Set(warnings.map((warning) => warning.key)).size).toBe(warnings.length);
  });
});
