import { describe, expect, it } from 'vitest';
import { inlineFigureForm, unitNounLength } from '../../../electron/shared/figure-form';
import { formatFigure, formatNumber } from '../../../electron/shared/format-number';

/** Spaces as a reader sees them: no-break and narrow no-break spaces print as spaces. */
const seen = (text: string): string => text.replace(/[\u00A0\u202F]/g, ' ');

describe('formatNumber', () => {
  it('prints every stored decimal and groups thousands, never abbreviating', () => {
    expect(formatNumber(12450, 'en-GB')).toBe('12,450');
    expect(formatNumber(4.125, 'en-GB')).toBe('4.125');
    expect(formatNumber(1_234_567, 'en-GB')).toBe('1,234,567');
    expect(formatNumber(163412, 'en-US')).toBe('163,412');
  });

  it('writes large round amounts in words, as people write them', () => {
    expect(formatNumber(1_500_000, 'en-GB')).toBe('1.5 million');
    expect(formatNumber(25_000_000_000, 'en-GB')).toBe('25 billion');
    expect(formatNumber(12_450_000, 'en-GB')).toBe('12.45 million');
  });
});

describe('formatFigure', () => {
  it('writes units the locale’s way, with the qualifier first', () => {
    expect(formatFigure(13.4, '%', { locale: 'en-GB', qualifier: 'more than' })).toBe('more than 13.4%');
    expect(seen(formatFigure(11667, 'km²', { locale: 'en-GB', qualifier: 'about' }))).toBe('about 11,667 km²');
    expect(seen(formatFigure(25e9, 'USD', { locale: 'en-GB' }))).toBe('USD 25 billion');
    expect(seen(formatFigure(4.9, '%', { locale: 'de' }))).toBe('4,9 %');
  });

  it('writes the three forms: value, value and unit, unit in words', () => {
    expect(formatFigure(415, 'people', { locale: 'en-GB', form: 'value' })).toBe('415');
    expect(seen(formatFigure(415, 'people', { locale: 'en-GB', form: 'value-unit' }))).toBe('415 people');
    expect(seen(formatFigure(11667, 'km²', { locale: 'en-GB', form: 'value-unit-words' }))).toBe('11,667 square kilometres');
    expect(seen(formatFigure(11667, 'km²', { locale: 'en-US', form: 'value-unit-words' }))).toBe('11,667 square kilometers');
  });
});

describe('inlineFigureForm', () => {
  it('drops the unit when the sentence names it next', () => {
    expect(inlineFigureForm('people', ' casualties in 253 incidents.')).toBe('value');
    expect(inlineFigureForm('people', ' civilian casualties.')).toBe('value');
    expect(inlineFigureForm('people', ' were hurt.')).toBe('value-unit');
    expect(inlineFigureForm('people', ' were victims.')).toBe('value-unit');
    expect(inlineFigureForm('km²', ' square kilometres remain.')).toBe('value');
    expect(inlineFigureForm('%', ' of the country.')).toBe('value-unit');
    expect(inlineFigureForm('people', ' casualties.', 'value-unit')).toBe('value-unit');
  });

  it('measures the noun that ends the figure’s phrase', () => {
    expect(unitNounLength(' mine casualties since 2020', 'people')).toBe(' mine casualties'.length);
    expect(unitNounLength('square kilometres still contaminated', 'km²')).toBe('square kilometres'.length);
    expect(unitNounLength('minefields', 'landmines')).toBe(0);
  });
});
