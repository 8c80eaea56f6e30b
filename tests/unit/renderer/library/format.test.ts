import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FactView } from '../../../../electron/shared/contract/library';
import type { Source } from '../../../../electron/shared/entities';
import {
  authorsToText,
  factDateLine,
  factFigure,
  formatAuthors,
  formatNumber,
  formatValue,
  isTightUnit,
  pluralise,
  textToAuthors,
} from '../../../../renderer/src/library/format';

const NBSP = '\u00a0';

const dated = (asOf: string | null, published: string | null): FactView =>
  ({ asOf, source: { id: 'src-1', title: 'ANAMA report', outlet: null, published } }) as unknown as FactView;

describe('library number formatting (the same as on paper, en-GB)', () => {
  it('groups thousands, keeps every stored decimal and writes round millions in words', () => {
    expect(formatNumber(415)).toBe('415');
    expect(formatNumber(11667)).toBe('11,667');
    expect(formatNumber(4.9)).toBe('4.9');
    expect(formatNumber(0.123456)).toBe('0.123456');
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(1_500_000)).toBe('1.5 million');
    expect(formatNumber(25e9)).toBe('25 billion');
    expect(formatNumber(-4.9)).toBe('-4.9');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(Number.NaN)).toBe('–');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('–');
  });

  it('writes value, unit and qualifier; a unit alone when there is no value', () => {
    expect(formatValue(4.9, '%')).toBe('4.9%');
    expect(formatValue(13.4, 'percent', 'more than')).toBe('more than 13.4%');
    expect(formatValue(415, 'people')).toBe(`415${NBSP}people`);
    expect(formatValue(105000, 'people', 'about')).toBe(`about 105,000${NBSP}people`);
    expect(formatValue(11667, 'km²', null, 'value-unit-words')).toBe(`11,667${NBSP}square kilometres`);
    expect(formatValue(11667, 'km²', null, 'value')).toBe('11,667');
    expect(formatValue(415, null)).toBe('415');
    expect(formatValue(null, 'ha')).toBe('ha');
    expect(formatValue(null, null)).toBe('');
    expect(formatValue(25e9, 'USD')).toBe(`USD${NBSP}25 billion`);
  });

  it('says "No figure" for a statement without one', () => {
    expect(factFigure({ value: null, unit: 'people', qualifier: 'about' })).toBe('No figure');
    expect(factFigure({ value: 0, unit: 'people', qualifier: null })).toBe(`0${NBSP}people`);
    expect(factFigure({ value: 3400, unit: 'people', qualifier: 'over' })).toBe(`over 3,400${NBSP}people`);
  });

  it('writes symbol units against the number', () => {
    expect(isTightUnit('%')).toBe(true);
    expect(isTightUnit(' ‰ ')).toBe(true);
    expect(isTightUnit('°')).toBe(true);
    expect(isTightUnit('people')).toBe(false);
    expect(isTightUnit('')).toBe(false);
    expect(isTightUnit(null)).toBe(false);
    expect(isTightUnit(undefined)).toBe(false);
  });

  it('counts things with grouped digits and the right plural', () => {
    expect(pluralise(0, 'fact')).toBe('0 facts');
    expect(pluralise(1, 'fact')).toBe('1 fact');
    expect(pluralise(1500, 'fact')).toBe('1,500 facts');
    expect(pluralise(2, 'person', 'people')).toBe('2 people');
  });
});

describe('fact dates', () => {
  it('prefers the as-of date, then the publication date, else says undated', () => {
    expect(factDateLine(dated('2025-12-31', '2026-01'))).toBe('as of 31 Dec 2025');
    expect(factDateLine(dated(null, '2026-01'))).toBe('published Jan 2026');
    expect(factDateLine(dated('2020', null))).toBe('as of 2020');
    expect(factDateLine(dated(null, null))).toBe('undated');
  });
});

describe('authors', () => {
  const authors: Source['authors'] = [{ given: 'Aysel', family: 'Məmmədova' }, { literal: 'Mine Action Agency of Azerbaijan (ANAMA)' }, { family: 'Smith', given: 'J. R.' }];

  it('lists authors in reading order and one per line for editing', () => {
    expect(formatAuthors(authors)).toBe('Aysel Məmmədova, Mine Action Agency of Azerbaijan (ANAMA), J. R. Smith');
    expect(authorsToText(authors)).toBe('Məmmədova, Aysel\nMine Action Agency of Azerbaijan (ANAMA)\nSmith, J. R.');
    expect(formatAuthors([])).toBe('');
    expect(formatAuthors([{ family: 'Aliyev' }])).toBe('Aliyev');
  });

  it('reads "Family, Given" lines as people, other lines as names printed as they are, blank lines skipped', () => {
    expect(textToAuthors('  Məmmədova ,  Aysel \n\n   \nUNDP\r\nHalo Trust,  ')).toEqual([
      { family: 'Məmmədova', given: 'Aysel' },
      { literal: 'UNDP' },
      { family: 'Halo Trust' },
    ]);
    expect(textToAuthors(', leading comma')).toEqual([{ literal: ', leading comma' }]);
    expect(textToAuthors('')).toEqual([]);
  });

  it('reads back what it writes for people with a given name and for printed names', () => {
    const word = fc.stringMatching(/^[A-Za-zƏəÜüÖöĞğŞşÇçİı.' -]{1,12}$/).map((text) => text.trim()).filter((text) => text !== '' && !text.includes(','));
    const person = fc.oneof(fc.record({ family: word, given: word }), word.map((literal) => ({ literal })));
    fc.assert(
      fc.property(fc.array(person, { maxLength: 5 }), (list) => {
        expect(textToAuthors(authorsToText(list))).toEqual(list);
      }),
    );
  });
});
