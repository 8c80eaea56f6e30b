import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { LibraryPage } from '../pages/library-page';

/**
 * Hostile text created through the real API shows as plain text in the Library: no element is
 * injected, nothing runs, no dialog opens (DESIGN §3: text from facts and sources is data).
 */

const H = {
  script: '<script>window.__pwned = 1; alert("fact")</script>',
  img: '<img src=x onerror="window.__pwned=1; alert(2)">',
  svg: '<svg onload="window.__pwned=1"><circle r=5 /></svg>',
  jsUrl: 'javascript:window.__pwned=1',
  link: '<a href="javascript:window.__pwned=1" id="pwn-link">click me</a>',
  html: '<b id="pwn-bold">bold</b> &amp; <i>it</i>',
  /** U+202E RIGHT-TO-LEFT OVERRIDE without its U+202C. */
  rlo: 'Outlet\u202Egnp.exe',
  zeroWidth: 'zero\u200Bwidth\u200Cjoin\u200Dword\uFEFFend',
};

const MEGA_LINE = 'clearance teams surveyed the plots near the river crossing '.repeat(17_800).slice(0, 1_048_576);
const MEGA_QUOTE = MEGA_LINE.slice(600_000, 600_160).trim();
const STATEMENT = `${H.script} Hostile 12 people hurt`;
const SOURCE_TEXT = [`In 2025, 12 people were hurt by <script>mines</script> near ${H.jsUrl}.`, `Markup: ${H.html} ${H.img} ${H.svg} ${H.link}`, `Hidden: ${H.zeroWidth}`, MEGA_LINE].join('\n');

interface Created {
  sourceId: string;
  factIds: string[];
}

/** Creates a hostile source and facts from inside the page, with the page's session, like the UI does. */
const createHostileContent = async (page: Page): Promise<Created> =>
  page.evaluate(
    async ({ H, STATEMENT, SOURCE_TEXT, MEGA_QUOTE }) => {
      const call = async (channel: string, input: unknown) => {
        const response = await fetch(`./api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ input }),
        });
        const result = (await response.json()) as { ok: boolean; value?: { id: string }; error?: { message: string } };
        if (!result.ok) throw new Error(`${channel}: ${result.error?.message}`);
        return result.value!;
      };
      const source = await call('sources:create', {
        type: 'report',
        title: `${H.script} Hostile source ${H.html}`,
        outlet: H.rlo,
        via: H.img,
        authors: [{ literal: H.svg }],
        published: '2025-06',
        language: 'en',
        url: 'https://example.org/report',
        text: SOURCE_TEXT,
        origin: H.jsUrl,
        note: `${H.link} ${H.zeroWidth}`,
      });
      const base = { sourceId: source.id, asOf: '2025', indicator: null, supersededBy: null };
      const facts = [
        await call('facts:create', { ...base, statement: STATEMENT, value: 12, unit: '<u>people</u>', quote: 'In 2025, 12 people were hurt by <script>mines</script>', tags: ['<script>', H.img], note: H.link }),
        await call('facts:create', { ...base, statement: `Hostile statement ${H.jsUrl} ${H.link} ${H.rlo} ${H.zeroWidth}`, value: null, unit: null, quote: '', tags: [], note: '' }),
        await call('facts:create', { ...base, statement: `Hostile markup ${H.html} ${H.svg} ${H.img}`, value: 4.8, unit: '%', quote: MEGA_QUOTE, tags: [], note: '' }),
      ];
      return { sourceId: source.id, factIds: facts.map((fact) => fact.id) };
    },
    { H, STATEMENT, SOURCE_TEXT, MEGA_QUOTE },
  );

/** Fails the test on any dialog (alert/confirm/prompt) and on any sign that injected markup ran. */
const guard = (page: Page) => {
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    dialogs,
    errors,
    /** No injected element anywhere in the document, and nothing set by one. */
    async expectNothingInjected() {
      await expect(page.locator('script', { hasText: '__pwned' })).toHaveCount(0);
      await expect(page.locator('img[src="x"], [onerror], [onload], svg circle, #pwn-link, #pwn-bold, a[href^="javascript:"], iframe, object, embed')).toHaveCount(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
    },
  };
};

test('hostile facts and sources show as plain text in the Library, and nothing runs', async ({ page, dossier }) => {
  const watch = guard(page);
  const library = new LibraryPage(page);
  await library.goto(dossier.url);
  await expect(library.resultCount).toHaveText('63 facts');
  const created = await createHostileContent(page);
  expect(created.factIds).toHaveLength(3);

  // A fresh load reads the library with the hostile content in it.
  await library.goto(dossier.url);
  await expect(library.resultCount).toHaveText('66 facts');
  await library.search.fill('hostile');
  await expect(library.rows).toHaveCount(3);
  const scriptRow = library.row('Hostile 12 people hurt');
  await expect(scriptRow.locator('.fact-row__statement')).toHaveText(STATEMENT);
  await expect(scriptRow.locator('.fact-row__unit')).toHaveText('<u>people</u>');
  await expect(library.row('Hostile markup').locator('.fact-row__statement')).toHaveText(`Hostile markup ${H.html} ${H.svg} ${H.img}`);
  await watch.expectNothingInjected();

  // The detail pane: statement, quote, source title and notes are text; the quote is found in the
  // source text and highlighted, markup and all.
  await library.open('Hostile 12 people hurt');
  await expect(library.detail.locator('.detail__statement')).toHaveText(STATEMENT);
  await expect(library.detail.locator('.detail__quote')).toHaveText('In 2025, 12 people were hurt by <script>mines</script>');
  await expect(library.highlight).toHaveText('In 2025, 12 people were hurt by <script>mines</script>');
  await expect(library.detail.locator('.detail__source-title')).toHaveText(`${H.script} Hostile source ${H.html}`);
  await expect(library.sourceText).toContainText(`Markup: ${H.html} ${H.img} ${H.svg} ${H.link}`);
  await expect(library.detail.getByText('<script>', { exact: true })).toBeVisible(); // the tag chip
  await watch.expectNothingInjected();

  // Bidi and zero-width characters are kept as characters, not dropped or turned into markup.
  await library.search.fill('hostile statement');
  await library.open('Hostile statement');
  // Compared raw (toHaveText would fold U+FEFF as whitespace).
  await expect.poll(() => library.detail.locator('.detail__statement').textContent()).toBe(`Hostile statement ${H.jsUrl} ${H.link} ${H.rlo} ${H.zeroWidth}`);

  // The fact whose source holds a 1 MB line opens, with its quote highlighted inside that line.
  await library.search.fill('hostile markup');
  await library.open('Hostile markup');
  await expect(library.highlight).toHaveText(MEGA_QUOTE);
  await expect(library.highlight).toBeInViewport();

  // Editing shows the raw text in the form fields, still inert.
  await library.detail.getByRole('button', { name: 'Edit', exact: true }).click();
  const edit = page.getByRole('dialog', { name: 'Edit fact' });
  await expect(edit.getByLabel('Statement')).toHaveValue(`Hostile markup ${H.html} ${H.svg} ${H.img}`);
  await page.keyboard.press('Escape');
  await expect(edit).toBeHidden();

  await watch.expectNothingInjected();
  expect(watch.errors).toEqual([]);
});

// Regression: outlet, "via", authors and date were once one text node, so an unterminated U+202E in the
// outlet drew the date reversed ("5202 nuJ"). Each field is now isolated in its own <bdi>.
test('a right-to-left override in one field does not reorder the fields shown after it', async ({ page, dossier }) => {
  const watch = guard(page);
  const library = new LibraryPage(page);
  await library.goto(dossier.url);
  await createHostileContent(page);
  await library.goto(dossier.url);
  await library.search.fill('hostile 12 people');
  await library.open('Hostile 12 people hurt');
  // "Outlet\u202Egnp.exe · via <img …> · Jun 2025": with the override isolated, "via" is still drawn
  // left of the date. Measured with Ranges on the rendered text.
  const line = library.detail.locator('.detail__source-line').first();
  await expect(line).toContainText('2025');
  const order = await line.evaluate((element) => {
    // Where each piece of text is drawn, wherever it sits in the line's DOM.
    const box = (needle: string) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const start = node.textContent?.indexOf(needle) ?? -1;
        if (start < 0) continue;
        const range = document.createRange();
        range.setStart(node, start);
        range.setEnd(node, start + needle.length);
        return range.getBoundingClientRect().left;
      }
      return Number.NaN;
    };
    return { via: box('via'), date: box('2025') };
  });
  expect(order.via).toBeLessThan(order.date);
  await watch.expectNothingInjected();
});
