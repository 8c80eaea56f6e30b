/**
 * Candidate facts for an imported document: every figure with the sentence it stands in, a value
 * and a guessed unit. The user confirms or edits each; nothing here is taken as true on its own.
 * Pure TypeScript (core code): no Node, no DOM.
 */
import { qualifierBefore, type Qualifier } from '../../shared/qualifiers';
import { MAX_QUOTE_LENGTH } from './import-limits';
import { createClauseWords, letterRunBefore, tailBefore } from './text-before';

export interface Candidate {
  /** The sentence holding the figure, exactly as it stands in the text. */
  quote: string;
  /** Offset of `quote` in the text. */
  quoteStart: number;
  /** The same sentence with its whitespace collapsed, for display and as a draft statement. */
  sentence: string;
  value: number;
  unit: string | null;
  /** The words before the figure that say it is not exact ("more than 13,4%"); null when none. */
  qualifier: Qualifier | null;
  /** The number as written, with its multiplier word ("4,9", "11,667", "1.5 million"). */
  raw: string;
}

interface Span {
  text: string;
  start: number;
}

// ---------------------------------------------------------------------------------------------
// Sentences

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'no', 'nos', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'approx', 'est', 'fig', 'gen', 'col', 'lt', 'sen', 'rep', 'gov', 'amb', 'art', 'para', 'ch',
  'e.g', 'i.e', 'u.s', 'u.n', 'u.k', 'e.u',
]);

/** True when the letters and dots running up to `end` (not before `start`) are an abbreviation. */
function endsWithAbbreviation(line: string, start: number, end: number): boolean {
  // Read backwards from the full stop: a `$`-anchored regex over the sentence so far re-read it
  // at every initial, quadratic for "A. A. A. …" (issue 13 §5).
  const run = letterRunBefore(line, start, end);
  if (!run) return false;
  const word = run.toLowerCase();
  // A single capital letter is an initial ("A. Novruz").
  if (/^\p{Lu}$/u.test(run)) return true;
  return ABBREVIATIONS.has(word) || ABBREVIATIONS.has(word.replace(/\.$/, ''));
}

/** Splits text into sentences, with their offsets. Line breaks always end a sentence. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const push = (start: number, end: number): void => {
    let from = start;
    let to = end;
    while (from < to && /\s/.test(text[from] ?? '')) from += 1;
    while (to > from && /\s/.test(text[to - 1] ?? '')) to -= 1;
    if (to > from) spans.push({ text: text.slice(from, to), start: from });
  };

  const lineBreak = /\n/g;
  let lineStart = 0;
  const lines: Array<[number, number]> = [];
  for (let match = lineBreak.exec(text); match; match = lineBreak.exec(text)) {
    lines.push([lineStart, match.index]);
    lineStart = match.index + 1;
  }
  lines.push([lineStart, text.length]);

  // A sentence ends at . ! ? or … (with any closing quotes or brackets), followed by space and
  // something that can start a sentence.
  // The run of marks is taken whole and only from its first mark (the lookbehind, and a lookahead
  // captured then matched by reference, which cannot backtrack): the plain `[.!?…]+` retried every
  // shorter run from every mark, quadratic on a line of 200,000 dots. Same matches otherwise, since
  // a shorter run is followed by a mark, never by the space the boundary needs.
  const boundary = /(?<![.!?…])(?=([.!?…]+["'”’»)\]]*))\1(?=\s+["'“‘«(\[]?[\p{Lu}\p{N}])/gu;
  for (const [from, to] of lines) {
    const line = text.slice(from, to);
    let sentenceStart = 0;
    boundary.lastIndex = 0;
    for (let match = boundary.exec(line); match; match = boundary.exec(line)) {
      const end = match.index + match[0].length;
      if (match[0].startsWith('.') && endsWithAbbreviation(line, sentenceStart, match.index)) continue;
      push(from + sentenceStart, from + end);
      sentenceStart = end;
    }
    push(from + sentenceStart, to);
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------
// Numbers

const MULTIPLIERS: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  millions: 1e6,
  mln: 1e6,
  mn: 1e6,
  billion: 1e9,
  billions: 1e9,
  bn: 1e9,
  trillion: 1e12,
};

const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60,
  seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12,
};

const MONTH_NAMES =
  /(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?$/;
const MONTH_AFTER =
  /^\s*(?:of\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b/;

/**
 * A numeral: comma-grouped thousands, dot-grouped thousands (two groups or more), groups split by
 * no-break spaces, or digits with an optional decimal part. The digits may not touch a letter
 * before them ("G20") — that is checked by the caller, since lookbehinds stay simple here.
 */
const NUMERAL =
  /\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?(?!\d)|\d{1,3}(?:[\u00A0\u202F]\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?/y;

const WORD_NUMERAL = new RegExp(
  `(?:${Object.keys(WORD_NUMBERS).join('|')})(?:-(?:${Object.keys(WORD_NUMBERS).join('|')}))?\\b`,
  'iy',
);

/** Parses a numeral: "11,667" → 11667, "4,9" → 4.9, "1.500.000" → 1500000, "86 600" → 86600. */
export function parseNumeral(raw: string): number | null {
  const numeral = raw.replace(/[\u00A0\u202F]/g, ' ').trim();
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(numeral)) return Number(numeral.replace(/,/g, ''));
  if (/^\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?$/.test(numeral)) {
    return Number(numeral.replace(/\./g, '').replace(',', '.'));
  }
  if (/^\d{1,3}(?: \d{3})+(?:[.,]\d+)?$/.test(numeral)) {
    return Number(numeral.replace(/ /g, '').replace(',', '.'));
  }
  // A single comma: followed by exactly three digits it groups thousands, otherwise it is a
  // decimal comma ("4,9%", "13,4%").
  if (/^\d+,\d+$/.test(numeral)) {
    const [whole, fraction] = numeral.split(',') as [string, string];
    return fraction.length === 3 ? Number(whole + fraction) : Number(`${whole}.${fraction}`);
  }
  if (/^\d+(?:\.\d+)?$/.test(numeral)) return Number(numeral);
  return null;
}

function parseWordNumber(raw: string): number | null {
  const parts = raw.toLowerCase().split('-');
  let total = 0;
  for (const part of parts) {
    const value = WORD_NUMBERS[part];
    if (value === undefined) return null;
    total += value;
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// Units

const PHRASE_UNITS: Array<[RegExp, string]> = [
  [/^(?:percentage points?|pp)\b/i, 'percentage points'],
  [/^(?:per\s*cent|percent|pct)\b/i, '%'],
  [/^%/, '%'],
  [/^(?:square|sq\.?)\s+(?:kilomet(?:re|er)s?|km)\b/i, 'km²'],
  [/^km(?:²|2|\^2)(?![\p{L}\d])/iu, 'km²'],
  [/^(?:square|sq\.?)\s+(?:met(?:re|er)s?|m)\b/i, 'm²'],
  [/^m(?:²|2)(?![\p{L}\d])/u, 'm²'],
  [/^(?:hectares?|ha)\b/i, 'hectares'],
  [/^(?:kilomet(?:re|er)s?|km)\b/i, 'km'],
  [/^(?:internally\s+)?displaced\s+(?:persons|people)\b/i, 'IDPs'],
  [/^IDPs?\b/, 'IDPs'],
  [/^explosive\s+remnants\s+of\s+war\b/i, 'ERW'],
  [/^(?:ERWs?|UXOs?)\b/, 'ERW'],
  [/^(?:unexploded\s+(?:ordnance|munitions|devices))\b/i, 'ERW'],
  [/^(?:improvised\s+)?explosive\s+devices\b/i, 'explosive devices'],
  [/^(?:anti-personnel|anti-tank|antipersonnel|antitank)\s+(?:land)?mines\b/i, 'landmines'],
];

const WORD_UNITS: Record<string, string> = {
  people: 'people', persons: 'people', civilians: 'people', citizens: 'people', children: 'people',
  women: 'people', men: 'people', residents: 'people', individuals: 'people', inhabitants: 'people',
  victims: 'people', casualties: 'people', survivors: 'people', azerbaijanis: 'people',
  refugees: 'people', deminers: 'deminers', sappers: 'deminers', officials: 'officials',
  delegates: 'people', participants: 'people',
  landmines: 'landmines', mines: 'landmines',
  countries: 'countries', states: 'countries', nations: 'countries',
  incidents: 'incidents', accidents: 'incidents', explosions: 'incidents',
  hectares: 'hectares',
  years: 'years', months: 'months', weeks: 'weeks', days: 'days', hours: 'hours', decades: 'decades',
  dollars: 'USD', euros: 'EUR', manat: 'AZN', manats: 'AZN', usd: 'USD', eur: 'EUR', azn: 'AZN',
  gbp: 'GBP', pounds: 'GBP',
  // "57 were killed and 245 were injured"
  killed: 'people', injured: 'people', wounded: 'people', dead: 'people', maimed: 'people',
};

/** Singular time words joined by a hyphen: "44-day war", "three-decade-long occupation". */
const HYPHEN_UNITS: Record<string, string> = {
  day: 'days', week: 'weeks', month: 'months', year: 'years', decade: 'decades', hour: 'hours',
  km: 'km', kilometre: 'km', kilometer: 'km', hectare: 'hectares', percent: '%',
};

const CURRENCY_BEFORE: Array<[RegExp, string]> = [
  [/(?:US\$|\$|USD)\s*$/, 'USD'],
  [/(?:€|EUR)\s*$/, 'EUR'],
  [/(?:£|GBP)\s*$/, 'GBP'],
  [/(?:₼|AZN)\s*$/, 'AZN'],
];

/** Plural-looking words that are not the thing counted. */
const NOT_UNITS = new Set([
  'this', 'was', 'has', 'its', 'his', 'hers', 'is', 'as', 'thus', 'across', 'always', 'less',
  'unless', 'whereas', 'perhaps', 'towards', 'besides', 'plus', 'various', 'numerous',
  'previous', 'serious', 'countless', 'includes', 'remains', 'represents', 'accounts', 'means',
  'does', 'goes', 'us', 'yes', 'others', 'these', 'those', 'ours', 'yours', 'theirs',
]);

/** Words that may stand between a number and the thing it counts. */
const MAX_WORDS_TO_UNIT = 4;

function unitAfter(after: string): string | null {
  let rest = after;
  for (let word = 0; word < MAX_WORDS_TO_UNIT; word += 1) {
    const trimmed = rest.replace(/^\s+/, '');
    for (const [pattern, unit] of PHRASE_UNITS) if (pattern.test(trimmed)) return unit;
    const match = /^([\p{L}][\p{L}'’-]*)/u.exec(trimmed);
    if (!match?.[1]) return null; // punctuation or another number: the phrase has ended
    const token = match[1];
    const lower = token.toLowerCase();
    if (lower === 'of' && word > 0) return null; // "hundreds of thousands of …" is not ours
    const known = ownValue(WORD_UNITS, lower);
    if (known) return known;
    // An unknown plural noun right after the figure ("3 global conferences").
    if (/^\p{Ll}[\p{Ll}-]{2,}s$/u.test(token) && !NOT_UNITS.has(lower) && !lower.endsWith('ss')) {
      return lower;
    }
    rest = trimmed.slice(token.length);
    if (/^\s*[,;:.!?()"“”]/.test(rest)) return null;
  }
  return null;
}

/** Words of the clause before the figure that may name what it counts. */
const WORDS_TO_UNIT_BEFORE = 20;

/**
 * The unit named in the clause before the figure: "the toll of landmine victims has exceeded
 * 3,400". Takes that clause's last words, found once per sentence (see createClauseWords).
 */
function unitBefore(clauseWords: readonly string[]): string | null {
  for (let position = clauseWords.length - 1; position >= 0; position -= 1) {
    const unit = ownValue(WORD_UNITS, (clauseWords[position] ?? '').toLowerCase());
    if (unit && !TIME_UNITS.has(unit)) return unit;
  }
  return null;
}

/** A word's entry in a table, never an inherited member ("constructor" is prose, not a unit). */
function ownValue(table: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

const TIME_UNITS = new Set(['years', 'months', 'weeks', 'days', 'hours', 'decades']);

interface UnitGuess {
  unit: string | null;
  /** True when the unit was read after the figure (the reliable case). */
  unitFollows: boolean;
  multiplier: number;
  multiplierText: string;
}

/** `before` ends where the figure starts and need only hold its last few words (tailBefore). */
function unitFor(before: string, after: string, clauseWords: () => readonly string[]): UnitGuess {
  let multiplier = 1;
  let multiplierText = '';
  let rest = after;
  const currency = CURRENCY_BEFORE.find(([pattern]) => pattern.test(before))?.[1] ?? null;
  const multiplierMatch = /^\s*(thousand|millions?|mln|mn|billions?|bn|trillion)\b/i.exec(rest);
  const gluedMatch = currency ? /^(m|k)\b/i.exec(rest) : null; // "$5m", "€20k"
  if (multiplierMatch?.[1]) {
    multiplier = MULTIPLIERS[multiplierMatch[1].toLowerCase()] ?? 1;
    multiplierText = multiplierMatch[0];
  } else if (gluedMatch?.[1]) {
    multiplier = gluedMatch[1].toLowerCase() === 'm' ? 1e6 : 1e3;
    multiplierText = gluedMatch[0];
  }
  rest = rest.slice(multiplierText.length);
  if (currency) return { unit: currency, unitFollows: true, multiplier, multiplierText };
  const hyphen = /^-([\p{L}]+)/u.exec(rest);
  if (hyphen?.[1]) {
    return { unit: ownValue(HYPHEN_UNITS, hyphen[1].toLowerCase()) ?? null, unitFollows: true, multiplier, multiplierText };
  }
  const following = unitAfter(rest);
  if (following) return { unit: following, unitFollows: true, multiplier, multiplierText };
  return { unit: unitBefore(clauseWords()), unitFollows: false, multiplier, multiplierText };
}

// ---------------------------------------------------------------------------------------------
// What is not a figure

function isYear(value: number, raw: string, before: string, unit: string | null): boolean {
  if (!/^\d{4}$/.test(raw) || value < 1800 || value > 2100) return false;
  // "in 2020", "since 2022", "the 1954 Hague Convention": a year unless it clearly counts things.
  if (/\b(?:in|since|until|till|by|from|of|during|before|after|between|to|and|year|early|late|mid)\s*$/i.test(before)) {
    return true;
  }
  return unit === null || unit === 'years' || unit === 'days' || unit === 'decades';
}

function isDayOfMonth(value: number, raw: string, before: string, after: string): boolean {
  if (!/^\d{1,2}$/.test(raw) || value < 1 || value > 31) return false;
  return MONTH_NAMES.test(before.trimEnd()) || MONTH_AFTER.test(after);
}

// ---------------------------------------------------------------------------------------------

interface Found {
  /** Where the figure starts and ends in the sentence. */
  start: number;
  end: number;
  raw: string;
  value: number;
  unit: string | null;
  qualifier: Qualifier | null;
}

const RANGE_TAIL = /^\s*(?:-|–|—|to)\s*\d[\d,.]*/;
/** Letters that may follow digits directly: "5km", "20ha", "$5m", "3bn". */
const GLUED_SUFFIX = /^(?:km²|km2|km|ha|m²|m2|bn|mln|mn|k|m)(?![\p{L}\d])/iu;

function figuresIn(sentence: string): Found[] {
  const found: Found[] = [];
  // Whole dates and times are masked first: their digits are not figures.
  const blank = (match: string): string => ' '.repeat(match.length);
  const masked = sentence
    .replace(/\b\d{4}-\d{2}-\d{2}\b/g, blank)
    .replace(/\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b/g, blank)
    .replace(/\b\d{1,2}:\d{2}(?::\d{2})?\b/g, blank);

  const clauseWords = createClauseWords(masked);
  let skipUntil = 0;
  let dateRangeUntil = -1;
  for (let index = 0; index < masked.length; index += 1) {
    if (index < skipUntil) continue;
    const char = masked[index] ?? '';
    const previous = index > 0 ? (masked[index - 1] ?? '') : '';
    if (/[\p{L}\p{N}_]/u.test(previous)) continue; // inside a word or a longer number

    let raw: string;
    let parsed: number | null;
    let isWord = false;
    if (/\d/.test(char)) {
      NUMERAL.lastIndex = index;
      const match = NUMERAL.exec(masked);
      if (!match) continue;
      raw = match[0];
      parsed = parseNumeral(raw);
    } else if (/\p{L}/u.test(char)) {
      WORD_NUMERAL.lastIndex = index;
      const match = WORD_NUMERAL.exec(masked);
      if (!match) continue;
      raw = match[0];
      parsed = parseWordNumber(raw);
      isWord = true;
    } else {
      continue;
    }
    const end = index + raw.length;
    skipUntil = end;
    if (parsed === null) continue;
    const value = parsed;
    // Only the end of the text before the figure is ever read: a bounded window of it, since
    // `$`-anchored patterns on the whole prefix made 40,000 figures cost 40,000 scans (issue 13 §5).
    const before = tailBefore(masked, index);
    const after = masked.slice(end);

    if (!isWord) {
      // More digit groups we could not read ("1.2.3", a version number) are not a figure.
      if (/^[.,]\d/.test(after)) continue;
      // Digits glued to letters: ordinals ("18th"), decades ("1990s"), codes ("3D", "COVID-19").
      if (/^\p{L}/u.test(after) && !GLUED_SUFFIX.test(after)) continue;
      if (/\p{L}-$/u.test(before)) continue;
      // A number alone in brackets is a marker, not a figure: notes "[3]", list items "(2)", a
      // page's comment counter "Комментарии (0)".
      if (/[(\[]\s*$/.test(before) && /^\s*[)\]]/.test(after)) continue;
      // The second day of "May 24-26".
      if (index <= dateRangeUntil) continue;
      if (isDayOfMonth(value, raw, before, after)) {
        const tail = RANGE_TAIL.exec(after);
        if (tail) dateRangeUntil = end + tail[0].length;
        continue;
      }
    }

    // In a range the unit comes after its second number: "10-15%".
    const rangeTail = isWord ? null : RANGE_TAIL.exec(after);
    const unitText = rangeTail ? after.slice(rangeTail[0].length) : after;
    const guess = unitFor(before, unitText, () => clauseWords(index, WORDS_TO_UNIT_BEFORE));
    const multiplierText = rangeTail ? '' : guess.multiplierText;
    const multiplier = rangeTail ? 1 : guess.multiplier;

    if (isWord) {
      // Word numbers count only with a multiplier ("one million") or before a counted thing
      // ("three conferences"); "one of the main obstacles" is prose.
      if (multiplier === 1 && (value === 1 || !guess.unitFollows)) continue;
    } else if (isYear(value, raw, before, guess.unitFollows ? guess.unit : null)) {
      continue;
    }
    // Read from the sentence as written (not the date-masked copy): "more than 13,4%", "has exceeded 3,400".
    // qualifierBefore reads the last 40 characters only.
    const qualifier = qualifierBefore(sentence.slice(Math.max(0, index - 40), index));
    found.push({ start: index, end, raw: raw + multiplierText, value: roundFloat(value * multiplier), unit: guess.unit, qualifier });
    skipUntil = end + multiplierText.length;
  }
  return found;
}

function roundFloat(value: number): number {
  return Number.parseFloat(value.toPrecision(12));
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const isSpace = (char: string | undefined): boolean => char !== undefined && /\s/.test(char);

/**
 * The part of an over-long sentence quoted for one figure: at most MAX_QUOTE_LENGTH characters
 * around it, cut at spaces where possible. Sentences of normal length are quoted whole.
 */
function quoteAround(sentence: string, figure: Found): { text: string; offset: number } {
  if (sentence.length <= MAX_QUOTE_LENGTH) return { text: sentence, offset: 0 };
  const half = Math.floor((MAX_QUOTE_LENGTH - (figure.end - figure.start)) / 2);
  let from = Math.max(0, Math.min(figure.start - half, sentence.length - MAX_QUOTE_LENGTH));
  let to = Math.min(sentence.length, from + MAX_QUOTE_LENGTH);
  if (from > 0) {
    let space = from;
    while (space < figure.start && !isSpace(sentence[space])) space += 1;
    if (space < figure.start) from = space;
  }
  if (to < sentence.length) {
    let space = to;
    while (space > figure.end && !isSpace(sentence[space - 1])) space -= 1;
    if (space > figure.end) to = space;
  }
  while (from < figure.start && isSpace(sentence[from])) from += 1;
  while (to > figure.end && isSpace(sentence[to - 1])) to -= 1;
  return { text: sentence.slice(from, to), offset: from };
}

export interface Proposal {
  /** The first `limit` figures, in reading order. */
  candidates: Candidate[];
  /** How many figures the text holds in all (repeated sentences counted once). */
  figuresFound: number;
}

/**
 * Every figure in the text with its sentence, value and guessed unit, in reading order, up to
 * `limit` of them; the rest are only counted. A sentence that occurs again later (a page scraped
 * twice, a repeated summary) is proposed only once, at its first position.
 */
export function proposeFactsUpTo(text: string, limit: number): Proposal {
  const candidates: Candidate[] = [];
  let figuresFound = 0;
  const seen = new Set<string>();
  for (const span of splitSentences(text)) {
    const sentence = collapse(span.text);
    if (seen.has(sentence)) continue;
    seen.add(sentence);
    for (const figure of figuresIn(span.text)) {
      figuresFound += 1;
      if (candidates.length >= limit) continue;
      const quote = quoteAround(span.text, figure);
      candidates.push({
        quote: quote.text,
        quoteStart: span.start + quote.offset,
        sentence: quote.offset === 0 && quote.text === span.text ? sentence : collapse(quote.text),
        value: figure.value,
        unit: figure.unit,
        qualifier: figure.qualifier,
        raw: figure.raw,
      });
    }
  }
  return { candidates, figuresFound };
}

/** Every figure in the text (see proposeFactsUpTo). */
export function proposeFacts(text: string): Candidate[] {
  return proposeFactsUpTo(text, Number.POSITIVE_INFINITY).candidates;
}
