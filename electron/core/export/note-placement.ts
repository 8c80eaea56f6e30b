/**
 * Where a note marker goes after a cited figure (issue 11 §3: "km²⁴" and "90%²⁵" read as
 * exponents or as more digits).
 *
 * We follow the Chicago Manual of Style (17th ed., 14.26), the style our notes use: a note number
 * follows the phrase it documents, after any punctuation mark except a dash, and preferably at
 * the end of a clause. So:
 *
 * 1. The marker follows the figure's phrase. When the figure was printed without its unit because
 *    the sentence names it ("415 casualties"), the phrase ends after that noun.
 * 2. Punctuation that closes the phrase (",", ".", ";", ":", "?", "!", closing quotes) comes
 *    before the marker: "253 incidents.⁹". A closing parenthesis does not: a note on something
 *    inside parentheses goes inside them (14.26), "(… operations.²⁶)".
 * 3. If the phrase still ends in something a superscript would extend (a digit, %, ‰, °, ², ³),
 *    the marker moves to the end of the clause ("over 90% of demining,²⁵ which…") when the clause
 *    ends within the same stretch of text, or just inside the parenthesis that closes it.
 * 4. Otherwise (the figure ends the paragraph, or another figure follows), a narrow no-break space
 *    separates it: "90 %\u202F²⁵" reads as a marker, and never wraps away from its figure.
 *
 * The APA style prints the same superscript numbers here (the notes list its sources), so one rule
 * serves both styles.
 */

export interface MarkerPlacement {
  /** How many characters of the following text come before the marker. */
  before: number;
  /** Put a narrow no-break space between the text and the marker. */
  separate: boolean;
}

/** U+202F NARROW NO-BREAK SPACE: thin, and pdfmake never breaks a line at it (DejaVu Sans has the glyph). */
export const MARKER_SEPARATOR = '\u202F';

/** A superscript number right after one of these reads as part of the figure. */
const EXTENDS_FIGURE = /[\d%‰°²³¹⁰⁴-⁹]$/u;

const CLOSING = /^[.,;:!?’”»]+/u;

/** The end of the clause: a punctuation mark followed by a space or the end (so "4.9" does not count). */
const CLAUSE_END = /[,;:!?.](?=\s|$)/u;
const MAX_CLAUSE_REACH = 80;

/**
 * @param printed  the figure as printed ("over 90%")
 * @param following  the text after it up to the next figure or chart reference ('' when none)
 * @param phraseLength  characters of `following` that belong to the figure's phrase (the noun
 *   that names its unit when it was printed value-only; 0 otherwise)
 */
export const placeNoteMarker = (printed: string, following: string, phraseLength = 0): MarkerPlacement => {
  let before = phraseLength;
  const closing = CLOSING.exec(following.slice(before));
  if (closing) before += closing[0].length;

  const lastChar = (printed + following.slice(0, before)).trimEnd();
  if (!EXTENDS_FIGURE.test(lastChar)) return { before, separate: false };

  const reach = following.slice(before, before + MAX_CLAUSE_REACH);
  const bracket = reach.search(/[)\]]/);
  const rest = bracket >= 0 ? reach.slice(0, bracket) : reach;
  const end = CLAUSE_END.exec(rest);
  if (end) {
    let at = before + end.index + end[0].length;
    const quote = CLOSING.exec(following.slice(at));
    if (quote) at += quote[0].length;
    if (!EXTENDS_FIGURE.test(following.slice(0, at))) return { before: at, separate: false };
  } else if (bracket > 0) {
    // The parenthesis closes the figure's phrase: the marker goes just inside it, "(… of land¹)".
    const at = before + bracket;
    if (!EXTENDS_FIGURE.test(following.slice(0, at).trimEnd())) return { before: at, separate: false };
  }
  return { before, separate: true };
};
