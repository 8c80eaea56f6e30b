import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findWrittenDate, guessMetadata, toPlainText } from '../../../../electron/core/library/document-text';

const documents = fileURLToPath(new URL('../../../../seeds/documents/', import.meta.url));
const seed = (name: string): string => readFileSync(documents + name, 'utf8');

describe('toPlainText: plain text', () => {
  it('keeps the text as it is, normalising only line endings and a byte-order mark', () => {
    expect(toPlainText('note.txt', '\uFEFF date 2025-12-24 X\r\n\r\nline two\rline three  ')).toEqual({
      text: ' date 2025-12-24 X\n\nline two\nline three  ',
      format: 'text',
    });
  });

  it('keeps a seed document byte for byte, so quote offsets stay valid', () => {
    const text = seed('002_57917e50e928226e.txt');
    expect(toPlainText('002_57917e50e928226e.txt', text).text).toBe(text);
  });
});

describe('toPlainText: HTML', () => {
  const html = `<!DOCTYPE html><html><head><title>Mine action &amp; Azerbaijan</title>
    <style>p { color: red }</style>
    <script>var secret = "SCRIPT-CONTENT"; document.write('x');</script></head>
    <body><h1>Mine action as a humanitarian challenge</h1>
    <p>Foreign assistance &ndash; only 4,9% of resources. Caf&eacute; &#8220;quoted&#8221; it&#8217;s &lt;b&gt;</p>
    <div>Second block<br>new line</div>
    <ul><li>first item</li><li>second <a href="https://example.org/secret-href">linked</a></li></ul>
    <img src="chart.png" alt="IMAGE-ALT"><noscript>NOSCRIPT-CONTENT</noscript>
    <script type="module">import "SCRIPT-TWO";</script></body></html>`;
  const result = toPlainText('page.html', html);

  it('drops scripts, styles, images and link targets', () => {
    expect(result.format).toBe('html');
    for (const hidden of ['SCRIPT-CONTENT', 'SCRIPT-TWO', 'document.write', 'color: red', 'IMAGE-ALT', 'NOSCRIPT-CONTENT', 'secret-href']) {
      expect(result.text).not.toContain(hidden);
    }
  });

  it('decodes entities and keeps the words as written', () => {
    expect(result.text).toContain('Foreign assistance – only 4,9% of resources. Café “quoted” it’s <b>');
    expect(result.text).toContain('Mine action as a humanitarian challenge'); // not upper-cased
    expect(result.text).toContain('second linked');
    expect(result.title).toBe('Mine action & Azerbaijan');
  });

  it('puts block elements on their own lines', () => {
    const lines = result.text.split('\n').filter((line) => line.trim() !== '');
    expect(lines[0]).toBe('Mine action as a humanitarian challenge');
    expect(lines).toContain('Second block');
    expect(lines).toContain('new line');
    expect(lines).toContain('- first item');
  });

  it('recognises HTML by its content when the extension says nothing', () => {
    const sniffed = toPlainText('download', '<!doctype html><p>Hello <b>world</b></p><script>SCRIPT</script>');
    expect(sniffed).toEqual({ text: 'Hello world', format: 'html' });
    expect(toPlainText('page.HTM', '<p>a &amp; b</p>').text).toBe('a & b');
  });
});

describe('toPlainText: Markdown', () => {
  const markdown = [
    '# Landmines in *Azerbaijan*',
    '',
    'Some _emphasis_, **strong** text and a [link text](https://example.org/hidden-url) and `code`.',
    '',
    '- item **one**',
    '- item two',
    '',
    '<script>alert("MD-SCRIPT")</script>',
    '',
    '## Second heading',
    '',
    'Foreign assistance: 4,9%.',
  ].join('\r\n');
  const result = toPlainText('notes.md', markdown);

  it('strips the markup and keeps readable text', () => {
    expect(result.format).toBe('markdown');
    const lines = result.text.split('\n').filter((line) => line.trim() !== '');
    expect(lines).toEqual([
      'Landmines in Azerbaijan',
      'Some emphasis, strong text and a link text and code.',
      '- item one',
      '- item two',
      'Second heading',
      'Foreign assistance: 4,9%.',
    ]);
    expect(result.text).not.toContain('hidden-url');
    expect(result.text).not.toContain('MD-SCRIPT');
    expect(result.text).not.toMatch(/[*_#`]/);
  });
});

describe('findWrittenDate', () => {
  it('reads ISO and written dates, and rejects impossible ones', () => {
    expect(findWrittenDate('date 2025-12-24 MENAFN')).toBe('2025-12-24');
    expect(findWrittenDate('Baku, 24 December 2025')).toBe('2025-12-24');
    expect(findWrittenDate('Dec. 3, 2024 at noon')).toBe('2024-12-03');
    expect(findWrittenDate('27.05.2023')).toBe('2023-05-27');
    expect(findWrittenDate('31 February 2025')).toBeNull();
    expect(findWrittenDate('no date here, only 2025')).toBeNull();
  });
});

describe('guessMetadata', () => {
  it('reads the date and author of a MENAFN header (document 000)', () => {
    expect(guessMetadata(seed('000_d32220963cb67063.txt'))).toEqual({
      title: null,
      published: '2025-12-24',
      authors: [{ family: 'Novruz', given: 'Akbar' }],
    });
  });

  it('reads a "date … name" header (document 001)', () => {
    expect(guessMetadata(seed('001_1869d3bed80e6ca2.txt'))).toEqual({
      title: null,
      published: '2023-05-27',
      authors: [{ family: 'Enveroglu', given: 'Elnur' }],
    });
  });

  it('reads a "By : Name" byline and invents no date (document 002)', () => {
    expect(guessMetadata(seed('002_57917e50e928226e.txt'))).toEqual({
      title: null,
      published: null,
      authors: [{ family: 'Zubeidi', given: 'Nedal' }],
    });
  });

  it('takes a headline from line 1 and no date from the body (document 004)', () => {
    expect(guessMetadata(seed('004_679e281582fdccfe.txt'))).toEqual({
      title: 'Mine action as a humanitarian challenge in Azerbaijan',
      published: null, // "until 31 December 2025" is in the body, not a publication date
      authors: [],
    });
  });

  it('finds nothing in a text without a header (document 003)', () => {
    expect(guessMetadata(seed('003_9c7d46ea8f44871e.txt'))).toEqual({ title: null, published: null, authors: [] });
  });

  it('reads a headline, several bylined authors and a dateline', () => {
    const text = 'Landmines in Azerbaijan\n\nBy Jane Doe and John Smith\n24 December 2025\n\nBody text follows. It is long.';
    expect(guessMetadata(text)).toEqual({
      title: 'Landmines in Azerbaijan',
      published: '2025-12-24',
      authors: [
        { family: 'Doe', given: 'Jane' },
        { family: 'Smith', given: 'John' },
      ],
    });
  });
});
