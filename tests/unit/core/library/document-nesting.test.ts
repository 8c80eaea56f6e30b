import { describe, expect, it } from 'vitest';
import { htmlNestingDepth, markdownListIndent, markdownQuoteDepth } from '../../../../electron/core/library/document-nesting';

describe('htmlNestingDepth', () => {
  it('counts nested elements, not void ones or those whose end tag is usually left out', () => {
    expect(htmlNestingDepth('<html><body><div><span>x</span></div></body></html>')).toBe(4);
    expect(htmlNestingDepth('<body><p>one<p>two<p>three<br><img src="a"><hr/></body>')).toBe(1);
    expect(htmlNestingDepth('<ul><li>a<li>b<ul><li>c</ul></ul>')).toBe(2);
    expect(htmlNestingDepth('<b>'.repeat(1_000))).toBe(1_000);
  });

  it('reads a run of unclosed "<a" in one pass', () => {
    expect(htmlNestingDepth('<a'.repeat(200_000))).toBe(0);
  });
});

describe('Markdown nesting', () => {
  it('counts quote markers at the start of a line', () => {
    expect(markdownQuoteDepth('> a\n> > b\n>>> c\ntext > not a quote')).toBe(3);
  });

  it('measures the indentation of list items, tabs as four columns', () => {
    expect(markdownListIndent('- a\n  - b\n\t\t* c\n        code, not a list')).toBe(8);
    expect(markdownListIndent('1. one\n   2) two')).toBe(3);
  });
});
