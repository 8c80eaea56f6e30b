/**
 * Formatted text as plain runs: what a citation or a bibliography entry becomes before it reaches
 * the PDF. citeproc-js writes HTML; this turns that HTML into runs and never lets markup through.
 */

export interface TextRun {
  text: string;
  italics?: boolean;
  bold?: boolean;
  sup?: boolean;
  sub?: boolean;
  smallCaps?: boolean;
}

type Style = Omit<TextRun, 'text'>;

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
};

/** Decodes the entities citeproc-js writes (`&#38;`, `&#x3C;`, `&amp;` …); anything else is kept as written. */
export const decodeEntities = (text: string): string =>
  text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, (whole, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) {
      const code = Number.parseInt(body.slice(2), 16);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    if (body.startsWith('#')) {
      const code = Number.parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });

const styleOfSpan = (attributes: string): Style | null => {
  const style = /style\s*=\s*"([^"]*)"/i.exec(attributes)?.[1]?.replace(/\s+/g, '').toLowerCase() ?? '';
  if (style.includes('font-variant:small-caps')) return { smallCaps: true };
  if (style.includes('font-variant:normal')) return { smallCaps: false };
  if (style.includes('font-style:normal')) return { italics: false };
  if (style.includes('font-style:italic')) return { italics: true };
  if (style.includes('font-weight:normal')) return { bold: false };
  if (style.includes('font-weight:bold')) return { bold: true };
  if (style.includes('vertical-align:sup')) return { sup: true };
  if (style.includes('vertical-align:sub')) return { sub: true };
  return null;
};

const styleOfTag = (name: string, attributes: string): Style | null => {
  switch (name) {
    case 'i':
    case 'em':
      return { italics: true };
    case 'b':
    case 'strong':
      return { bold: true };
    case 'sup':
      return { sup: true };
    case 'sub':
      return { sub: true };
    case 'span':
      return styleOfSpan(attributes);
    default:
      return null; // div, a (URLs are not wrapped), unknown tags: the text inside stays, the tag goes
  }
};

const sameStyle = (a: TextRun, b: TextRun): boolean =>
  !!a.italics === !!b.italics && !!a.bold === !!b.bold && !!a.sup === !!b.sup && !!a.sub === !!b.sub && !!a.smallCaps === !!b.smallCaps;

const cleanRun = (text: string, style: Style): TextRun => {
  const run: TextRun = { text };
  if (style.italics) run.italics = true;
  if (style.bold) run.bold = true;
  if (style.sup) run.sup = true;
  if (style.sub) run.sub = true;
  if (style.smallCaps) run.smallCaps = true;
  return run;
};

/** Joins neighbouring runs with the same formatting and drops empty ones. */
export const mergeRuns = (runs: readonly TextRun[]): TextRun[] => {
  const merged: TextRun[] = [];
  for (const run of runs) {
    if (run.text === '') continue;
    const last = merged[merged.length - 1];
    if (last && sameStyle(last, run)) last.text += run.text;
    else merged.push({ ...run });
  }
  return merged;
};

/**
 * citeproc-js HTML → runs. Only `<i> <b> <sup> <sub>` and the style spans citeproc writes
 * (small caps, normal/italic flip-flop) carry meaning; every other tag is dropped and its text kept.
 * Data text reaches this function escaped by citeproc (`&#60;`), so a `<` here is always citeproc's.
 * Leading and trailing whitespace (citeproc's indentation of bibliography entries) is trimmed.
 */
export const htmlToRuns = (html: string): TextRun[] => {
  const runs: TextRun[] = [];
  const stack: { name: string; style: Style | null }[] = [];
  const current = (): Style => {
    const style: Style = {};
    for (const frame of stack) if (frame.style) Object.assign(style, frame.style);
    return style;
  };
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s[^<>]*)?)\/?>|<!--[\s\S]*?-->/g;
  let last = 0;
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    if (match.index > last) runs.push(cleanRun(decodeEntities(html.slice(last, match.index)), current()));
    last = tag.lastIndex;
    const name = match[2]?.toLowerCase();
    if (!name) continue; // a comment
    if (match[1] === '/') {
      const at = stack.map((frame) => frame.name).lastIndexOf(name);
      if (at >= 0) stack.length = at;
    } else if (!match[0].endsWith('/>') && name !== 'br') {
      stack.push({ name, style: styleOfTag(name, match[3] ?? '') });
    }
  }
  if (last < html.length) runs.push(cleanRun(decodeEntities(html.slice(last)), current()));
  const merged = mergeRuns(runs.map((run) => ({ ...run, text: run.text.replace(/[ \t\r\n]+/g, ' ') })));
  const first = merged[0];
  if (first) first.text = first.text.trimStart();
  const end = merged[merged.length - 1];
  if (end) end.text = end.text.trimEnd();
  return mergeRuns(merged);
};

/** The runs as plain text (for tests, search and alt text). */
export const runsToText = (runs: readonly TextRun[]): string => runs.map((run) => run.text).join('');
