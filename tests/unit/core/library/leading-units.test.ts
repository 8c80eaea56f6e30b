import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadingUnits } from '../../../../electron/core/library/library-state';

describe('leadingUnits (the default order tie-break)', () => {
  it('never orders two statements differently from comparing the strings', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'Ə', 'ş', '\u0000', ' ', 'Z', '\uffff', '4', ','), maxLength: 6 });
    fc.assert(
      fc.property(text, text, (left, right) => {
        const byLead = Math.sign(leadingUnits(left) - leadingUnits(right));
        const byString = left < right ? -1 : left > right ? 1 : 0;
        if (byLead !== 0) expect(byLead).toBe(byString);
        if (left === right) expect(byLead).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });
});
