import { useLayoutEffect, useRef } from 'react';
import { locateQuote } from '../../../electron/shared/domain/quote';

/**
 * The source's full text with the fact's quote highlighted in place and scrolled to the middle of
 * the pane. The text is rendered as React text nodes, never as HTML: a source that contains markup
 * shows it as characters.
 */
export const SourceText = ({ text, quote, quoteStart }: { text: string; quote: string; quoteStart: number | null }) => {
  const containerRef = useRef<HTMLDivElement>(null);
  const markRef = useRef<HTMLElement>(null);
  const start = locateQuote(text, quote, quoteStart);

  useLayoutEffect(() => {
    const container = containerRef.current;
    const mark = markRef.current;
    if (!container) return;
    if (!mark) {
      container.scrollTop = 0;
      return;
    }
    // Scroll only this pane (scrollIntoView would also scroll every ancestor, even overflow:hidden ones).
    const containerBox = container.getBoundingClientRect();
    const markBox = mark.getBoundingClientRect();
    const offset = markBox.top - containerBox.top + container.scrollTop;
    container.scrollTop = Math.max(0, offset - Math.max(24, (container.clientHeight - markBox.height) / 2));
  }, [text, start, quote]);

  if (text.trim() === '') {
    return <p className="source-text source-text--empty">This source has no text. Edit the source to paste it in, so quotes can be checked against it.</p>;
  }

  return (
    <>
      {quote && start === null && (
        <p className="source-text__missing">The quote is not in the source text any more: the text may have been edited since the fact was added.</p>
      )}
      <div className="source-text" ref={containerRef} tabIndex={0} role="region" aria-label="Source text">
        {start === null ? (
          text
        ) : (
          <>
            {text.slice(0, start)}
            <mark ref={markRef} className="source-text__quote">
              {text.slice(start, start + quote.length)}
            </mark>
            {text.slice(start + quote.length)}
          </>
        )}
      </div>
    </>
  );
};
