import { describe, expect, it } from 'vitest';
import { proposeFacts, proposeFactsUpTo } from '../../../../electron/core/library/extract';
import { MAX_QUOTE_LENGTH } from '../../../../electron/core/library/import-limits';

describe('proposeFactsUpTo', () => {
  it('lists the first figures in reading order and counts them all', () => {
    const text = Array.from({ length: 30 }, (_, index) => `The team cleared ${index + 1} hectares.`).join(' ');
    const proposal = proposeFactsUpTo(text, 10);
    expect(proposal.figuresFound).toBe(30);
    expect(proposal.candidates.map((candidate) => candidate.value)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('quotes a window of an over-long sentence around its figure, cut at spaces', () => {
    const text = `${'word '.repeat(3_000)}exactly 412 landmines ${'word '.repeat(3_000)}end.`;
    const [candidate] = proposeFacts(text);
    expect(candidate?.value).toBe(412);
    expect(candidate?.unit).toBe('landmines');
    expect(candidate!.quote.length).toBeLessThanOrEqual(MAX_QUOTE_LENGTH);
    expect(candidate!.quote).toContain('exactly 412 landmines');
    expect(candidate!.quote).toMatch(/^word .* word$/);
    expect(text.slice(candidate!.quoteStart, candidate!.quoteStart + candidate!.quote.length)).toBe(candidate!.quote);
    expect(candidate!.sentence).toBe(candidate!.quote);
  });

  it('takes no inherited member of its word tables for a unit', () => {
    expect(proposeFacts('The constructor counted 5 constructor toString.').map((candidate) => candidate.unit)).toEqual([null]);
    expect(proposeFacts('A 5-constructor plan.').map((candidate) => candidate.unit)).toEqual([null]);
  });
});
