/**
 * Bounds on what one import proposes (issue 13 §5). A document may hold any number of figures;
 * the review sheet lists at most MAX_PROPOSED_FIGURES of them, in reading order, and says how many
 * there were, so a table of 100,000 numbers neither freezes the app nor floods the review.
 */
export const MAX_PROPOSED_FIGURES = 1_000;

/**
 * The longest quote proposed. A longer "sentence" (a table flattened onto one line, a page with no
 * full stops) is quoted as a window of this size around its figure, cut at spaces where possible:
 * a fact's quote may not exceed 20,000 characters, and 1,000 proposals each quoting the same 80 KB
 * line were 80 MB of answer.
 */
export const MAX_QUOTE_LENGTH = 2_000;
