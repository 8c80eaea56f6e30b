import type { FactView } from '../../../electron/shared/contract/library';
import type { Source } from '../../../electron/shared/entities';
import { formatFigure, formatNumber as formatNumberIn, type FigureForm } from '../../../electron/shared/format-number';
import { formatPartialDate } from '../../../electron/shared/partial-date';
import type { Qualifier } from '../../../electron/shared/qualifiers';

/**
 * The Library writes figures with the same formatter as the PDF (shared/format-number), so a
 * figure reads the same on screen and on paper. British English, like a report in "en".
 */
const LOCALE = 'en-GB';

export const formatNumber = (value: number): string => formatNumberIn(value, LOCALE);

/** Units written against the number ("4.9%") rather than after a space ("415 people"). */
const TIGHT_UNITS = new Set(['%', '‰', '°']);
export const isTightUnit = (unit: string | null | undefined): boolean => !!unit && TIGHT_UNITS.has(unit.trim());

export const formatValue = (value: number | null, unit: string | null, qualifier: Qualifier | null = null, form?: FigureForm): string => {
  if (value === null) return unit ?? '';
  return formatFigure(value, unit, { locale: LOCALE, qualifier, ...(form ? { form } : {}) });
};

/** A fact's figure in a list: qualifier, value and unit, or "No figure" for a statement without one. */
export const factFigure = (fact: Pick<FactView, 'value' | 'unit' | 'qualifier'>): string =>
  fact.value === null ? 'No figure' : formatValue(fact.value, fact.unit, fact.qualifier);

/** When a fact held: its as-of date, else its source's publication date (the latest it can be). */
export const factDateLine = (fact: FactView): string => {
  if (fact.asOf) return `as of ${formatPartialDate(fact.asOf)}`;
  if (fact.source.published) return `published ${formatPartialDate(fact.source.published)}`;
  return 'undated';
};

export const formatAuthors = (authors: Source['authors']): string =>
  authors.map((person) => ('literal' in person ? person.literal : [person.given, person.family].filter(Boolean).join(' '))).join(', ');

/** One author per line: "Family, Given" or a name the way it should be printed. */
export const authorsToText = (authors: Source['authors']): string =>
  authors.map((person) => ('literal' in person ? person.literal : person.given ? `${person.family}, ${person.given}` : person.family)).join('\n');

export const textToAuthors = (text: string): Source['authors'] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const comma = line.indexOf(',');
      if (comma > 0) {
        const family = line.slice(0, comma).trim();
        const given = line.slice(comma + 1).trim();
        return given ? { family, given } : { family };
      }
      return { literal: line };
    });

export const sourceTypeLabels: Record<Source['type'], string> = {
  'article-newspaper': 'Newspaper article',
  'article-magazine': 'Magazine article',
  webpage: 'Web page',
  report: 'Report',
  'press-release': 'Press release',
  document: 'Document',
};

export const pluralise = (count: number, one: string, many = `${one}s`): string => `${formatNumber(count)} ${count === 1 ? one : many}`;
