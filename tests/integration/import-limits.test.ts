import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../electron/shared/contract';
import { figuresShownNote } from '../../electron/shared/figures-shown';
import { MAX_PROPOSED_FIGURES } from '../../electron/core/library/import-limits';
import { deeplyNestedImports, hostileImports } from '../fixtures/imports/hostile-imports';
import { openTestApp, type TestApp } from '../helpers/open-test-app';

/**
 * Issue 13 §5: each of these took 7-52 s (and up to 2.1 GiB) in `import:propose` before
 * extraction was made linear, freezing the one-threaded server. The timeout turns a regression
 * into a failure instead of a hung run; no timing is asserted otherwise.
 */
const TIMEOUT = 20_000;

let app: TestApp;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app.close());

describe('import:propose on hostile documents', () => {
  for (const input of hostileImports()) {
    it(`${input.name}: proposes a bounded list or refuses with INVALID_INPUT`, { timeout: TIMEOUT }, async () => {
      const result = await app.dispatch('import:propose', { fileName: input.fileName, content: input.content });
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_INPUT');
        expect(result.error.message).toMatch(/limit/);
        return;
      }
      const proposal = result.value as ChannelOutput<'import:propose'>;
      const { candidates, figuresFound } = proposal;
      expect(candidates.length).toBeLessThanOrEqual(MAX_PROPOSED_FIGURES);
      expect(figuresFound).toBeGreaterThanOrEqual(candidates.length);
      for (const candidate of candidates) {
        // Every quote stands in the source text where it says it does, and fits in a fact.
        expect(proposal.source.text.slice(candidate.quoteStart, candidate.quoteStart + candidate.quote.length)).toBe(candidate.quote);
        expect(candidate.quote.length).toBeLessThanOrEqual(20_000);
      }
    });
  }

  it('(a) proposes the first figures of the 80 KB sentence and counts them all', { timeout: TIMEOUT }, async () => {
    const input = hostileImports()[0]!;
    const proposal = await app.call('import:propose', { fileName: input.fileName, content: input.content });
    expect(proposal.figuresFound).toBe(40_000);
    expect(proposal.candidates).toHaveLength(MAX_PROPOSED_FIGURES);
    expect(proposal.candidates.every((candidate) => candidate.value === 7)).toBe(true);
    expect(figuresShownNote(proposal.candidates.length, proposal.figuresFound)).toBe('showing the first 1,000 of 40,000 figures');
  });

  it('(d) proposes the first figures of the 2 MB text in reading order and counts them all', { timeout: TIMEOUT }, async () => {
    const input = hostileImports()[3]!;
    const proposal = await app.call('import:propose', { fileName: input.fileName, content: input.content });
    expect(proposal.figuresFound).toBe(100_000);
    expect(proposal.candidates.map((candidate) => candidate.value).slice(0, 3)).toEqual([10_000, 10_001, 10_002]);
    expect(proposal.candidates[0]?.unit).toBe('hectares');
  });

  for (const input of deeplyNestedImports()) {
    it(`${input.name}: refused with INVALID_INPUT naming the limit`, { timeout: TIMEOUT }, async () => {
      const error = await app.fail('import:propose', { fileName: input.fileName, content: input.content });
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toMatch(/the limit is \d+/);
    });
  }
});
