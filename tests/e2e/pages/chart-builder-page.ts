import { readFileSync } from 'node:fs';
import type { Download, Locator, Page } from '@playwright/test';
import { expect } from '../fixtures';

/** The Charts panel (saved charts as cards) and the chart builder sheet, as a user sees them. */
export class ChartBuilderPage {
  readonly panel: Locator;
  readonly cards: Locator;
  readonly builder: Locator;
  readonly preview: Locator;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Charts', exact: true });
    this.cards = this.panel.getByRole('list', { name: 'Saved charts' }).getByRole('listitem');
    this.builder = page.getByRole('dialog');
    this.preview = this.builder.getByTestId('chart-preview');
    this.notice = page.locator('.ch-panel > .notice-region .notice');
  }

  /** Reports, then the "Charts" button in its top bar (where the app mounts the panel). */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Reports' }).click();
    const button = this.page.getByRole('button', { name: 'Charts', exact: true });
    await expect(
      button,
      'The Reports screen has no "Charts" button: mount <ChartsPanel> from renderer/src/charts/ChartsPanel.tsx behind a button named "Charts" in the Reports top bar.',
    ).toBeVisible();
    await button.click();
    await expect(this.panel.getByRole('heading', { name: 'Charts', level: 1 })).toBeVisible();
  }

  card(title: string | RegExp): Locator {
    return this.cards.filter({ has: this.page.getByRole('heading', { name: title, exact: typeof title === 'string' }) });
  }

  async newChart(): Promise<void> {
    await this.panel.getByRole('button', { name: 'New chart' }).first().click();
    await expect(this.builder.getByRole('heading', { name: 'New chart' })).toBeVisible();
  }

  async chooseIndicator(label: string | RegExp): Promise<void> {
    await this.builder.getByText('An indicator over time', { exact: true }).click();
    await this.builder.getByRole('radio', { name: label }).check();
  }

  /** Clicks a chart type; on the first step this creates the chart and opens the editor. */
  async pickType(label: 'Horizontal bars' | 'Vertical bars' | 'Grouped bars' | 'Stacked bars' | 'Line' | 'Donut' | 'Big number'): Promise<void> {
    await this.builder.getByRole('group', { name: 'Chart type' }).getByRole('button', { name: label, exact: true }).click();
  }

  field(label: string): Locator {
    return this.builder.getByLabel(label, { exact: true });
  }

  async edit(title: string | RegExp): Promise<void> {
    await this.card(title).getByRole('button', { name: /^Edit/ }).click();
    await expect(this.builder.getByRole('heading', { name: /^Edit chart/ })).toBeVisible();
    await expect(this.preview).toBeVisible({ timeout: 30_000 });
  }

  async save(): Promise<void> {
    await this.builder.getByRole('button', { name: 'Save chart' }).click();
    await expect(this.builder).toBeHidden();
  }

  /** The SVG inside the preview's data: URL. */
  async previewSvg(): Promise<string> {
    const src = (await this.preview.getAttribute('src')) ?? '';
    expect(src.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    return decodeURIComponent(src.slice(src.indexOf(',') + 1));
  }

  /** Clicks a download button and returns the file's name and bytes. */
  async download(button: 'Download SVG' | 'Download PNG'): Promise<{ name: string; bytes: Buffer }> {
    const [download]: [Download, void] = await Promise.all([this.page.waitForEvent('download'), this.builder.getByRole('button', { name: button }).click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: readFileSync(path) };
  }
}
