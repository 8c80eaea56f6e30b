import { convert, type HtmlToTextOptions } from 'html-to-text';
import { marked } from 'marked';
import { DossierError } from '../errors';
import { MAX_HTML_NESTING, MAX_MARKDOWN_LIST_INDENT, MAX_MARKDOWN_QUOTE_NESTING, htmlNestingDepth, markdownListIndent, markdownQuoteDepth } from './document-nesting';

/**
 * Turning an imported file into the plain text that facts quote. Pure: no Node, no DOM, so the
 * same code runs in the main process, the browser-mode server, the CLI and the tests.
 *
 * HTML goes through html-to-text (htmlparser2 underneath, no DOM needed); Markdown is rendered
 * to HTML by marked and then takes the same path, so links, emphasis and raw HTML inside Markdown
 * are handled by one converter instead of a second hand-written parser.
 */

export type DocumentFormat = 'text' | 'markdown' | 'html';

export interface PlainText {
  text: string;
  format: DocumentFormat;
  /** The HTML `<title>`, when the document has one; plain text and Markdown have none. */
  title?: string;
}

export interface PersonName {
  family: string;
  given?: string;
}

export interface GuessedMetadata {
  title: string | null;
  /** YYYY-MM-DD, or null when the header gives no date. */
  published: string | null;
  authors: PersonName[];
}

const MARKDOWN_EXTENSIONS = new Set(['md', 'markdown', 'mdown', 'mkd', 'mkdn']);
const HTML_EXTENSIONS = new Set(['html', 'htm', 'xhtml', 'shtml']);
const TEXT_EXTENSIONS = new Set(['txt', 'text']);

const HTML_OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  preserveNewlines: false,
  selectors: [
    // Headings keep their case: quotes must match the words as the author wrote them.
    ...(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const).map((selector) => ({
      selector,
      options: { uppercase: false, leadingLineBreaks: 2, trailingLineBreaks: 2 },
    })),
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'noscript', format: 'skip' },
    { selector: 'template', format: 'skip' },
    { selector: 'svg', format: 'skip' },
    { selector: 'head', format: 'skip' },
    { selector: 'ul', options: { itemPrefix: '- ' } },
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
  ],
};

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function looksLikeHtml(content: string): boolean {
  return /^\s*(<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<html)/i.test(content);
}

function normalizeNewlines(content: string): string {
  return content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** A line without the spaces and tabs at its end. */
function trimLineEnd(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end -= 1;
  return line.slice(0, end);
}

function tidy(text: string): string {
  // Line by line rather than `replace(/[ \t]+\n/g, '\n')`: that regex retries from every space of
  // a run with no line break after it, quadratic in a long run of spaces in a <pre> (issue 13 §5).
  return text
    .split('\n')
    .map(trimLineEnd)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function htmlTitle(html: string): string | undefined {
  const match = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  if (!match?.[1]) return undefined;
  const title = convert(match[1], { wordwrap: false }).replace(/\s+/g, ' ').trim();
  return title === '' ? undefined : title;
}

/** Refuses, with INVALID_INPUT, HTML nested deeper than the converter can walk (document-nesting.ts). */
function checkHtmlNesting(html: string): void {
  const depth = htmlNestingDepth(html);
  if (depth > MAX_HTML_NESTING) {
    throw new DossierError('INVALID_INPUT', `The document nests elements ${depth.toLocaleString('en')} deep; the limit is ${MAX_HTML_NESTING}. Save it as plain text and import that.`);
  }
}

export function htmlToPlainText(html: string): string {
  checkHtmlNesting(html);
  return tidy(convert(html, HTML_OPTIONS));
}

export function markdownToPlainText(markdown: string): string {
  const quoteDepth = markdownQuoteDepth(markdown);
  if (quoteDepth > MAX_MARKDOWN_QUOTE_NESTING) {
    throw new DossierError('INVALID_INPUT', `The document nests quotes ${quoteDepth.toLocaleString('en')} deep; the limit is ${MAX_MARKDOWN_QUOTE_NESTING}. Save it as plain text and import that.`);
  }
  const listIndent = markdownListIndent(markdown);
  if (listIndent > MAX_MARKDOWN_LIST_INDENT) {
    throw new DossierError('INVALID_INPUT', `The document indents a list item ${listIndent.toLocaleString('en')} columns; the limit is ${MAX_MARKDOWN_LIST_INDENT}. Save it as plain text and import that.`);
  }
  // `async: false` makes marked return a string; the options object is per call, so no global
  // marked state is changed for other users of the library.
  const html = marked.parse(markdown, { async: false, gfm: true });
  return htmlToPlainText(html);
}

/**
 * The readable text of an imported file. Plain text is kept as it is (only line endings and a
 * byte-order mark are normalised), so quotes and their offsets match the file.
 */
export function toPlainText(fileName: string, content: string): PlainText {
  const normalized = normalizeNewlines(content);
  const extension = extensionOf(fileName);
  let format: DocumentFormat;
  if (MARKDOWN_EXTENSIONS.has(extension)) format = 'markdown';
  else if (HTML_EXTENSIONS.has(extension)) format = 'html';
  else if (TEXT_EXTENSIONS.has(extension)) format = 'text';
  else format = looksLikeHtml(normalized) ? 'html' : 'text';

  if (format === 'text') return { text: normalized, format };
  if (format === 'markdown') return { text: markdownToPlainText(normalized), format };
  const title = htmlTitle(normalized);
  const text = htmlToPlainText(normalized);
  return title === undefined ? { text, format } : { text, format, title };
}

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_PATTERN =
  'January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2100) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null; // 31 February and the like
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A date written in the text: ISO, "24 December 2025", "December 24, 2025", "24.12.2025". */
export function findWrittenDate(text: string): string | null {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayFirst = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_PATTERN})\\.?,?\\s+(\\d{4})\\b`, 'i').exec(text);
  if (dayFirst) {
    return isoDate(Number(dayFirst[3]), MONTHS[dayFirst[2]!.toLowerCase()] ?? 0, Number(dayFirst[1]));
  }
  const monthFirst = new RegExp(`\\b(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i').exec(text);
  if (monthFirst) {
    return isoDate(Number(monthFirst[3]), MONTHS[monthFirst[1]!.toLowerCase()] ?? 0, Number(monthFirst[2]));
  }
  const dotted = /\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b/.exec(text);
  if (dotted) return isoDate(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  return null;
}

const NAME_WORD = "\\p{Lu}[\\p{L}'’.-]*";
const NAME_PATTERN = new RegExp(`^${NAME_WORD}(?:\\s+${NAME_WORD}){1,3}$`, 'u');

function toPerson(name: string): PersonName | null {
  const cleaned = name.replace(/\s+/g, ' ').trim();
  if (!NAME_PATTERN.test(cleaned)) return null;
  const words = cleaned.split(' ');
  const family = words.pop();
  if (family === undefined) return null;
  return words.length > 0 ? { family, given: words.join(' ') } : { family };
}

function authorsFromByline(line: string): PersonName[] {
  const match = /^by\s*:?\s+(.+)$/i.exec(line.trim());
  if (!match?.[1]) return [];
  return match[1]
    .split(/\s*(?:,|;|\band\b|&)\s*/)
    .map(toPerson)
    .filter((person): person is PersonName => person !== null);
}

/** A header line of a scraped page: "date 2025-12-24 (MENAFN - AzerNews) Akbar Novruz Read more". */
function headerAfterDate(line: string): string | null {
  const match = /^\s*date:?\s+\d{4}-\d{2}-\d{2}\s*(.*)$/i.exec(line);
  return match ? (match[1] ?? '') : null;
}

function authorFromDateHeader(rest: string): PersonName[] {
  const withoutRelay = rest
    .replace(/^\(?\s*MENAFN\s*-\s*[^)]*\)\s*/i, '') // the MENAFN syndication mark
    .replace(/\s*Read more\s*$/i, '')
    .trim();
  const person = toPerson(withoutRelay);
  return person ? [person] : [];
}

function looksLikeHeadline(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length < 3 || trimmed.length > 200) return false;
  if (/[.!?:;,]["”’)]*$/.test(trimmed) && !/\?$/.test(trimmed)) return false;
  return /\p{L}/u.test(trimmed);
}

/**
 * Metadata guessed from a document's first lines. Only the header is read: a date further down
 * ("until 31 December 2025") is what the text is about, not when it was published.
 */
export function guessMetadata(text: string): GuessedMetadata {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const header = lines.slice(0, 4);
  let title: string | null = null;
  let published: string | null = null;
  let authors: PersonName[] = [];

  for (const [index, line] of header.entries()) {
    const afterDate = headerAfterDate(line);
    if (afterDate !== null) {
      published ??= findWrittenDate(line);
      if (authors.length === 0) authors = authorFromDateHeader(afterDate);
      continue;
    }
    if (/^by\b/i.test(line)) {
      if (authors.length === 0) authors = authorsFromByline(line);
      continue;
    }
    if (/^(published|updated|posted|date)\b/i.test(line) && line.length < 80) {
      published ??= findWrittenDate(line);
      continue;
    }
    if (title === null && index <= 2 && looksLikeHeadline(line)) {
      title = line;
      continue;
    }
    // A short dateline such as "24 December 2025" right under the headline.
    if (published === null && line.length < 60) published = findWrittenDate(line);
    // Past the first paragraph of prose, the header is over.
    if (line.length >= 200) break;
  }
  return { title, published, authors };
}
