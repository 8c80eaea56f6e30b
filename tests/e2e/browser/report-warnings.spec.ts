import { expect, test } from '../fixtures';
import { LibraryPage } from '../pages/library-page';
import { ReportEditorPage } from '../pages/report-editor-page';

const SAMPLE_APPEAL = 'Clearing the way home: mine action in Azerbaijan';
const SAMPLE_BRIEF = 'Mine action in Azerbaijan: bilateral meeting brief';
/** A fresh server's first check and render load pdfmake and the fonts; what waits on them gets this long. */
const FIRST_CHECK = { timeout: 45_000 };
test.describe.configure({ timeout: 120_000 });

test('the export dialog counts the open warnings and opens their list; the panel answers them', async ({ page, dossier }) => {
  await page.goto(dossier.url);
  const reports = new ReportEditorPage(page);
  await reports.openReports();
  await reports.open(SAMPLE_APPEAL);
  // Read from the texts: the Embassy's 409 casualties carry no date and the Mine action page has
  // 415 to 31 December 2025; "The ask" still holds its template prompt. Nothing else.
  await expect(page.getByTestId('warnings-count')).toHaveText('2 warnings', FIRST_CHECK);

  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export PDF' });
  const summary = dialog.getByTestId('export-warnings');
  await expect(summary).toHaveAttribute('aria-busy', 'false', FIRST_CHECK);
  await expect(dialog.getByTestId('export-warnings-count')).toHaveText('2 warnings');
  const toggle = dialog.getByRole('button', { name: 'Show the list' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  const list = dialog.getByRole('list', { name: 'Warnings' }).getByRole('listitem');
  await expect(list).toHaveCount(2);
  await expect(list.nth(0)).toContainText(/409\speople \(.*undated\) — newer figure: 415\speople as of 31 Dec 2025/);
  await expect(list.nth(1)).toContainText('“The ask” still has the template’s prompt');
  await expect(dialog.getByRole('button', { name: 'Hide the list' })).toHaveAttribute('aria-expanded', 'true');

  // To the panel, where each entry is answered.
  await dialog.getByRole('button', { name: 'Fix in the editor' }).click();
  await expect(dialog).toBeHidden();
  await expect(reports.warnings).toBeVisible();
  // Open entries only: answered ones sit in the collapsed “Decided” group below.
  const entries = reports.warnings.locator('.warnings-group:not(.warnings-group--decided)').getByTestId('warning-entry');
  await expect(entries).toHaveCount(2);
  const embassy = entries.filter({ hasText: '409' });
  await embassy.getByRole('button', { name: 'Use the newer figure' }).click();
  await expect(page.getByTestId('warnings-count')).toHaveText('1 warning');
  await expect(reports.section('The need in figures').locator('.chip', { hasText: '409' })).toHaveCount(0);
  // Undo brings the old figure, and its warning, back; a dismissal needs a reason and is kept.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('warnings-count')).toHaveText('2 warnings');
  await entries.filter({ hasText: '409' }).getByRole('button', { name: 'Dismiss…' }).click();
  const reason = reports.warnings.getByLabel('Why does this not apply? (kept with the report)');
  await expect(reason).toBeFocused();
  await expect(reports.warnings.getByRole('button', { name: 'Dismiss', exact: true })).toBeDisabled();
  await reason.fill('Quoted as the Embassy gave it, beside the newer count.');
  await reason.press('Enter');
  await expect(page.getByTestId('warnings-count')).toHaveText('1 warning');
  const decided = reports.warnings.locator('details.warnings-group--decided');
  await expect(decided.locator('summary')).toHaveText(/Decided \(3\)/);
  await decided.locator('summary').click();
  await expect(decided).toContainText('Dismissed: Quoted as the Embassy gave it, beside the newer count.');
  await reports.waitSaved();
});

test('the sample briefing note ships clean: no warnings, and the export dialog says so', async ({ page, dossier }) => {
  await page.goto(dossier.url);
  const reports = new ReportEditorPage(page);
  await reports.openReports();
  await reports.open(SAMPLE_BRIEF);
  await expect(page.getByTestId('warnings-count')).toHaveText('No warnings', FIRST_CHECK);
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export PDF' });
  await expect(dialog.getByTestId('export-warnings')).toHaveAttribute('aria-busy', 'false', FIRST_CHECK);
  await expect(dialog.getByTestId('export-warnings-count')).toHaveText('No warnings');
});

test('a fact’s indicator is chosen by its label; a new label is created only when asked', async ({ page, dossier }) => {
  const library = new LibraryPage(page);
  await library.goto(dossier.url);
  await library.topBarButton('Add fact').click();
  const form = page.getByRole('dialog', { name: 'Add a fact' });
  await form.getByLabel('Source').selectOption({ label: 'Jordan Daily — Azerbaijan urges the international community to increase support for demining' });
  await form.getByLabel('Statement').fill('Landmine explosions have killed or injured 382 Azerbaijanis since November 2020.');
  await form.getByLabel('Value').fill('382');
  await form.getByLabel('Unit').fill('people');

  const indicator = form.getByRole('combobox', { name: 'Indicator' });
  await indicator.fill('casualties ceasefire');
  const options = form.getByRole('listbox', { name: 'Indicators' }).getByRole('option');
  await expect(options.first()).toContainText('Mine casualties since the November 2020 ceasefire (killed or injured)');
  await expect(options.last()).toHaveText('Create indicator “casualties ceasefire”');
  await indicator.press('Enter');
  await expect(indicator).toHaveValue('Mine casualties since the November 2020 ceasefire (killed or injured)');

  // A label the library lacks: nothing is made until "Create indicator" is chosen.
  await indicator.fill('Mine casualties in Qəbələ since 2024');
  await expect(options).toHaveCount(1);
  await form.getByRole('button', { name: 'Add fact' }).click();
  await expect(form.getByText('Choose an indicator from the list', { exact: false })).toBeVisible();
  await indicator.focus();
  await indicator.press('ArrowDown');
  await expect(options.first()).toHaveText('Create indicator “Mine casualties in Qəbələ since 2024”');
  await indicator.press('Enter');
  await expect(form.getByText('A new indicator, created when you save.', { exact: false })).toBeVisible();
  await form.getByRole('button', { name: 'Add fact' }).click();
  await expect(form).toBeHidden();
  await library.showAll('Indicators');
  await expect(library.facetOption('Indicators', 'Mine casualties in Qəbələ since 2024')).toBeVisible();
});
