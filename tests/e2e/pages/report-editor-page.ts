import type { Download, Locator, Page } from '@playwright/test';
import { expect } from '../fixtures';

/** The Reports list and the report editor, as a user sees them. */
export class ReportEditorPage {
  readonly list: Locator;
  readonly editor: Locator;
  readonly picker: Locator;
  readonly warnings: Locator;
  readonly preview: Locator;
  readonly chips: Locator;
  readonly saveState: Locator;
  readonly toast: Locator;

  constructor(readonly page: Page) {
    this.list = page.locator('section.reports-list');
    this.editor = page.locator('.report-editor');
    this.picker = page.getByRole('complementary', { name: 'Insert a fact' });
    this.warnings = page.getByRole('complementary', { name: 'Warnings' });
    this.preview = page.locator('.pdf-preview');
    this.chips = this.editor.locator('.prose .chip');
    this.saveState = page.getByTestId('save-state');
    this.toast = page.locator('.report-toast');
  }

  async openReports(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Reports' }).click();
    await expect(this.list.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  }

  row(title: string | RegExp): Locator {
    return this.list.locator('tr.reports-table__row').filter({ has: this.page.getByRole('button', { name: title, exact: typeof title === 'string' }) });
  }

  rowTitles(): Locator {
    return this.list.locator('.reports-table__open');
  }

  /** Ctrl+N, from wherever the app is: the template chooser, then the editor. */
  async newReport(template: 'Briefing note' | 'Donor appeal', title: string): Promise<void> {
    await expect(this.page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await this.page.keyboard.press('Control+n');
    const dialog = this.page.getByRole('dialog', { name: 'New report' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('radio', { name: template }).check();
    await dialog.getByLabel('Title (optional)').fill(title);
    await dialog.getByRole('button', { name: 'Create report' }).click();
    await expect(this.editor.locator('.report-editor__title')).toHaveText(title);
  }

  async open(title: string): Promise<void> {
    await this.row(title).getByRole('button', { name: title, exact: true }).click();
    await expect(this.editor.locator('.report-editor__title')).toHaveText(title);
  }

  /** The n-th paragraph (1-based) of the section with this heading. */
  paragraph(heading: string, n = 1): Locator {
    return this.editor.getByRole('textbox', { name: `${heading}: paragraph ${n}`, exact: true });
  }

  section(heading: string): Locator {
    return this.editor.getByRole('region', { name: heading, exact: true });
  }

  sectionHeading(n: number): Locator {
    return this.editor.getByRole('textbox', { name: `Heading of section ${n}`, exact: true });
  }

  async openPicker(): Promise<void> {
    await this.page.keyboard.press('Control+Shift+F');
    await expect(this.picker).toBeVisible();
  }

  /** Searches the picker and clicks the result showing `value` (inserted as a chip at the caret). */
  async insertFact(search: string, value: string): Promise<void> {
    const input = this.picker.getByRole('searchbox', { name: 'Search facts' });
    await input.fill(search);
    await expect(this.picker.locator('.picker__results')).toHaveAttribute('aria-busy', 'false');
    const row = this.picker.locator('.picker-row').filter({ has: this.page.locator('.picker-row__value', { hasText: value }) }).first();
    await expect(row).toBeVisible();
    await row.locator('.picker-row__main').click();
    await expect(this.picker.getByRole('status').filter({ hasText: `Inserted ${value}` })).toBeVisible();
  }

  chip(n: number): Locator {
    return this.chips.nth(n);
  }

  previewCanvas(): Locator {
    return this.preview.locator('.pdf-page canvas').first();
  }

  /** Export with the dialog; resolves with the browser download (browser mode). */
  async exportPdf(): Promise<Download> {
    await this.page.keyboard.press('Control+e');
    const dialog = this.page.getByRole('dialog', { name: 'Export PDF' });
    await expect(dialog).toBeVisible();
    const downloadPromise = this.page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export PDF' }).click();
    const download = await downloadPromise;
    await expect(dialog.getByText(/^Downloaded /)).toBeVisible();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toBeHidden();
    return download;
  }

  /** Saved to disk; a save can queue behind a fresh server's first PDF render, hence the wait. */
  async waitSaved(): Promise<void> {
    await expect(this.saveState).toHaveAttribute('data-state', 'saved', { timeout: 45_000 });
  }
}
