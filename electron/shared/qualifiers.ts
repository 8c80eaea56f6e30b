import { z } from 'zod';

/**
 * The words a source puts before a figure to say it is not exact ("more than 13,4%", "about
 * 105,000"). A fact keeps its qualifier as data (issue 11 §3): dropping it turns "more than
 * 13.4%" into a claim the source never made. The stored value is the phrase printed, in the
 * source's own word where we know it, so "over 90%" stays "over", not "more than".
 */
export const QUALIFIERS = [
  'about',
  'approximately',
  'around',
  'nearly',
  'almost',
  'more than',
  'over',
  'at least',
  'less than',
  'under',
  'up to',
  'at most',
] as const;
export type Qualifier = (typeof QUALIFIERS)[number];
export const qualifierSchema = z.enum(QUALIFIERS);

/** What a qualifier says about the true figure; two qualifiers with one meaning say the same. */
type Meaning = 'approximate' | 'above' | 'at-least' | 'below' | 'just-below' | 'at-most';

const MEANING: Record<Qualifier, Meaning> = {
  about: 'approximate',
  approximately: 'approximate',
  around: 'approximate',
  nearly: 'just-below',
  almost: 'just-below',
  'more than': 'above',
  over: 'above',
  'at least': 'at-least',
  'less than': 'below',
  under: 'below',
  'up to': 'at-most',
  'at most': 'at-most',
};

/**
 * How sources write each qualifier, longest first so "no more than" is not read as "more than".
 * Verbs count too: "the toll has exceeded 3,400" says "more than 3,400".
 */
const PHRASES: ReadonlyArray<readonly [string, Qualifier]> = [
  ['no more than', 'at most'],
  ['not more than', 'at most'],
  ['no fewer than', 'at least'],
  ['no less than', 'at least'],
  ['not less than', 'at least'],
  ['a minimum of', 'at least'],
  ['a maximum of', 'at most'],
  ['in excess of', 'more than'],
  ['upwards of', 'more than'],
  ['as many as', 'up to'],
  ['more than', 'more than'],
  ['greater than', 'more than'],
  ['fewer than', 'less than'],
  ['less than', 'less than'],
  ['at least', 'at least'],
  ['at most', 'at most'],
  ['close to', 'nearly'],
  ['just under', 'nearly'],
  ['up to', 'up to'],
  ['approximately', 'approximately'],
  ['approx.', 'approximately'],
  ['roughly', 'about'],
  ['around', 'around'],
  ['about', 'about'],
  ['some', 'about'],
  ['circa', 'about'],
  ['nearly', 'nearly'],
  ['almost', 'almost'],
  ['exceeding', 'more than'],
  ['exceeded', 'more than'],
  ['exceeds', 'more than'],
  ['exceed', 'more than'],
  ['over', 'over'],
  ['above', 'over'],
  ['under', 'under'],
  ['below', 'under'],
];

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A phrase at the end of a text, as a whole word, so the figure that follows is what it qualifies. */
const ENDING = PHRASES.map(([phrase, qualifier]) => [new RegExp(`(?:^|[^\\p{L}])${escape(phrase)}\\s*$`, 'iu'), qualifier] as const);

/** A currency sign or code between qualifier and figure ("more than $", "over USD "); codes in capitals only. */
const CURRENCY_TAIL = /(?:[$€£₼]|US\$|\b[A-Z]{3})\s*$/u;

/** The qualifier written right before a figure ("…constitutes more than " → "more than"); null when none. */
export const qualifierBefore = (textBefore: string): Qualifier | null => {
  const tail = textBefore.slice(-40).replace(CURRENCY_TAIL, '');
  for (const [pattern, qualifier] of ENDING) if (pattern.test(tail)) return qualifier;
  return null;
};

/**
 * True when the text before a figure already says what its qualifier says ("About " before a fact
 * qualified "approximately"; "the toll exceeds " before "more than"): printing the fact's
 * qualifier there would read "About approximately 11,667 km²".
 */
export const saysQualifier = (textBefore: string, qualifier: Qualifier): boolean => {
  const written = qualifierBefore(textBefore);
  return written !== null && MEANING[written] === MEANING[qualifier];
};

export const isQualifier = (value: unknown): value is Qualifier => typeof value === 'string' && (QUALIFIERS as readonly string[]).includes(value);

const NUMERAL = /\d{1,3}(?:[ ,.\u00A0\u202F]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?/g;
const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

/** A numeral read both ways ("4,9" and "1,500" are ambiguous until compared with the value). */
const readings = (numeral: string): number[] => {
  const digits = numeral.replace(/[\s\u00A0\u202F]/g, '');
  return [Number(digits.replace(/,/g, '')), Number(digits.replace(/\./g, '').replace(',', '.'))].filter(Number.isFinite);
};

/**
 * The qualifier a quote puts before `value` ("This area constitutes more than 13,4%…", 13.4 →
 * "more than"), for the fact form to propose while the user types; null when the value is not
 * written in digits in the quote or has no qualifier.
 */
export const proposeQualifier = (quote: string, value: number | null): Qualifier | null => {
  if (value === null) return null;
  for (const match of quote.matchAll(NUMERAL)) {
    const after = quote.slice(match.index + match[0].length);
    const scale = SCALE[/^\s*(thousand|million|billion)\b/i.exec(after)?.[1]?.toLowerCase() ?? ''] ?? 1;
    if (readings(match[0]).some((reading) => Math.abs(reading * scale - value) < 1e-9 * Math.max(1, Math.abs(value)))) {
      return qualifierBefore(quote.slice(0, match.index));
    }
  }
  return null;
};
