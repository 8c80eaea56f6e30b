import MiniSearch from 'minisearch';

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
const processTerm = MiniSearch.getDefault('processTerm') as (term: string) => string | null | undefined | false;
/** The separators of MiniSearch's default tokenizer: a word starts and ends at one or at the text's ends. */
const WORD_START = String.raw`(?:^|[\n\r\p{Z}\p{P}])`;
const WORD_END = String.raw`(?=$|[\n\r\p{Z}\p{P}])`;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether a query word matches the words it begins (prefix search) or only itself. One letter
 * begins a large share of all words, and in a large library scoring them all is slow, so a
 * one-letter word matches whole words only; prefix matching starts at the second letter.
 */
export const isPrefixTerm = (term: string): boolean => [...term].length >= 2;

/**
 * The search index's matching rule without the index: every query word, as MiniSearch's default
 * tokenizer and term processing make it, must begin a word of one of the fields (prefix search,
 * words combined with AND; see `isPrefixTerm`). The text is the fields joined by newlines, in
 * lower case. For answering queries while the index of a large library is built.
 */
/** The words of a query as the index sees them (MiniSearch's default tokenizer and term processing). */
export const queryWords = (query: string): string[] =>
  tokenize(query)
    .map((term) => processTerm(term))
    .filter((term): term is string => typeof term === 'string' && term !== '');

export const createScanMatcher = (query: string): ((lowerCaseText: string) => boolean) => {
  const terms = queryWords(query);
  if (terms.length === 0) return () => false;
  const patterns = terms.map((term) => new RegExp(WORD_START + escapeRegExp(term) + (isPrefixTerm(term) ? '' : WORD_END), 'u'));
  // A word can only begin a word of the text if the text contains it: the plain substring test
  // rules most facts out before the (Unicode-class) pattern runs.
  return (text) => patterns.every((pattern, i) => text.includes(terms[i]!) && pattern.test(text));
};
