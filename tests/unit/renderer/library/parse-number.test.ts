import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../../renderer/src/library/parse-number';

const valueOf = (input: string): number | null => {
  const parsed = parseNumber(input);
  if (!parsed.ok) throw new Error(`expected "${input}" to parse, got: ${parsed.message}`);
  return parsed.value;
};

const refused = (input: string): string => {
  const parsed = parseNumber(input);
  if (parsed.ok) throw new Error(`expected "${input}" to be refused, got ${parsed.value}`);
  return parsed.message;
};

describe('parseNumber', () => {
  it('reads an empty field as no figure', () => {
    expect(valueOf('')).toBeNull();
    expect(valueOf('   ')).toBeNull();
    expect(valueOf('\u00a0')).toBeNull();
  });

  it('reads figures as the seed documents print them', () => {
    // "4,9" and "13,4" are comma-decimal percentages; "3,400", "11,667" and "700,000" are counts.
    expect(valueOf('4,9')).toBe(4.9);
    expect(valueOf('13,4')).toBe(13.4);
    expect(valueOf('13.4')).toBe(13.4);
    expect(valueOf('1.5')).toBe(1.5);
    expect(valueOf('3,400')).toBe(3400);
    expect(valueOf('11,667')).toBe(11667);
    expect(valueOf('700,000')).toBe(700000);
    expect(valueOf('105,000')).toBe(105000);
  });

  it('takes one mark before exactly three digits as grouping, anything else as a decimal mark', () => {
    expect(valueOf('1,5')).toBe(1.5);
    expect(valueOf('1,50')).toBe(1.5);
    expect(valueOf('1,500')).toBe(1500);
    expect(valueOf('1.500')).toBe(1500);
    expect(valueOf('1,5000')).toBe(1.5);
    expect(valueOf('0,500')).toBe(0.5); // a leading zero is never a thousands group
    expect(valueOf(',5')).toBe(0.5);
    expect(valueOf('.500')).toBe(0.5);
  });

  it('reads grouped thousands with repeated marks, spaces and apostrophes', () => {
    expect(valueOf('1.500.000')).toBe(1_500_000);
    expect(valueOf('1,500,000')).toBe(1_500_000);
    expect(valueOf('1 500')).toBe(1500);
    expect(valueOf('1\u00a0500')).toBe(1500); // no-break space, as French and Russian print it
    expect(valueOf('1\u202f500\u202f000')).toBe(1_500_000); // narrow no-break space
    expect(valueOf('1\u2009500')).toBe(1500); // thin space
    expect(valueOf("1'500")).toBe(1500);
    expect(valueOf('1’500')).toBe(1500);
    expect(valueOf('12 500,5')).toBe(12500.5);
    expect(valueOf('1  500')).toBe(1500); // a doubled space is still one separator
    expect(valueOf('- 5')).toBe(-5);
  });

  it('refuses a space or apostrophe that does not group thousands', () => {
    expect(refused('4 9')).toMatch(/is not a number/); // a slip for 4,9 or 49, not silently 49
    expect(refused('12 34')).toMatch(/is not a number/);
    expect(refused('1 5000')).toMatch(/is not a number/);
    expect(refused("1'50")).toMatch(/is not a number/);
    expect(refused('1 ,5')).toMatch(/is not a number/);
  });

  it('with both marks, the later one is the decimal mark', () => {
    expect(valueOf('1.500,5')).toBe(1500.5);
    expect(valueOf('1,500.5')).toBe(1500.5);
    expect(valueOf('1.234.567,89')).toBe(1234567.89);
    expect(valueOf('1,234,567.89')).toBe(1234567.89);
    expect(refused('1,500.5.5')).toMatch(/more than one decimal mark/);
    expect(refused('1.500,5,5')).toMatch(/more than one decimal mark/);
  });

  it('refuses groups that are not thousands', () => {
    expect(refused('1,5,5')).toMatch(/is not a number/);
    expect(refused('1.23.456')).toMatch(/is not a number/);
    expect(refused('1,00,000')).toMatch(/is not a number/);
    // With both marks the grouping is checked too: "1,5.5" is a slip, not 15.5.
    expect(refused('1,5.5')).toMatch(/is not a number/);
    expect(refused('1.2.3,4')).toMatch(/is not a number/);
    expect(refused('12,34.5')).toMatch(/is not a number/);
  });

  it('reads signs, including the typographic minus and the en dash', () => {
    expect(valueOf('-4,9')).toBe(-4.9);
    expect(valueOf('+415')).toBe(415);
    expect(valueOf('\u22121 500')).toBe(-1500);
    expect(valueOf('\u20134.9')).toBe(-4.9);
    expect(valueOf('  -0,5  ')).toBe(-0.5);
    expect(refused('--5')).toMatch(/is not a number/);
    expect(refused('5-')).toMatch(/is not a number/);
    expect(refused('-')).toMatch(/is not a number/);
  });

  it('refuses what is not a number, quoting it back', () => {
    expect(refused('abc')).toBe('“abc” is not a number. Try 415, 4.9 or 1 500.');
    expect(refused('4.9%')).toMatch(/^“4\.9%” is not a number/);
    expect(refused('1e6')).toMatch(/is not a number/);
    expect(refused('NaN')).toMatch(/is not a number/);
    expect(refused('Infinity')).toMatch(/is not a number/);
    expect(refused('.')).toMatch(/is not a number/);
    expect(refused(',')).toMatch(/is not a number/);
    expect(refused('5.')).toMatch(/is not a number/);
    expect(refused('0x10')).toMatch(/is not a number/);
    expect(refused('٤٥')).toMatch(/is not a number/); // Arabic-Indic digits are not read
  });

  it('reads very large figures exactly as far as a double goes, and refuses what overflows', () => {
    expect(valueOf('25,000,000,000')).toBe(25e9);
    expect(valueOf('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(refused('9'.repeat(400))).toMatch(/is too large/);
  });

  it('reads back any integer written with en-GB or de-DE grouping, or none', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (value) => {
        expect(valueOf(String(value))).toBe(value);
        expect(valueOf(value.toLocaleString('en-GB'))).toBe(value);
        expect(valueOf(value.toLocaleString('de-DE'))).toBe(value);
      }),
    );
  });

  it('reads back decimals written with either decimal mark', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 99 }), (whole, hundredths) => {
        const value = whole + hundredths / 100;
        const options = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
        expect(valueOf(value.toLocaleString('en-GB', options))).toBeCloseTo(value, 6);
        expect(valueOf(value.toLocaleString('de-DE', options))).toBeCloseTo(value, 6);
        expect(valueOf(value.toLocaleString('fr-FR', options))).toBeCloseTo(value, 6);
      }),
    );
  });
});
