import type { Source } from '../../shared/entities';

/**
 * Our `Source` as a CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html).
 *
 * Text from the library is data. citeproc-js reads a few HTML-like tags inside field values as
 * formatting (`<i>`, `<b>`, `<sup>`, `<span class="nocase">` …), so every `<` is swapped for a
 * private-use placeholder on the way in and restored on the way out (`restoreLiteral`): a title
 * such as `<i>x</i>` prints as those seven characters, never in italics. The Chicago and APA styles
 * do not print the CSL `note` field, and citeproc-js parses "key: value" lines in it as extra
 * variables, so nothing of ours goes in `note`; the `via` relay is added to the output instead.
 */

/** Stands in for `<` inside citeproc-js. U+E000 is private use: no case, no width, no meaning. */
export const LT_PLACEHOLDER = '\uE000';

/** Makes a user string inert for citeproc-js's rich-text parser. */
export const protectLiteral = (text: string): string =>
  text
    .replace(/\uE000/g, '\uFFFD') // a placeholder already in the data must not turn into `<`
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/</g, LT_PLACEHOLDER);

/** Undoes `protectLiteral` on text that came back from citeproc-js (after entity decoding). */
export const restoreLiteral = (text: string): string => text.replace(/\uE000/g, '<');

export type CslItemType = 'article-newspaper' | 'article-magazine' | 'webpage' | 'report' | 'document';

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

export interface CslItem {
  id: string;
  type: CslItemType;
  title: string;
  'container-title'?: string;
  publisher?: string;
  genre?: string;
  author?: CslName[];
  issued?: { 'date-parts': number[][] };
  language?: string;
  URL?: string;
}

/** "2025" → [[2025]], "2025-12" → [[2025, 12]], "2025-12-24" → [[2025, 12, 24]]; anything else → null. */
export const partialDateToCsl = (partial: string | null | undefined): { 'date-parts': number[][] } | null => {
  if (!partial) return null;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(partial);
  if (!match) return null;
  const parts = [Number(match[1])];
  if (match[2]) parts.push(Number(match[2]));
  if (match[3]) parts.push(Number(match[3]));
  return { 'date-parts': [parts] };
};

/**
 * Which CSL variable the outlet goes in. Periodicals and web pages are *contained* in the outlet
 * (container-title: "Azernews"); reports, press releases and documents are *issued* by it
 * (publisher: "ANAMA"); putting a publisher in container-title makes Chicago print "in ANAMA" as if
 * the report were a chapter.
 */
const outletVariable = (type: Source['type']): 'container-title' | 'publisher' =>
  type === 'article-newspaper' || type === 'article-magazine' || type === 'webpage' ? 'container-title' : 'publisher';

export interface ToCslOptions {
  /** Print the source's URL as text in notes and bibliography. Off by default: report PDFs carry no URLs. */
  includeUrls?: boolean;
}

export const sourceToCsl = (source: Source, options: ToCslOptions = {}): CslItem => {
  const type: CslItemType = source.type === 'press-release' ? 'report' : source.type;
  const item: CslItem = { id: source.id, type, title: protectLiteral(source.title) };
  if (source.type === 'press-release') item.genre = 'Press release';
  const outlet = source.outlet?.trim();
  if (outlet) item[outletVariable(source.type)] = protectLiteral(outlet);
  const authors = source.authors
    .map((person): CslName | null => {
      if ('literal' in person) return person.literal.trim() ? { literal: protectLiteral(person.literal) } : null;
      const name: CslName = { family: protectLiteral(person.family) };
      if (person.given?.trim()) name.given = protectLiteral(person.given);
      return name;
    })
    .filter((name): name is CslName => name !== null);
  if (authors.length > 0) item.author = authors;
  const issued = partialDateToCsl(source.published);
  if (issued) item.issued = issued;
  // Keep a language on every item: citeproc-js title-cases English titles only when it knows the
  // title is English, and leaves titles in other languages exactly as written.
  if (source.language.trim()) item.language = source.language.trim();
  if (options.includeUrls && source.url) item.URL = source.url;
  return item;
};
