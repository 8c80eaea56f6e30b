import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { ReportEditorPage } from '../pages/report-editor-page';

const SAMPLE_APPEAL = 'Clearing the way home: mine action in Azerbaijan';
const SAMPLE_BRIEF = 'Mine action in Azerbaijan: bilateral meeting brief';
/**
 * A fresh server's first PDF pays for loading pdfmake and parsing the fonts (about a second
 * alone, far more on a loaded machine) and holds the server's event loop meanwhile; what waits
 * on the first render gets this long.
 */
const FIRST_RENDER = { timeout: 45_000 };
test.describe.configure({ timeout: 120_000 });

/** Records CSP violations from the first script on, so a blocked pdf.js worker cannot pass unseen. */
const watchCsp = async (page: Page) => {
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = violations;
    document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    // The browser asks for /favicon.ico on its own; the app has none.
    if (message.type() === 'error' && /status of 404/.test(message.text()) && /favicon/.test(message.location().url)) return;
    if (message.type() === 'error' || /Content Security Policy|fake worker/i.test(message.text())) consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return {
    violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
    consoleErrors,
  };
};

test('a new briefing note with three facts from the picker previews and exports them with their notes', async ({ page, dossier }) => {
  const csp = await watchCsp(page);
  await page.goto(dossier.url);
  const reports = new ReportEditorPage(page);
  // Ctrl+N works from the Library too: it brings Reports forward with the template chooser.
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' })).toHaveAttribute('aria-current', 'page');
  await reports.newReport('Briefing note', 'Baku meeting brief');

  const paragraph = reports.paragraph('Purpose and bottom line');
  await paragraph.click();
  await page.keyboard.type('Since the war Azerbaijan has cleared');
  await reports.openPicker();
  await reports.insertFact('hect', '166,000 hectares');
  await reports.insertFact('foreign', '4.9%');
  await reports.insertFact('415', '415 people');
  await page.keyboard.press('Escape');
  await expect(reports.picker).toBeHidden();

  // The chips show the live value and their citation numbers in reading order.
  await expect(reports.chips).toHaveCount(3);
  await expect(reports.chip(0)).toHaveText('166,000 hectares1');
  await expect(reports.chip(0).locator('.chip__number')).toHaveText('1');
  await expect(reports.chip(1).locator('.chip__value')).toHaveText('4.9%');
  await expect(reports.chip(1).locator('.chip__number')).toHaveText('2');
  await expect(reports.chip(2).locator('.chip__value')).toHaveText('415 people');
  await expect(reports.chip(2).locator('.chip__number')).toHaveText('3');
  await expect(paragraph).toContainText('Since the war Azerbaijan has cleared 166,000 hectares');

  // The preview is the real PDF drawn by pdf.js, parsed in its worker (not the main-thread fallback).
  await expect(reports.previewCanvas()).toBeVisible(FIRST_RENDER);
  await expect(reports.preview).toHaveAttribute('data-state', 'ready', FIRST_RENDER);
  await expect(reports.preview).toHaveAttribute('data-pdf-worker', 'worker');
  await expect(page.getByTestId('preview-pages')).toHaveText(/^\d+ pages?$/);
  await reports.waitSaved();

  const download = await reports.exportPdf();
  expect(download.suggestedFilename()).toMatch(/^Baku-meeting-brief-\d{4}-\d{2}-\d{2}\.pdf$/);
  const folder = mkdtempSync(join(tmpdir(), 'dossier-export-'));
  try {
    const file = join(folder, download.suggestedFilename());
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Baku meeting brief');
    // Each value carries its note number, in the order the editor showed.
    expect(flat).toContain('Since the war Azerbaijan has cleared 166,000 hectares');
    expect(flat).toMatch(/166,000 hectares\s?1\b/);
    expect(flat).toMatch(/4\.9\s?%\s?2\b/);
    expect(flat).toMatch(/415 people\s?3\b/);
    // The notes name each fact's source, numbered the same way.
    expect(flat).toMatch(/\b1\.\s[^.]*Azerbaijan Urges the International Community/i);
    expect(flat).toMatch(/\b2\.\s\W*Mine Action as a Humanitarian Challenge in Azerbaijan/i);
    expect(flat).toMatch(/\b3\.\s\W*Mine Action as a Humanitarian Challenge in Azerbaijan/i);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }

  expect(await csp.violations()).toEqual([]);
  expect(csp.consoleErrors).toEqual([]);
});

test('the list shows the sample reports; duplicate, then delete and undo', async ({ page, dossier }) => {
  await page.goto(dossier.url);
  const reports = new ReportEditorPage(page);
  await reports.openReports();
  await expect(reports.rowTitles()).toHaveCount(2);
  await expect(reports.row(SAMPLE_APPEAL)).toBeVisible();
  await expect(reports.row(SAMPLE_BRIEF)).toContainText('Briefing note');
  await expect(page.getByTestId('count-reports')).toHaveText('2');
  await expect(page.getByTestId('count-charts')).toBeVisible();

  await reports.row(SAMPLE_BRIEF).getByRole('button', { name: `Duplicate “${SAMPLE_BRIEF}”` }).click();
  const copy = `${SAMPLE_BRIEF} (copy)`;
  await expect(reports.row(copy)).toBeVisible();
  await expect(page.getByTestId('count-reports')).toHaveText('3');

  await reports.row(copy).getByRole('button', { name: `Delete “${copy}”` }).click();
  await expect(reports.row(copy)).toHaveCount(0);
  await expect(page.getByTestId('count-reports')).toHaveText('2');
  await expect(reports.toast).toContainText(`Deleted “${copy}”`);
  await reports.toast.getByRole('button', { name: 'Undo' }).click();
  await expect(reports.row(copy)).toBeVisible();
  await expect(page.getByTestId('count-reports')).toHaveText('3');

  // The copy opens with the original's content.
  await reports.open(copy);
  await expect(reports.sectionHeading(1)).toHaveValue('Purpose and bottom line');
});

test('edits save by themselves and survive a reload', async ({ page, dossier }) => {
  await page.goto(dossier.url);
  const reports = new ReportEditorPage(page);
  await reports.openReports();
  await reports.open(SAMPLE_BRIEF);

  const heading = reports.sectionHeading(4);
  await expect(heading).toHaveValue('If raised');
  await heading.fill('If they raise funding');
  const paragraph = reports.paragraph('If they raise funding');
  await paragraph.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' We will also offer a joint survey.');
  await expect(reports.saveState).toHaveAttribute('data-state', 'saving');
  await reports.waitSaved();

  await page.reload();
  await reports.openReports();
  await expect(reports.row(SAMPLE_BRIEF)).toContainText('just now');
  await reports.open(SAMPLE_BRIEF);
  await expect(reports.sectionHeading(4)).toHaveValue('If they raise funding');
  await expect(reports.paragraph('If they raise funding')).toContainText('We will also offer a joint survey.');

  // Undo and redo walk through the edits of this session.
  await reports.paragraph('If they raise funding').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Draft.');
  await expect(reports.paragraph('If they raise funding')).toContainText('survey. Draft.');
  await page.keyboard.press('Control+z');
  await expect(reports.paragraph('If they raise funding')).not.toContainText('Draft.');
  await page.keyboard.press('Control+Shift+z');
  await expect(reports.paragraph('If they raise funding')).toContainText('survey. Draft.');
});

test('sections reorder with the keyboard buttons, and warnings jump to their section', async ({ page, dossier }) => {
  await page.goto(dossier.url);
  const reports = new ReportEditorPage(page);
  await reports.openReports();
  await reports.open(SAMPLE_APPEAL);
  const outline = page.getByRole('navigation', { name: 'Outline' });
  const first = outline.locator('.outline__heading').first();
  await expect(first).toHaveText('Key figures');
  // The row's tools show on hover and on keyboard focus.
  await outline.locator('.outline__item').first().hover();
  await outline.getByRole('button', { name: 'Move “Key figures” down' }).click();
  await expect(first).toHaveText('Appeal at a glance');
  await expect(reports.sectionHeading(2)).toHaveValue('Key figures');
  await page.keyboard.press('Control+z');
  await expect(first).toHaveText('Key figures');
  // Alt+Down moves the focused section.
  await outline.locator('.outline__link').first().focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(first).toHaveText('Appeal at a glance');
  await expect(outline.locator('.outline__link').nth(1)).toBeFocused();
  // Drag and drop: "The ask" to the top.
  await outline
    .locator('.outline__item')
    .filter({ hasText: 'The ask' })
    .dragTo(outline.locator('.outline__item').first(), { sourcePosition: { x: 30, y: 10 }, targetPosition: { x: 30, y: 4 } });
  await expect(first).toHaveText('The ask');
  await expect(reports.sectionHeading(1)).toHaveValue('The ask');
  // Undo the drag and the keyboard move: back to the template's order.
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(outline.locator('.outline__heading')).toHaveText(['Key figures', 'Appeal at a glance', 'The need in figures', 'What has been achieved', 'The gap', 'The ask']);

  // Key-figure boxes show the live value with their citation number.
  await expect(reports.editor.locator('.key-figure').first().locator('.key-figure__value')).toContainText('11,667');
  await expect(reports.editor.locator('.key-figure').first().locator('.key-figure__number')).toHaveText('1');

  // The sample appeal keeps two warnings on purpose (its guidance says so); the list jumps to them.
  await expect(page.getByTestId('warnings-count')).toHaveText(/^\d+ warnings?$/, FIRST_RENDER);
  await page.getByTestId('warnings-count').click();
  await expect(reports.warnings).toBeVisible();
  const group = reports.warnings.locator('.warnings-group').filter({ hasText: 'The need in figures' });
  await group.locator('.warning-item').first().click();
  await expect(outline.getByRole('button', { name: /The need in figures/ })).toHaveAttribute('aria-current', 'location');
  await page.keyboard.press('Escape');
  await expect(reports.warnings).toBeHidden();
});

test('prose editing: Enter splits a paragraph, Ctrl+B bolds, paste is plain text, a key figure from the picker', async ({ page, dossier }) => {
  await page.goto(dossier.url);
  const reports = new ReportEditorPage(page);
  await reports.newReport('Donor appeal', 'Appeal draft');

  const first = reports.paragraph('Appeal at a glance');
  await first.click();
  await page.keyboard.type('We ask for ');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('USD 12 million');
  await page.keyboard.press('Control+b');
  await page.keyboard.type(' over two years.');
  await expect(first.locator('b, strong')).toHaveText('USD 12 million');
  await page.keyboard.press('Enter');
  await page.keyboard.type('A second paragraph.');
  await expect(reports.paragraph('Appeal at a glance', 2)).toHaveText('A second paragraph.');
  await expect(first).toHaveText('We ask for USD 12 million over two years.');

  // Pasted text arrives as plain text, whatever markup it carried.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/html', '<b style="color:red">Styled</b>');
    data.setData('text/plain', ' Pasted\nline.');
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(reports.paragraph('Appeal at a glance', 2)).toHaveText('A second paragraph. Pasted line.');
  await expect(reports.paragraph('Appeal at a glance', 2).locator('b, strong, span:not(.chip)')).toHaveCount(0);

  // Backspace in an empty paragraph removes it.
  await page.keyboard.press('Enter');
  await expect(reports.paragraph('Appeal at a glance', 3)).toBeFocused();
  await page.keyboard.press('Backspace');
  await expect(reports.paragraph('Appeal at a glance', 3)).toHaveCount(0);

  // A bulleted list: Enter adds an item, Enter on an empty last item ends the list.
  await reports.section('The gap').getByRole('button', { name: 'Bulleted list' }).click();
  await expect(reports.editor.getByRole('textbox', { name: 'The gap: list item 1', exact: true })).toBeFocused();
  await page.keyboard.type('Survey the remaining area');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Clear the priority roads');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('After the list.');
  await expect(reports.section('The gap').locator('.list-block li')).toHaveText(['Survey the remaining area', 'Clear the priority roads']);
  await expect(reports.paragraph('The gap', 2)).toHaveText('After the list.');

  // A key figure from the picker, into the "Key figures" section's banner.
  await reports.section('Key figures').getByRole('button', { name: 'Key figure…' }).click();
  await expect(reports.picker).toBeVisible();
  await expect(reports.picker).toContainText('add it as a key figure in “Key figures”');
  await reports.picker.getByRole('searchbox', { name: 'Search facts' }).fill('contaminated area');
  await expect(reports.picker.locator('.picker__results')).toHaveAttribute('aria-busy', 'false');
  await reports.picker.locator('.picker-row').filter({ hasText: '11,667 km²' }).first().locator('.picker-row__main').click();
  const box = reports.editor.locator('.key-figure').filter({ hasText: '11,667 km²' });
  await expect(box).toBeVisible();
  await expect(box.locator('.key-figure__number')).toHaveText('1');
  await page.keyboard.press('Escape');
  await expect(reports.picker).toBeHidden();

  // All of it was saved: it comes back after a reload.
  await reports.waitSaved();
  await page.reload();
  await reports.openReports();
  await reports.open('Appeal draft');
  await expect(reports.paragraph('Appeal at a glance').locator('b, strong')).toHaveText('USD 12 million');
  await expect(reports.paragraph('Appeal at a glance', 2)).toHaveText('A second paragraph. Pasted line.');
  await expect(reports.editor.locator('.key-figure').filter({ hasText: '11,667 km²' })).toBeVisible();
});
