import { describe, expect, it } from 'vitest';
import { proposeFacts } from '../../../electron/core/library/extract';
import { proposeQualifier, qualifierBefore, saysQualifier } from '../../../electron/shared/qualifiers';

/** Issue 11 §3: a figure's qualifier is read from its quote, kept as data and never printed twice. */

const qualifiersIn = (text: string) => proposeFacts(text).map(({ value, qualifier }) => ({ value, qualifier }));

describe('proposed facts carry the qualifier their sentence gives them', () => {
  it('reads the seed sources’ qualifiers, the words as written', () => {
    expect(qualifiersIn('This area constitutes more than 13,4% of the country’s total territory of 86,600 square kilometres.')).toEqual([
      { value: 13.4, qualifier: 'more than' },
      { value: 86600, qualifier: null },
    ]);
    expect(qualifiersIn('Over 90% of demining activities in Azerbaijan are funded through national resources.')).toEqual([{ value: 90, qualifier: 'over' }]);
    expect(qualifiersIn('At least 60 states, including Azerbaijan, are still contaminated with landmines.')).toEqual([{ value: 60, qualifier: 'at least' }]);
    expect(qualifiersIn('Recent surveys reveal that approximately 11,667 square kilometers remain contaminated.')).toEqual([{ value: 11667, qualifier: 'approximately' }]);
    expect(qualifiersIn('It cleared 54,500 landmines and around 105,000 explosive remnants of war.')).toEqual([
      { value: 54500, qualifier: null },
      { value: 105000, qualifier: 'around' },
    ]);
  });

  it('reads verbs that say "more than" and word numbers after a qualifier', () => {
    expect(qualifiersIn('Over the last 30 years, the cumulative toll of landmine victims in Azerbaijan has exceeded 3,400.')).toEqual([
      { value: 30, qualifier: null },
      { value: 3400, qualifier: 'more than' },
    ]);
    expect(qualifiersIn('Over one million landmines still endanger civilians.')).toEqual([{ value: 1_000_000, qualifier: 'over' }]);
  });

  it('does not take emphasis for a qualifier ("only 4,9%", "just 14.2%")', () => {
    expect(qualifiersIn('Foreign assistance has accounted for only 4,9% of the resources.')).toEqual([{ value: 4.9, qualifier: null }]);
    expect(qualifiersIn('However, this accounts for just 14.2% of the area.')).toEqual([{ value: 14.2, qualifier: null }]);
  });
});

describe('qualifierBefore and saysQualifier', () => {
  it('read a whole phrase at the end of the text only', () => {
    expect(qualifierBefore('It costs no more than ')).toBe('at most');
    expect(qualifierBefore('We need more than $')).toBe('more than');
    expect(qualifierBefore('Moreover ')).toBeNull();
    expect(qualifierBefore('Over the past ')).toBeNull();
    expect(qualifierBefore('They talked about the ')).toBeNull();
    expect(qualifierBefore('We need over USD ')).toBe('over');
  });

  it('say when the sentence already carries the qualifier’s meaning', () => {
    expect(saysQualifier('About ', 'approximately')).toBe(true);
    expect(saysQualifier('the toll exceeds ', 'more than')).toBe(true);
    expect(saysQualifier('over ', 'more than')).toBe(true);
    expect(saysQualifier('at least ', 'more than')).toBe(false);
    expect(saysQualifier('It is ', 'about')).toBe(false);
  });
});

describe('proposeQualifier (the fact form, while the user types)', () => {
  it('finds the value in the quote and reads the words before it', () => {
    const quote = 'This area constitutes more than 13,4% of the country’s total territory of 86,600 square kilometres.';
    expect(proposeQualifier(quote, 13.4)).toBe('more than');
    expect(proposeQualifier(quote, 86600)).toBeNull();
    expect(proposeQualifier('More than 1 million landmines remain.', 1_000_000)).toBe('more than');
    expect(proposeQualifier('About 190 officials took part.', 19)).toBeNull();
    expect(proposeQualifier('No figure here.', 5)).toBeNull();
  });
});
