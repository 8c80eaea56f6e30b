/**
 * How deeply an imported document nests, measured before it is converted. html-to-text and marked
 * walk a document recursively: 100,000 nested <div>s ran for a long time and then overflowed the stack
 * (INTERNAL), and 20,000 nested Markdown quotes overflowed at once (issue 13 §5). A document nested
 * deeper than these limits is refused with INVALID_INPUT instead.
 */

/** Chromium stops nesting elements at 512; 2,000 levels still converted, 4,000 overflowed. */
export const MAX_HTML_NESTING = 500;
/** Quotes within quotes; no real document comes near it. */
export const MAX_MARKDOWN_QUOTE_NESTING = 100;

/**
 * Columns a Markdown list item may be indented by (about 100 nested lists). marked's time grows
 * faster than the nesting: 1,000 levels already took far too long, 2,000 overflowed the stack.
 */
export const MAX_MARKDOWN_LIST_INDENT = 200;

/** Elements that never hold others, or whose end tag is usually left out and implied. */
const NOT_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'rt', 'rp', '!doctype',
]);

// `[^<>]`, not `[^>]`: a "<a" never closed must not make every later "<" scan to the end.
const TAG = /<(\/?)([a-zA-Z!][\w:-]*)[^<>]*?(\/?)>/g;

/**
 * The deepest nesting of elements in an HTML text, counted from its tags in one pass. An estimate
 * on the generous side: elements with implied end tags are not counted, so ordinary pages that
 * leave <p> and <li> open stay far below the limit.
 */
export function htmlNestingDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const match of html.matchAll(TAG)) {
    const name = (match[2] ?? '').toLowerCase();
    if (NOT_NESTING.has(name) || match[3] === '/') continue;
    if (match[1] === '/') {
      depth = Math.max(0, depth - 1);
    } else {
      depth += 1;
      deepest = Math.max(deepest, depth);
    }
  }
  return deepest;
}

/** The most quote markers ("> > >") that open any line of a Markdown text. */
export function markdownQuoteDepth(markdown: string): number {
  let deepest = 0;
  for (const line of markdown.split('\n')) {
    let depth = 0;
    for (let index = 0; index < line.length; index += 1) {
      const char = line[index];
      if (char === '>') depth += 1;
      else if (char !== ' ' && char !== '\t') break;
    }
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

const LIST_ITEM = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/** The widest indentation, in columns (a tab is four), of any list item in a Markdown text. */
export function markdownListIndent(markdown: string): number {
  let widest = 0;
  for (const line of markdown.split('\n')) {
    const indent = LIST_ITEM.exec(line)?.[1];
    if (indent) widest = Math.max(widest, indent.replace(/\t/g, '    ').length);
  }
  return widest;
}
