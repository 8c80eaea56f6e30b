import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test, type DossierServer } from '../fixtures';
import { ReportEditorPage } from '../pages/report-editor-page';

/**
 * Issue 13 §2, "Two tabs, one report": tab B's autosave once erased tab A's new title, and a
 * stale autosave brought back a deleted report. Each tab opens the report before the other
 * changes it; what is on disk is read from the library file itself.
 */
const SAMPLE_BRIEF = 'Mine action in Azerbaijan: bilateral meeting brief';
const TYPED_IN_B = ' Typed in tab B.';
test.describe.configure({ timeout: 120_000 });

interface StoredReport {
  id: string;
  title: string;
}
const storedReports = (dossier: DossierServer): StoredReport[] => (JSON.parse(readFileSync(join(dossier.dataDir, 'dossier.json'), 'utf8')) as { reports: StoredReport[] }).reports;

/** Tab A (the launch page) and tab B (a second tab sharing its session), both on the sample brief. */
const openTwoTabs = async (page: Page, context: BrowserContext, dossier: DossierServer) => {
  await page.goto(dossier.url);
  const tabA = new ReportEditorPage(page);
  await tabA.openReports();
  await tabA.open(SAMPLE_BRIEF);
  const pageB = await context.newPage();
  await pageB.goto(new URL('/', dossier.url).href);
  const tabB = new ReportEditorPage(pageB);
  await tabB.openReports();
  await tabB.open(SAMPLE_BRIEF);
  return { tabA, tabB, pageB };
};

const renameInA = async (tabA: ReportEditorPage, title: string) => {
  await tabA.page.getByRole('button', { name: 'Title, addressing and settings' }).click();
  await tabA.page.getByLabel('Title', { exact: true }).fill(title);
  await expect(tabA.editor.locator('.report-editor__title')).toHaveText(title);
  await tabA.waitSaved();
};

const typeInB = async (tabB: ReportEditorPage) => {
  await tabB.paragraph('If raised').click();
  await tabB.page.keyboard.press('Control+End');
  await tabB.page.keyboard.type(TYPED_IN_B);
};

test('a stale tab cannot erase the other tab’s title; its text is kept as a copy', async ({ page, context, dossier }) => {
  const { tabA, tabB, pageB } = await openTwoTabs(page, context, dossier);
  await renameInA(tabA, 'Renamed in tab A');
  await typeInB(tabB);

  const banner = pageB.getByRole('alert').filter({ hasText: 'This report was changed in another window since you opened it' });
  await expect(banner).toBeVisible({ timeout: 45_000 });
  await expect(tabB.saveState).toHaveAttribute('data-state', 'conflict');
  // Refused, not applied: A's title is on disk and B's text is not.
  const original = storedReports(dossier).find((report) => report.title === 'Renamed in tab A');
  expect(original).toBeDefined();
  expect(JSON.stringify(storedReports(dossier))).not.toContain(TYPED_IN_B.trim());

  await banner.getByRole('button', { name: 'Keep my version as a copy' }).click();
  const copyTitle = `${SAMPLE_BRIEF} (my version)`;
  await expect(tabB.editor.locator('.report-editor__title')).toHaveText(copyTitle);
  await expect(tabB.paragraph('If raised')).toContainText(TYPED_IN_B.trim());
  await expect(banner).toBeHidden();
  const reports = storedReports(dossier);
  expect(JSON.stringify(reports.find((report) => report.title === copyTitle))).toContain(TYPED_IN_B.trim());
  expect(reports.find((report) => report.id === original!.id)?.title).toBe('Renamed in tab A');
});

test('Reload takes the other tab’s version; a deleted report is never brought back', async ({ page, context, dossier }) => {
  const { tabA, tabB, pageB } = await openTwoTabs(page, context, dossier);
  await renameInA(tabA, 'Renamed in tab A');
  await typeInB(tabB);
  const changed = pageB.getByRole('alert').filter({ hasText: 'changed in another window' });
  await changed.getByRole('button', { name: 'Reload' }).click();
  await expect(tabB.editor.locator('.report-editor__title')).toHaveText('Renamed in tab A');
  await expect(tabB.paragraph('If raised')).not.toContainText(TYPED_IN_B.trim());
  await expect(changed).toBeHidden();

  // Tab A leaves and deletes the report; tab B, still open on it, types again.
  await tabA.page.getByRole('button', { name: '← Reports' }).click();
  await tabA.row('Renamed in tab A').getByRole('button', { name: 'Delete “Renamed in tab A”' }).click();
  await expect(tabA.row('Renamed in tab A')).toHaveCount(0);
  await typeInB(tabB);
  const deleted = pageB.getByRole('alert').filter({ hasText: 'was deleted' });
  await expect(deleted).toBeVisible({ timeout: 45_000 });
  await expect(deleted.getByRole('button', { name: 'Reload' })).toHaveCount(0);
  expect(storedReports(dossier).some((report) => report.title === 'Renamed in tab A')).toBe(false);
});
