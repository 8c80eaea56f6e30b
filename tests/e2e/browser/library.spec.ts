import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyDocument } from '../../../electron/core/store/library-file';
import { expect, test } from '../fixtures';
import { LibraryPage } from '../pages/library-page';

interface SeedFact {
  id: string;
  statement: string;
  quote: string;
  value: number | null;
}
const seed = JSON.parse(readFileSync('seeds/library.json', 'utf8')) as { facts: SeedFact[] };
const seedFact = (id: string): SeedFact => {
  const fact = seed.facts.find((candidate) => candidate.id === id);
  if (!fact) throw new Error(`no seed fact ${id}`);
  return fact;
};

const scratchFile = (name: string, content: string): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'dossier-import-')), name);
  writeFileSync(path, content);
  return path;
};

test('search as you type finds facts by the start of a word, and Ctrl+K focuses the search', async ({ page, dossier }) => {
  const library = new LibraryPage(page);
  await library.goto(dossier.url);
  await expect(library.resultCount).toHaveText('63 facts');

  await page.keyboard.press('Control+k');
  await expect(library.search).toBeFocused();
  await library.search.pressSequentially('hect');
  await expect(library.row('166,000')).toBeVisible();
  await expect(library.row('166,000')).toContainText('hectares');
  await expect(library.row(/\b388\b/)).toHaveCount(0);

  // Esc clears the search first, and every fact comes back.
  await page.keyboard.press('Escape');
  await expect(library.search).toHaveValue('');
  await expect(library.resultCount).toHaveText('63 facts');
});

test('filters by tag, source, indicator, date range and "has conflict"', async ({ page, dossier }) => {
  const library = new LibraryPage(page);
  await library.goto(dossier.url);

  // Tag
  await library.showAll('Tags');
  const anama = await library.facetCount('Tags', 'ANAMA');
  await library.facetOption('Tags', 'ANAMA').getByRole('checkbox').check();
  await expect(library.resultCount).toHaveText(`${anama} facts`);
  await library.facetOption('Tags', 'ANAMA').getByRole('checkbox').uncheck();
  await expect(library.resultCount).toHaveText('63 facts');

  // Source: every row comes from Jordan Daily.
  const jordan = await library.facetCount('Sources', 'Jordan Daily');
  await library.facetOption('Sources', 'Jordan Daily').getByRole('checkbox').check();
  await expect(library.resultCount).toHaveText(`${jordan} facts`);
  await library.settled();
  await expect(library.rows.first()).toContainText('Jordan Daily');
  await expect(library.rows.filter({ hasNotText: 'Jordan Daily' })).toHaveCount(0);
  await library.filters.getByRole('button', { name: /^Clear/ }).click();
  await expect(library.resultCount).toHaveText('63 facts');

  // Indicator: the five casualty figures since the 2020 ceasefire.
  await library.showAll('Indicators');
  await library.facetOption('Indicators', 'Mine casualties since the November 2020 ceasefire').getByRole('checkbox').check();
  await expect(library.resultCount).toHaveText('5 facts');
  for (const value of ['388', '302', '382', '409', '415']) await expect(library.row(new RegExp(`^${value}`))).toBeVisible();

  // Date range, on top of the indicator: from 2025 leaves out the May 2023 figure.
  const dates = library.facet('Date (as of)');
  await dates.getByLabel('From').fill('2025');
  await dates.getByLabel('From').press('Enter');
  await expect(library.row(/^302/)).toHaveCount(0);
  await expect(library.row(/^415/)).toBeVisible();
  await expect(library.row(/^388/)).toBeVisible();

  // A date that is not one is refused beside the field, and filters nothing.
  await dates.getByLabel('To').fill('2025-13');
  await dates.getByLabel('To').press('Enter');
  await expect(dates.getByText('There is no month 13.', { exact: false })).toBeVisible();
  await library.filters.getByRole('button', { name: /^Clear/ }).click();
  await expect(library.resultCount).toHaveText('63 facts');

  // Has conflict: every row shown carries a conflict badge. Read from the texts, only the
  // Embassy's 4.8% and the Mine action page's 4.9% disagree (both undated); the casualty counts
  // are a series counted to different days.
  await library.hasConflict().check();
  await expect(library.resultCount).toHaveText('2 facts');
  await expect(library.row(/^4\.8/)).toBeVisible();
  await expect(library.row(/^4\.9/)).toBeVisible();
  await library.settled();
  const shown = await library.rows.count();
  expect(shown).toBeGreaterThan(0);
  await expect(library.resultCount).toHaveText(`${shown} facts`);
  await expect(library.list.getByRole('button', { name: 'Conflict', exact: true })).toHaveCount(shown);
});

test('opening a fact shows its source text with the quote highlighted in view', async ({ page, dossier }) => {
  const library = new LibraryPage(page);
  await library.goto(dossier.url);
  // A quote near the end of its source, so the text has to scroll to it.
  const fact = seedFact('fact-enveroglu-national-funding-90');
  await library.search.fill('paid from national');
  await library.open(fact.statement.slice(0, 40));
  await expect(library.detail.getByText(fact.statement)).toBeVisible();
  await expect(library.highlight).toHaveText(fact.quote);
  await expect(library.highlight).toBeInViewport();

  // Esc closes the fact.
  await page.keyboard.press('Escape');
  await expect(library.detail.getByText('Select a fact')).toBeVisible();
});

test('works from the keyboard: search, arrows, E to edit, Esc to close, Delete and Ctrl+Z', async ({ page, dossier }) => {
  const library = new LibraryPage(page);
  await library.goto(dossier.url);
  await page.keyboard.press('Control+k');
  await page.keyboard.type('cumulative toll');
  await expect(library.resultCount).toHaveText(/^\d+ facts? for “cumulative toll”/);
  await library.settled();
  await page.keyboard.press('ArrowDown');
  const first = library.rows.first().locator('.fact-row__main');
  await expect(first).toBeFocused();
  await expect(first).toHaveAttribute('aria-current', 'true');
  const firstValue = (await library.detail.locator('.detail__value').innerText()).trim();

  await page.keyboard.press('e');
  const edit = page.getByRole('dialog', { name: 'Edit fact' });
  await expect(edit).toBeVisible();
  await expect(edit.getByLabel('Statement')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(edit).toBeHidden();
  await expect(first).toBeFocused();

  await page.keyboard.press('Delete');
  await expect(page.getByText(/^Deleted “/)).toBeVisible();
  await expect(page.getByTestId('count-facts')).toHaveText('62');
  await page.locator('body').press('Control+z');
  await expect(page.getByTestId('count-facts')).toHaveText('63');
  await expect(library.detail.locator('.detail__value')).toHaveText(firstValue);
});

test('a conflict badge opens the comparison: the two undated foreign-funding shares disagree', async ({ page, dossier }) => {
  const library = new LibraryPage(page);
  await library.goto(dossier.url);
  // The casualty counts (302, 388, 415) are a series, not a conflict: no badge on them.
  await library.search.fill('killed injured mines');
  await expect(library.row(/^388/)).toBeVisible();
  await expect(library.conflictBadge(/^388/)).toHaveCount(0);
  // It is shown as the series it is: May 2023, December 2025, 31 December 2025.
  await library.open(/^388/);
  await expect(library.detail.getByTestId('series-note').getByRole('listitem')).toHaveText([/^302\s+people\s+May 2023/, /^388\s+people\s+Dec 2025/, /^415\s+people\s+31 Dec 2025/]);
  // The Embassy release says 4.8%, the Mine action page 4.9%; neither is dated.
  await library.search.fill('foreign assistance');
  await library.conflictBadge(/^4\.8/).click();
  const comparison = page.getByRole('dialog', { name: 'Sources disagree' });
  await expect(comparison).toBeVisible();
  const rows = comparison.getByTestId('comparison-row');
  await expect(rows).toHaveCount(2);
  await expect(comparison.getByText('Newest', { exact: true })).toHaveCount(0);
  await expect(rows.filter({ hasText: '4.8%' })).toContainText('This fact');
  await expect(rows.filter({ hasText: '4.9%' })).toContainText('undated');

  // "Show" on the other figure opens that fact.
  await rows.filter({ hasText: '4.9%' }).getByRole('button', { name: 'Show' }).click();
  await expect(comparison).toBeHidden();
  await expect(library.detail.locator('.detail__value')).toContainText('4.9');
});

test('adds a fact after fixing a validation error, then edits it', async ({ page, dossier }) => {
  const library = new LibraryPage(page);
  await library.goto(dossier.url);
  await library.topBarButton('Add fact').click();
  const form = page.getByRole('dialog', { name: 'Add a fact' });
  await expect(form).toBeVisible();

  await form.getByLabel('Source').selectOption({ label: 'Jordan Daily — Azerbaijan urges the international community to increase support for demining' });
  await form.getByLabel('Statement').fill('Test statement: twelve mine-detection dogs work in Aghdam.');
  await form.getByLabel('Value').fill('abc');
  await form.getByLabel('As of').fill('2025-02-30');
  await form.getByRole('button', { name: 'Add fact' }).click();
  await expect(form.getByText('“abc” is not a number.', { exact: false })).toBeVisible();
  await expect(form.getByText('Feb 2025 has no day 30.')).toBeVisible();
  await expect(form.getByLabel('Value')).toBeFocused();

  // "1 500" is read as 1500; a comma is a decimal mark when not grouping thousands.
  await form.getByLabel('Value').fill('1 500');
  await expect(form.getByText('Read as 1,500.')).toBeVisible();
  await form.getByLabel('Unit').fill('dogs');
  await form.getByLabel('As of').fill('2025-02');
  await form.getByLabel('Tags', { exact: true }).fill('test-tag');
  await form.getByLabel('Tags', { exact: true }).press('Enter');
  await form.getByRole('button', { name: 'Add fact' }).click();
  await expect(form).toBeHidden();
  await expect(library.detail.getByText('Test statement: twelve mine-detection dogs work in Aghdam.')).toBeVisible();
  await expect(library.detail.locator('.detail__value')).toHaveText('1,500dogs');
  await expect(page.getByTestId('count-facts')).toHaveText('64');

  await library.detail.getByRole('button', { name: 'Edit', exact: true }).click();
  const edit = page.getByRole('dialog', { name: 'Edit fact' });
  await expect(edit.getByLabel('Value')).toHaveValue('1500');
  await edit.getByLabel('Value').fill('4,9');
  await edit.getByLabel('Unit').fill('%');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(library.detail.locator('.detail__value')).toHaveText('4.9%');
  await library.search.fill('twelve detection dogs');
  await expect(library.row('Test statement')).toContainText('4.9%');
});

test('deletes a fact, and Undo restores it', async ({ page, dossier }) => {
  const library = new LibraryPage(page);
  await library.goto(dossier.url);
  await library.search.fill('hect');
  await library.open('166,000');
  await library.detail.getByRole('button', { name: 'Delete' }).click();
  await expect(library.row('166,000')).toHaveCount(0);
  await expect(page.getByTestId('count-facts')).toHaveText('62');
  await expect(page.getByText(/^Deleted “Azerbaijan has cleared 166,000/)).toBeVisible();

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(library.row('166,000')).toBeVisible();
  await expect(page.getByTestId('count-facts')).toHaveText('63');
});

test('imports an HTML document: its script never runs, accepted figures join the library', async ({ page, dossier }) => {
  const library = new LibraryPage(page);
  await library.goto(dossier.url);
  const html = `<!doctype html><html><head><title>Field report from Tartar</title>
<script>window.__dossierPwned = true; document.title = 'pwned';</script></head>
<body><h1>Field report from Tartar</h1>
<p>Deminers cleared 1,250 hectares around Tartar in March 2025.</p>
<p>The teams found 311 anti-personnel mines during the survey.</p>
<img src="x" onerror="window.__dossierPwned = true">
</body></html>`;
  await library.importInput.setInputFiles(scratchFile('tartar-report.html', html));
  const sheet = page.getByRole('dialog', { name: 'Import “tartar-report.html”' });
  await expect(sheet).toBeVisible();
  const candidates = sheet.getByTestId('import-candidate');
  await expect(candidates.filter({ hasText: 'Deminers cleared 1,250 hectares' })).toBeVisible();
  await expect(candidates.filter({ hasText: 'Deminers cleared' }).locator('mark')).toHaveText('1,250');
  await expect(sheet.getByRole('button', { name: /^Add 0 facts$/ })).toBeDisabled();

  // Accept one, edit its as-of date; then accept the rest.
  const first = candidates.filter({ hasText: 'Deminers cleared 1,250 hectares' });
  await first.getByRole('button', { name: 'Edit' }).click();
  await first.getByLabel('As of').fill('2025-03');
  await first.getByRole('button', { name: 'Accept' }).click();
  await expect(sheet.getByRole('button', { name: 'Add 1 fact' })).toBeVisible();
  await sheet.getByRole('button', { name: 'Accept all' }).click();
  const total = await candidates.count();
  await sheet.getByRole('button', { name: `Add ${total} facts` }).click();
  await expect(sheet).toBeHidden();

  await expect(library.row('Deminers cleared 1,250 hectares')).toBeVisible();
  await expect(library.row('311 anti-personnel mines')).toBeVisible();
  await expect(page.getByTestId('count-sources')).toHaveText('6');
  expect(await page.evaluate(() => (window as unknown as { __dossierPwned?: boolean }).__dossierPwned)).toBeUndefined();
  expect(await page.title()).toBe('Dossier');

  await library.open('Deminers cleared 1,250 hectares');
  await expect(library.highlight).toContainText('1,250 hectares');
  await expect(library.sourceText).not.toContainText('__dossierPwned');
});

test('a dropped plain-text file is imported, and markup in it shows as text, never as HTML', async ({ page, dossier }) => {
  const library = new LibraryPage(page);
  await library.goto(dossier.url);
  const text = 'Bulletin. <img src=x onerror="window.__dossierPwned=true"><b>Bold claim</b>\nSappers destroyed 742 mines in Fuzuli last month.\n';
  // Dropped anywhere on the Library (a DataTransfer carrying the file, as a drag from the desktop does).
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'bulletin.txt', { type: 'text/plain' }));
    return transfer;
  }, text);
  const libraryArea = page.getByRole('region', { name: 'Library' });
  await libraryArea.dispatchEvent('dragenter', { dataTransfer });
  await expect(page.getByText('Drop a .txt, .md or .html file')).toBeVisible();
  await libraryArea.dispatchEvent('drop', { dataTransfer });
  const sheet = page.getByRole('dialog', { name: 'Import “bulletin.txt”' });
  await sheet.getByTestId('import-candidate').filter({ hasText: '742' }).getByRole('button', { name: 'Accept' }).click();
  await sheet.getByRole('button', { name: 'Add 1 fact' }).click();
  await library.open('Sappers destroyed 742 mines');
  await expect(library.sourceText).toContainText('<img src=x onerror="window.__dossierPwned=true"><b>Bold claim</b>');
  await expect(library.sourceText.locator('img, b')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __dossierPwned?: boolean }).__dossierPwned)).toBeUndefined();
});

test('exports the library as a bundle download, and refuses a bad bundle with its reason', async ({ page, dossier }) => {
  const library = new LibraryPage(page);
  await library.goto(dossier.url);
  await library.topBarButton('Library file').click();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Export the whole library' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^dossier-library-\d{4}-\d{2}-\d{2}\.json$/);
  const bundle = JSON.parse(readFileSync(await download.path(), 'utf8')) as { format: string; facts: unknown[]; sources: unknown[] };
  expect(bundle.format).toBe('dossier-library-bundle');
  expect(bundle.facts).toHaveLength(63);
  expect(bundle.sources).toHaveLength(5);

  // The same bundle imports cleanly: nothing new, everything matched.
  await library.bundleInput.setInputFiles(await download.path());
  await expect(page.getByText(/^Imported “.*”: 0 facts added/)).toBeVisible();
  await expect(page.getByTestId('count-facts')).toHaveText('63');

  await library.bundleInput.setInputFiles(scratchFile('not-a-bundle.json', JSON.stringify({ format: 'something-else', facts: [] })));
  const refusal = page.getByRole('dialog', { name: '“not-a-bundle.json” was not imported' });
  await expect(refusal).toBeVisible();
  await expect(refusal.getByRole('alert')).not.toBeEmpty();
  await refusal.getByRole('button', { name: 'OK' }).click();
  await expect(refusal).toBeHidden();
  await expect(page.getByTestId('count-facts')).toHaveText('63');
});

test('edits a source from the fact detail', async ({ page, dossier }) => {
  const library = new LibraryPage(page);
  await library.goto(dossier.url);
  await library.search.fill('hect');
  await library.open('166,000');
  await library.detail.getByRole('button', { name: 'Edit source' }).click();
  const form = page.getByRole('dialog', { name: 'Edit source' });
  await expect(form.getByLabel('Outlet or publisher')).toHaveValue('Jordan Daily');
  await form.getByLabel('Web address').fill('not a web address');
  await form.getByRole('button', { name: 'Save source' }).click();
  await expect(form.getByText('Use a full web address', { exact: false })).toBeVisible();
  await form.getByLabel('Web address').fill('https://example.org/jordan-daily');
  await form.getByLabel('Outlet or publisher').fill('The Jordan Daily');
  await form.getByRole('button', { name: 'Save source' }).click();
  await expect(form).toBeHidden();
  await expect(library.detail.getByText('https://example.org/jordan-daily')).toBeVisible();
  await expect(library.row('166,000')).toContainText('The Jordan Daily');
});

test.describe('an empty library', () => {
  test.use({ initialStoreText: JSON.stringify(emptyDocument()) });

  test('explains what a fact is and the two ways to add one', async ({ page, dossier }) => {
    await page.goto(dossier.url);
    await expect(page.getByRole('heading', { name: 'Your library has no facts yet' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Import a document…' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add a fact…' })).toBeVisible();
    await expect(page.getByTestId('count-facts')).toHaveText('0');
  });
});
