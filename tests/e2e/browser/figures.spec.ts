import { expect, test } from '../fixtures';
import { LibraryPage } from '../pages/library-page';
import { ReportEditorPage } from '../pages/report-editor-page';

/**
 * Issue 11 §3 as a user sees it: the Library shows a figure's qualifier, and a chip in the report
 * editor is written as the PDF writes it, in the form the sentence needs or the one chosen.
 */
const SAMPLE_APPEAL = 'Clearing the way home: mine action in Azerbaijan';
test.describe.configure({ timeout: 120_000 });

test('the Library shows the qualifier a fact keeps from its quote', async ({ page, dossier }) => {
  const library = new LibraryPage(page);
  await library.goto(dossier.url);
  await library.search.fill('contaminated share territory');
  await expect(library.rows.filter({ hasText: 'more than 13.4%' }).first()).toBeVisible();
});

test('a chip reads as the sentence needs, and a click chooses another form', async ({ page, dossier }) => {
  await page.goto(dossier.url);
  const reports = new ReportEditorPage(page);
  await reports.openReports();
  await reports.open(SAMPLE_APPEAL);

  // "About {11,667 km²} of its territory, {more than 13.4%} of the country": no "About approximately".
  const glance = reports.paragraph('Appeal at a glance').locator('.chip__value');
  await expect(glance.nth(0)).toHaveText('11,667 km²');
  await expect(glance.nth(1)).toHaveText('more than 13.4%');

  // "caused {415} casualties": the sentence names the unit, so the figure stands alone.
  const need = reports.paragraph('The need in figures');
  const casualties = need.locator('.chip').first();
  await expect(casualties.locator('.chip__value')).toHaveText('415');
  await casualties.click();
  await expect(casualties.locator('.chip__value')).toHaveText('415 people');
  await casualties.click();
  await expect(casualties.locator('.chip__value')).toHaveText('415');
  await casualties.click();
  await expect(casualties.locator('.chip__value')).toHaveText('415 people'); // unit in words: "people" is already a word
  await casualties.click();
  await expect(casualties.locator('.chip__value')).toHaveText('415');

  // From the keyboard: the caret just after the chip, Alt+Shift+F.
  await need.focus();
  await casualties.evaluate((chip) => {
    const range = document.createRange();
    range.setStartAfter(chip);
    range.collapse(true);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
  });
  await page.keyboard.press('Alt+Shift+F');
  await expect(casualties.locator('.chip__value')).toHaveText('415 people');
});
