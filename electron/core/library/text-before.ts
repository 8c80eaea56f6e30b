/**
 * Reading the text just before a position without copying or re-scanning everything before it.
 * The extractor used to test `$`-anchored patterns against `text.slice(0, index)` for every
 * figure; regexes search such a string from its start, so 40,000 figures in one sentence cost
 * 40,000 scans of it (issue 13 §5). These helpers give the same answers from bounded windows.
 */

const isSpace = (char: string | undefined): boolean => char !== undefined && /\s/.test(char);

/** Where the run of whitespace that ends at `index` begins (`index` itself when there is none). */
export function whitespaceStart(text: string, index: number): number {
  let start = index;
  while (start > 0 && isSpace(text[start - 1])) start -= 1;
  return start;
}

/**
 * Enough of the text before `index` for the patterns of the form `word\s*$` the extractor uses
 * (currency signs, "in 2020", month names, an opening bracket): all the whitespace before the
 * figure, then `reach` characters more.
 */
export function tailBefore(text: string, index: number, reach = 24): string {
  return text.slice(Math.max(0, whitespaceStart(text, index) - reach), index);
}

/** The run of letters and dots that ends at `end`, not reaching before `start` ("e.g", "A"). */
export function letterRunBefore(text: string, start: number, end: number): string {
  let from = end;
  while (from > start) {
    const low = text.charCodeAt(from - 1);
    const high = from - 2 >= start ? text.charCodeAt(from - 2) : 0;
    // A letter outside the Basic Multilingual Plane is two code units: test the pair.
    const width = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? 2 : 1;
    const char = text.slice(from - width, from);
    if (char !== '.' && !/^\p{L}$/u.test(char)) break;
    from -= width;
  }
  return text.slice(from, end);
}

const CLAUSE_BREAK = /[,;:()–—]|\s-\s/g;
const WORD = /[\p{L}][\p{L}'’-]*/gu;

interface WordSpan {
  start: number;
  end: number;
}

/** The last index in a sorted list whose value is at most `limit`, or -1. */
function lastAtMost(values: readonly number[], limit: number): number {
  let low = 0;
  let high = values.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((values[middle] ?? 0) <= limit) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * For any position, the last `count` words of the clause it stands in, as
 * `text.slice(0, index).split(CLAUSE_BREAK).pop().match(WORD).slice(-count)` would give them, after
 * one pass over the text. Clause breaks and words are found once; each question then costs a binary
 * search. (A break or a word read from the whole text is the same as one read from a prefix, except
 * a word cut by `index`, which is cut here too.)
 */
export function createClauseWords(text: string): (index: number, count: number) => string[] {
  const breakEnds = Array.from(text.matchAll(CLAUSE_BREAK), (match) => match.index + match[0].length);
  const words: WordSpan[] = Array.from(text.matchAll(WORD), (match) => ({ start: match.index, end: match.index + match[0].length }));
  const wordStarts = words.map((word) => word.start);
  return (index, count) => {
    const clauseStart = breakEnds[lastAtMost(breakEnds, index)] ?? 0;
    const result: string[] = [];
    for (let position = lastAtMost(wordStarts, index - 1); position >= 0 && result.length < count; position -= 1) {
      const word = words[position];
      if (!word || word.start < clauseStart) break;
      result.push(text.slice(word.start, Math.min(word.end, index)));
    }
    return result.reverse();
  };
}
