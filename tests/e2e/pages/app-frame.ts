import type { Locator, Page } from '@playwright/test';

export class AppFrame {
  readonly navigation: Locator;
  constructor(readonly page: Page) {
    this.navigation = page.getByRole('navigation', { name: 'Main' });
  }

  place(name: 'Library' | 'Reports'): Locator {
    return this.navigation.getByRole('button', { name });
  }

  count(name: 'sources' | 'facts' | 'conflicts' | 'reports' | 'charts'): Locator {
    return this.page.getByTestId(`count-${name}`);
  }
}
