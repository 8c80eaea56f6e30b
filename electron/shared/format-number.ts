import type { Qualifier } from './qualifiers';

/**
 * Figures as a report prints them, one way for the whole document (issue 11 §3): the key-figure
 * tile, the sentence, the evidence annex and the library all call `formatFigure`, so a key figure
 * and the text can never disagree ("12.5k hectares" beside "12,450").
 *
 * - Every figure is exact: all the decimals the stored value has (up to 6), never rounded and
 *   never abbreviated ("12.5k", "1.2M" are gone).
 * - Large round amounts are written as people write them: "1.5 million", "USD 25 billion" — only
 *   when the words say exactly the stored value; 1,234,567 stays in digits.
 * - Percentages and currency codes follow the locale ("4.9%" in en, "4,9 %" in de); other units
 *   follow the number after a no-break space, so they never wrap onto the next line alone.
 */

/**
 * How an inline figure is written: "415", "415 people", "11,667 square kilometres" (the unit in
 * words). See `figure-form.ts` for the default a sentence gets.
 */
export const FIGURE_FORMS = ['value', 'value-unit', 'value-unit-words'] as const;
export type FigureForm = (typeof FIGURE_FORMS)[number];

export interface FigureOptions {
  locale: string;
  form?: FigureForm;
  qualifier?: Qualifier | null;
}

const MAX_DECIMALS = 6;
const formatters = new Map<string, Intl.NumberFormat>();

const formatter = (locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat => {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    try {
      found = new Intl.NumberFormat(locale, options);
    } catch {
      found = new Intl.NumberFormat('en-GB', options);
    }
    if (formatters.size > 200) formatters.clear();
    formatters.set(key, found);
  }
  return found;
};

/** Digits after the decimal point in the shortest form of `value` that reads back as it. */
const decimalsOf = (value: number): number => {
  if (Number.isInteger(value)) return 0;
  const text = String(Math.abs(value));
  const exponent = /e-(\d+)$/.exec(text);
  if (exponent) return Number(exponent[1]) + (text.split('e')[0]!.split('.')[1]?.length ?? 0);
  return text.split('.')[1]?.length ?? 0;
};

const SCALES = [1e12, 1e9, 1e6] as const;

/** The scale at which a large value is written in words, or null when words would round it. */
const wordScale = (value: number): number | null => {
  const size = Math.abs(value);
  const scale = SCALES.find((candidate) => size >= candidate);
  if (scale === undefined) return null;
  const scaled = size / scale;
  // Exact to three decimals of the scale ("12.345 million" = 12,345,000), or digits it is.
  return Math.abs(Math.round(scaled * 1000) - scaled * 1000) < 1e-6 ? scale : null;
};

/** A number in the locale: grouped digits, every stored decimal; large round amounts in words. */
export const formatNumber = (value: number, locale: string): string => {
  if (!Number.isFinite(value)) return '–';
  if (wordScale(value) !== null) {
    return formatter(locale, { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 3 }).format(value);
  }
  return formatter(locale, { maximumFractionDigits: Math.min(MAX_DECIMALS, decimalsOf(value)) }).format(value);
};

const PERCENT = /^(%|percent|per ?cent|pct)$/i;

/** "percent" and its spellings are one unit, written "%". */
export const normaliseUnit = (unit: string | null | undefined): string | null => {
  const trimmed = (unit ?? '').replace(/\s+/g, ' ').trim();
  if (trimmed === '') return null;
  return PERCENT.test(trimmed) ? '%' : trimmed;
};

export const isCurrencyCode = (unit: string): boolean => {
  if (!/^[A-Z]{3}$/.test(unit)) return false;
  try {
    return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency').includes(unit) : true;
  } catch {
    return false;
  }
};

/** Number parts of Intl's output; everything else (currency code, spaces, %) is kept around them. */
const NUMBER_PARTS = new Set(['integer', 'group', 'decimal', 'fraction', 'minusSign', 'plusSign', 'compact', 'exponentInteger']);

/** Puts `number` where Intl put the digits of a currency or percent format, keeping the locale's order. */
const withNumber = (parts: Intl.NumberFormatPart[], number: string): string => {
  let out = '';
  let placed = false;
  for (const part of parts) {
    if (NUMBER_PARTS.has(part.type)) {
      if (!placed) out += number;
      placed = true;
    } else {
      out += part.value;
    }
  }
  return out;
};

const UNIT_WORDS: Record<string, { gb: string; us: string }> = {
  'km²': { gb: 'square kilometres', us: 'square kilometers' },
  'm²': { gb: 'square metres', us: 'square meters' },
  km: { gb: 'kilometres', us: 'kilometers' },
  m: { gb: 'metres', us: 'meters' },
  ha: { gb: 'hectares', us: 'hectares' },
  '%': { gb: 'per cent', us: 'percent' },
  ERW: { gb: 'explosive remnants of war', us: 'explosive remnants of war' },
  IDPs: { gb: 'internally displaced persons', us: 'internally displaced persons' },
};

/** A unit spelt out for a sentence ("km²" → "square kilometres"; en-US "square kilometers"); other units as they are. */
export const unitWords = (unit: string, locale: string): string => {
  const normalised = normaliseUnit(unit) ?? '';
  const words = UNIT_WORDS[normalised];
  if (words) return /^en-US$/i.test(locale) ? words.us : words.gb;
  if (isCurrencyCode(normalised)) {
    const name = formatter(locale, { style: 'currency', currency: normalised, currencyDisplay: 'name' })
      .formatToParts(2)
      .find((part) => part.type === 'currency')?.value;
    if (name) return name;
  }
  return normalised;
};

/**
 * A figure as printed: qualifier, number and unit in the chosen form.
 * "more than 13.4%", "about 11,667 km²", "415" (value only), "USD 25 billion",
 * "11,667 square kilometres" (unit in words).
 */
export const formatFigure = (value: number, unit: string | null, options: FigureOptions): string => {
  const { locale } = options;
  const form = options.form ?? 'value-unit';
  const normalised = normaliseUnit(unit);
  const number = formatNumber(value, locale);
  let figure: string;
  if (!normalised || form === 'value') {
    figure = number;
  } else if (form === 'value-unit-words') {
    figure = `${number}\u00A0${unitWords(normalised, locale)}`;
  } else if (normalised === '%') {
    figure = withNumber(formatter(locale, { style: 'percent' }).formatToParts(0.5), number);
  } else if (isCurrencyCode(normalised)) {
    figure = withNumber(formatter(locale, { style: 'currency', currency: normalised, currencyDisplay: 'code' }).formatToParts(1), number);
  } else {
    figure = `${number}\u00A0${normalised}`; // no line break between a number and its unit
  }
  return options.qualifier ? `${options.qualifier} ${figure}` : figure;
};
