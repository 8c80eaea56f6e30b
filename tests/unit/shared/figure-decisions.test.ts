import { describe, expect, it } from 'vitest';
import { applyWarningAction, openWarnings, reopenWarning } from '../../../electron/shared/figure-decisions';
import { reportSchema, type Report } from '../../../electron/shared/entities';
import type { ReportWarning } from '../../../electron/shared/contract/reports';
import { makeReport } from '../../helpers/entities';

const NOW = '2026-02-16T09:00:00.000Z';
const report: Report = makeReport({
  sections: [
    { id: 'sec-key', heading: 'Key figures', blocks: [{ kind: 'key-figures', items: [{ factId: 'c409', label: 'casualties since 2020' }] }] },
    {
      id: 'sec-need',
      heading: 'The need',
      blocks: [
        { kind: 'paragraph', content: [{ kind: 'text', text: 'Mines caused ' }, { kind: 'fact', factId: 'c409' }, { kind: 'text', text: ' casualties.' }] },
        { kind: 'list', ordered: false, items: [[{ kind: 'fact', factId: 'c409' }]] },
      ],
    },
  ],
});
const superseded = { key: 'figure:c409:c415', factId: 'c409', otherFactId: 'c415', issues: ['superseded'] as ReportWarning['issues'] };
const factIdsIn = (target: Report) => JSON.stringify(target.sections).match(/"factId":"[^"]+"/g);

describe('answering a warning', () => {
  it('“use the newer figure” replaces every reference in text, lists and key figures, and keeps labels', () => {
    const done = applyWarningAction(report, superseded, 'use-newer', { now: NOW });
    expect(factIdsIn(done)).toEqual(['"factId":"c415"', '"factId":"c415"', '"factId":"c415"']);
    expect(done.sections[0]!.blocks[0]).toEqual({ kind: 'key-figures', items: [{ factId: 'c415', label: 'casualties since 2020' }] });
    expect(done.figureDecisions).toEqual([]);
    expect(report.sections[1]!.blocks[0]).toMatchObject({ content: [{}, { factId: 'c409' }, {}] }); // the original is untouched
  });

  it('“keep and cite both” cites the other figure beside the first citation once, and records the decision', () => {
    const done = applyWarningAction(report, superseded, 'cite-both', { now: NOW });
    expect(done.sections[0]!.blocks[0]).toEqual({ kind: 'key-figures', items: [{ factId: 'c409', label: 'casualties since 2020' }, { factId: 'c415', label: 'casualties since 2020' }] });
    expect(done.sections[1]).toEqual(report.sections[1]);
    // Said of the pair: it answers the other figure's entry too.
    expect(done.figureDecisions).toEqual([
      { warningKey: 'figure:c409:c415', factId: 'c409', otherFactId: 'c415', decision: 'cite-both', reason: '', decidedAt: NOW },
      { warningKey: 'figure:c415:c409', factId: 'c415', otherFactId: 'c409', decision: 'cite-both', reason: '', decidedAt: NOW },
    ]);
    expect(reportSchema.parse(done).figureDecisions).toHaveLength(2);
    // Citing in prose, for a conflict: "… (another source: 4.8%)".
    const prose = makeReport({ sections: [report.sections[1]!] });
    const both = applyWarningAction(prose, { ...superseded, issues: ['conflict'] }, 'cite-both', { now: NOW });
    expect(both.sections[0]!.blocks[0]).toEqual({
      kind: 'paragraph',
      content: [{ kind: 'text', text: 'Mines caused ' }, { kind: 'fact', factId: 'c409' }, { kind: 'text', text: ' (another source: ' }, { kind: 'fact', factId: 'c415' }, { kind: 'text', text: ')' }, { kind: 'text', text: ' casualties.' }],
    });
    // Already cited: nothing more is inserted.
    expect(applyWarningAction(both, superseded, 'cite-both', { now: NOW }).sections).toEqual(both.sections);
  });

  it('“not comparable” records the pair; a dismissal needs a reason and keeps it', () => {
    expect(applyWarningAction(report, superseded, 'not-comparable', { now: NOW }).figureDecisions[0]).toMatchObject({ decision: 'not-comparable', otherFactId: 'c415' });
    expect(() => applyWarningAction(report, superseded, 'dismiss', { reason: '  ', now: NOW })).toThrow(/reason/);
    const dismissed = applyWarningAction(report, superseded, 'dismiss', { reason: ' Quoted as the Embassy said it. ', now: NOW });
    expect(dismissed.figureDecisions).toEqual([{ warningKey: 'figure:c409:c415', factId: 'c409', otherFactId: 'c415', decision: 'dismissed', reason: 'Quoted as the Embassy said it.', decidedAt: NOW }]);
    expect(dismissed.sections).toBe(report.sections);
  });

  it('one decision per warning: a new answer replaces the old; reopening removes it', () => {
    const first = applyWarningAction(report, superseded, 'not-comparable', { now: NOW });
    const second = applyWarningAction(first, superseded, 'dismiss', { reason: 'Checked with ANAMA.', now: NOW });
    expect(second.figureDecisions.map((decision) => [decision.warningKey, decision.decision])).toEqual([
      ['figure:c415:c409', 'not-comparable'],
      ['figure:c409:c415', 'dismissed'],
    ]);
    expect(reopenWarning(second, 'figure:c409:c415').figureDecisions.map((decision) => decision.warningKey)).toEqual(['figure:c415:c409']);
  });

  it('the schema refuses a dismissal without a reason and a pair decision without the other figure', () => {
    const bad = (decision: object) => reportSchema.safeParse({ ...report, figureDecisions: [{ warningKey: 'k', factId: 'c409', otherFactId: null, reason: '', decidedAt: NOW, ...decision }] }).success;
    expect(bad({ decision: 'dismissed' })).toBe(false);
    expect(bad({ decision: 'cite-both' })).toBe(false);
    expect(bad({ decision: 'dismissed', reason: 'ok' })).toBe(true);
    // A report stored before issue 11 has no decisions and stays valid.
    const { figureDecisions: _omitted, ...old } = report;
    expect(reportSchema.parse(old).figureDecisions).toEqual([]);
  });

  it('only open warnings count', () => {
    const open = { decision: null } as ReportWarning;
    const decided = { decision: { decision: 'cite-both' } } as ReportWarning;
    expect(openWarnings([open, decided, open])).toHaveLength(2);
  });
});
