import { expect, type Locator, type Page } from '@playwright/test';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The Library screen: filters · results · detail, and the sheets it opens. */
export class LibraryPage {
  readonly search: Locator;
  readonly filters: Locator;
  readonly list: Locator;
  readonly rows: Locator;
  readonly resultCount: Locator;
  readonly detail: Locator;
  readonly sourceText: Locator;
  readonly highlight: Locator;
  readonly dialog: Locator;
  readonly notice: Locator;
  readonly importInput: Locator;
  readonly bundleInput: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByRole('searchbox', { name: 'Search the library' });
    this.filters = page.getByRole('complementary', { name: 'Filters' });
    this.list = page.getByRole('list', { name: 'Facts' });
    this.rows = this.list.getByRole('listitem');
    this.resultCount = page.getByRole('region', { name: 'Results' }).locator('.results__count');
    this.detail = page.getByRole('region', { name: 'Fact detail' });
    this.sourceText = this.detail.getByRole('region', { name: 'Source text' });
    this.highlight = this.sourceText.locator('mark');
    this.dialog = page.getByRole('dialog');
    this.notice = page.getByRole('status').filter({ has: page.locator('.notice') });
    this.importInput = page.getByTestId('import-document-input');
    this.bundleInput = page.getByTestId('import-bundle-input');
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
    await this.rows.first().waitFor();
  }

  /** Waits until the result list matches what is typed and filtered (no search in flight). */
  async settled(): Promise<void> {
    await this.page.locator('section.results:not([aria-busy="true"])').waitFor();
  }

  row(text: string | RegExp): Locator {
    return this.rows.filter({ hasText: text });
  }

  /** Opens a fact in the detail pane by clicking its row. */
  async open(text: string | RegExp): Promise<void> {
    await this.row(text).locator('.fact-row__main').click();
  }

  conflictBadge(text: string | RegExp): Locator {
    return this.row(text).getByRole('button', { name: 'Conflict', exact: true });
  }

  facet(legend: 'Tags' | 'Sources' | 'Indicators' | 'Date (as of)'): Locator {
    return this.filters.getByRole('group', { name: legend });
  }

  /** A facet's checkbox, found by the start of its label ("Jordan Daily", "ANAMA"). */
  facetOption(legend: 'Tags' | 'Sources' | 'Indicators', label: string): Locator {
    return this.facet(legend)
      .locator('label')
      .filter({ hasText: new RegExp(`^${escapeRegExp(label)}`) })
      .first();
  }

  async facetCount(legend: 'Tags' | 'Sources' | 'Indicators', label: string): Promise<number> {
    return Number(await this.facetOption(legend, label).locator('.facet__count').innerText());
  }

  async showAll(legend: 'Tags' | 'Sources' | 'Indicators'): Promise<void> {
    // The facets arrive after the first list: decide on "Show all" only once they are drawn.
    await expect(this.facet(legend).getByRole('checkbox').first()).toBeVisible();
    const more = this.facet(legend).getByRole('button', { name: /^Show all/ });
    if (await more.isVisible()) await more.click();
  }

  hasConflict(): Locator {
    return this.filters.getByRole('checkbox', { name: /^Has conflict/ });
  }

  topBarButton(name: string | RegExp): Locator {
    return this.page.locator('.topbar').getByRole('button', { name });
  }

  field(name: string | RegExp): Locator {
    return this.dialog.getByLabel(name);
  }
}
