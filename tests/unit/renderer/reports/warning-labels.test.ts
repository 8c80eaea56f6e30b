import { describe, expect, it } from 'vitest';
import { actionHints, actionLabels, decisionLabels, pluralWarnings, warningLabel } from '../../../../renderer/src/reports/warning-labels';
import { figureIssueSchema, warningActionSchema, warningKindSchema } from '../../../../electron/shared/contract/reports';

describe('warning labels', () => {
  it('labels a figure by its first issue, the most pressing as the core orders them', () => {
    expect(warningLabel({ kind: 'figure', issues: ['superseded', 'old'] })).toBe('Newer figure');
    expect(warningLabel({ kind: 'figure', issues: ['newer-figure'] })).toBe('Newer figure');
    expect(warningLabel({ kind: 'figure', issues: ['conflict', 'no-quote'] })).toBe('Sources disagree');
    expect(warningLabel({ kind: 'figure', issues: ['old', 'no-source'] })).toBe('Old figure');
    expect(warningLabel({ kind: 'figure', issues: ['no-source', 'no-quote'] })).toBe('No source');
    expect(warningLabel({ kind: 'figure', issues: ['no-quote'] })).toBe('No quote');
  });

  it('labels other entries by what they are about, whatever their issues', () => {
    expect(warningLabel({ kind: 'missing-fact', issues: [] })).toBe('Deleted fact');
    expect(warningLabel({ kind: 'missing-chart', issues: [] })).toBe('Deleted chart');
    expect(warningLabel({ kind: 'chart-no-alt', issues: [] })).toBe('No alt text');
    expect(warningLabel({ kind: 'empty-section', issues: ['conflict'] })).toBe('Empty section');
    expect(warningLabel({ kind: 'template-prompt', issues: [] })).toBe('Template prompt');
    expect(warningLabel({ kind: 'unsourced-figure', issues: [] })).toBe('Unsourced figure');
  });

  it('has a distinct, non-empty label for every kind and every figure issue in the contract', () => {
    const kinds = warningKindSchema.options.filter((kind) => kind !== 'figure').map((kind) => warningLabel({ kind, issues: [] }));
    const issues = figureIssueSchema.options.map((issue) => warningLabel({ kind: 'figure', issues: [issue] }));
    for (const label of [...kinds, ...issues]) expect(label.trim()).not.toBe('');
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(new Set(issues).size).toBe(issues.length - 1); // superseded and newer-figure share "Newer figure"
  });

  it('has a label and a hint for every action', () => {
    for (const action of warningActionSchema.options) {
      expect(actionLabels[action]).toBeTruthy();
      expect(actionHints[action]).toBeTruthy();
    }
    expect(decisionLabels).toEqual({ 'cite-both': 'Both cited', 'not-comparable': 'Not comparable', dismissed: 'Dismissed' });
  });

  it('counts warnings in words', () => {
    expect(pluralWarnings(0)).toBe('0 warnings');
    expect(pluralWarnings(1)).toBe('1 warning');
    expect(pluralWarnings(2)).toBe('2 warnings');
  });
});
