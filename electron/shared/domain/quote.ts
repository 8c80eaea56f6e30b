/**
 * Where a fact's quote stands in its source's text: at its recorded offset when the text there
 * still reads the same, else its first occurrence; null when the text no longer holds it. One
 * rule for the fact detail's highlight and for the core's checks.
 */
export const locateQuote = (text: string, quote: string, quoteStart: number | null = null): number | null => {
  if (!quote) return null;
  if (quoteStart !== null && text.slice(quoteStart, quoteStart + quote.length) === quote) return quoteStart;
  const found = text.indexOf(quote);
  return found >= 0 ? found : null;
};
