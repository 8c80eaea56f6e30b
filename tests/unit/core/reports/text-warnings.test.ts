import { describe, expect, it } from 'vitest';
import type { Report } from '../../../../electron/shared/entities';
import { textWarnings, unsourcedFigures } from '../../../../electron/core/reports/text-warnings';
import { makeReport } from '../../../helpers/entities';

type Blocks = Report['sections'][number]['blocks'];
const report = (...sections: [string, Blocks][]): Report => makeReport({ sections: sections.map(([heading, blocks], index) => ({ id: `sec-${index}`, heading, blocks })) });
const text = (value: string) => ({ kind: 'paragraph' as const, content: [{ kind: 'text' as const, text: value }] });
const summary = (target: Report) => textWarnings(target).map((warning) => `${warning.kind}:${warning.sectionId}`);

describe('text warnings', () => {
  it('an empty section, with or without its prompt, is one entry', () => {
    const target = report(['The gap', [{ kind: 'guidance', text: 'What remains, and what happens if it is not funded.' }, { kind: 'paragraph', content: [] }]], ['Budget', [text('   ')]]);
    expect(summary(target)).toEqual(['empty-section:sec-0', 'empty-section:sec-1']);
    expect(textWarnings(target)[0]!.message).toBe('“The gap” is empty: only the template’s prompt is there. Write it, or delete the section.');
  });

  it('a prompt left above written text, or placeholder text, is an unfinished template prompt', () => {
    const target = report(
      ['The ask', [{ kind: 'guidance', text: 'State the amount and currency.' }, text('We ask donors for direct contributions.')]],
      ['Budget', [text('Clearance: [amount] over two years.')]],
      ['Results', [text('Indicator, baseline, target, means of verification.')]],
    );
    expect(summary(target)).toEqual(['template-prompt:sec-0', 'template-prompt:sec-1', 'template-prompt:sec-2']);
    expect(textWarnings(target)[0]!.message).toBe('“The ask” still has the template’s prompt: “State the amount and currency.”');
    expect(textWarnings(target)[1]!.message).toBe('“Budget” still has placeholder text: “[amount]”');
  });

  it('a finished section with cited facts raises nothing', () => {
    expect(textWarnings(report(['Purpose', [{ kind: 'paragraph', content: [{ kind: 'text', text: 'Foreign assistance is ' }, { kind: 'fact', factId: 'f' }, { kind: 'text', text: ' of resources.' }] }]]))).toEqual([]);
  });

  it('figures typed into the prose are unsourced; years, ordinals, days of a month and words are not', () => {
    expect(unsourcedFigures('We ask for USD 12 million over two years; 85.8% of land, 12,450 hectares and €3.5 billion.')).toEqual(['USD 12 million', '85.8%', '12,450 hectares', '€3.5 billion']);
    expect(unsourcedFigures('Since the end of the war in 2020, the 18th SDG; the conference of 24 May 2023 and May 25; three decades; COVID-19.')).toEqual([]);
    const target = report(['Appeal at a glance', [text('We ask for USD 12 million, then USD 12 million again.')]]);
    expect(textWarnings(target).map((warning) => [warning.kind, warning.actions])).toEqual([['unsourced-figure', ['dismiss']]]);
  });
});
