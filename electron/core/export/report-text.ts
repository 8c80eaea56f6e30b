import type { Fact } from '../../shared/entities';
import { formatFigure, type FigureForm } from '../../shared/format-number';
import type { Qualifier } from '../../shared/qualifiers';

/**
 * Small formatting helpers for the report document: literal text, locales, dates, values.
 */

/**
 * User text as a plain string for pdfmake: whatever arrives (even a non-string from an unchecked
 * caller) becomes a string, so no object — no `{ text }` node — can ride in from the data.
 * Control characters (except line breaks and tabs), bidi overrides/isolates (they reorder what a
 * reader sees) and lone surrogates are removed; everything else prints exactly as written.
 */
export const literal = (value: unknown): string => {
  const text = typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
  return breakLongTokens(
    text
      .replace(/\r\n?/g, '\n')
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
  );
};

/** Longer than any line of a report can hold at any size we print, and longer than real URLs. */
const LONG_TOKEN = /[^\s\u200B]{201,}/gu;
const CHUNK = /[^\s\u200B]{50}(?=[^\s\u200B])/gu;

/**
 * A zero-width space every 50 characters of a token over 200: pdfmake splits a word wider than
 * the line glyph by glyph, re-measuring what is left each time, so a 40,000-character token took
 * minutes and all the memory; with break opportunities it is laid out like any text. The
 * characters themselves are unchanged (DejaVu's U+200B has no width and no ink).
 */
export const breakLongTokens = (text: string): string =>
  text.length > 200 ? text.replace(LONG_TOKEN, (token) => token.replace(CHUNK, '$&\u200B')) : text;

/** One line of user text (headings, labels, metadata): line breaks and tabs fold into spaces. */
export const line = (value: unknown): string => literal(value).replace(/[\t\n\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ').trim();

/** A BCP 47 tag Intl accepts for number and date formatting; plain "en" reads as British English. */
export const formattingLocale = (language: string | undefined, fallback = 'en-GB'): string => {
  const wanted = (language ?? '').trim();
  const candidate = wanted === '' || /^en$/i.test(wanted) ? fallback : wanted;
  try {
    return Intl.NumberFormat.supportedLocalesOf([candidate]).length > 0 ? candidate : fallback;
  } catch {
    return fallback;
  }
};

/** Upper case in the document's language (Azerbaijani and Turkish "i" → "İ"). */
export const upper = (text: string, language: string): string => {
  try {
    return text.toLocaleUpperCase(language || 'en');
  } catch {
    return text.toUpperCase();
  }
};

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** "2025" | "December 2025" | "24 December 2025" (en-GB); other locales their own way; '' if not a date. */
export const longDate = (partial: string | null | undefined, locale: string): string => {
  if (!partial) return '';
  const match = PARTIAL.exec(partial);
  if (!match) return '';
  const year = Number(match[1]);
  const month = match[2] ? Number(match[2]) : null;
  const day = match[3] ? Number(match[3]) : null;
  if (month === null) return String(year);
  const date = new Date(Date.UTC(year, month - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric', month: 'long', ...(day !== null ? { day: 'numeric' } : {}) };
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    return new Intl.DateTimeFormat('en-GB', options).format(date);
  }
};

/** The instant a partial date starts, UTC (for PDF metadata); null if not a date. */
export const partialDateStart = (partial: string | null | undefined): Date | null => {
  const match = partial ? PARTIAL.exec(partial) : null;
  if (!match) return null;
  return new Date(Date.UTC(Number(match[1]), match[2] ? Number(match[2]) - 1 : 0, match[3] ? Number(match[3]) : 1));
};

/**
 * A fact's figure the one way this report writes figures (shared/format-number): in the text, the
 * key-figure tiles and the evidence annex alike, so they never disagree.
 */
export const factValue = (
  fact: Pick<Fact, 'value' | 'unit'>,
  locale: string,
  options: { form?: FigureForm; qualifier?: Qualifier | null } = {},
): string => (fact.value === null ? '' : formatFigure(fact.value, fact.unit === null ? null : line(fact.unit), { locale, ...options }));

/** A partial date written in full, or the text as it is when it is not one (header fields). */
export const dateOrText = (value: string, locale: string): string => (PARTIAL.test(value.trim()) ? longDate(value.trim(), locale) : value);

/** "criticalDate" / "critical_date" / "critical-date" → "Critical date". */
export const fieldLabel = (key: string): string => {
  const words = line(key)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};
