import type { BrowserContext, Page, Request } from '@playwright/test';
import { expect, test } from '../fixtures';
import { LibraryPage } from '../pages/library-page';
import { ReportEditorPage } from '../pages/report-editor-page';

/**
 * The app makes no network requests but to itself (DESIGN §3): through the main flows, every request
 * the page (and its workers) makes goes to the app's own loopback origin, or is a data:/blob: URL;
 * and the Content Security Policy is never violated.
 */

const SAMPLE_APPEAL = 'Clearing the way home: mine action in Azerbaijan';

/** The frame a request came from; service-worker requests have none (Playwright throws). */
const frameOf = (request: Request) => {
  try {
    return request.frame();
  } catch {
    return null;
  }
};

const recordTraffic = async (page: Page, context: BrowserContext, appOrigin: string) => {
  const requests: string[] = [];
  const foreign: string[] = [];
  const csp: string[] = [];
  const record = (request: Request) => {
    const url = request.url();
    requests.push(`${request.method()} ${url}`);
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    let origin = 'unparseable';
    try {
      origin = new URL(url).origin;
    } catch {
      // recorded as foreign below
    }
    if (origin !== appOrigin) foreign.push(`${request.method()} ${url} (${request.resourceType()}, from ${frameOf(request)?.url() ?? 'a worker'})`);
  };
  // The page's own requests, as asked; the context's too, which also sees service workers and popups.
  page.on('request', record);
  context.on('request', (request) => {
    if (frameOf(request)?.page() !== page) record(request);
  });
  page.on('websocket', (socket) => foreign.push(`WebSocket ${socket.url()}`));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) csp.push(message.text());
  });
  // The DOM event too: some violations (e.g. in workers) never reach the console.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return {
    requests,
    foreign,
    csp,
    violations: () => page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []),
  };
};

test('the main flows make no request outside the app\u2019s own loopback origin and violate no CSP rule', async ({ page, context, dossier }) => {
  const appOrigin = new URL(dossier.url).origin;
  expect(appOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const traffic = await recordTraffic(page, context, appOrigin);

  // Library: open, search, open a fact with its source text.
  const library = new LibraryPage(page);
  await library.goto(dossier.url);
  await expect(library.resultCount).toHaveText('63 facts');
  await library.search.fill('hect');
  await expect(library.row('166,000')).toBeVisible();
  await library.open('166,000');
  await expect(library.detail.locator('.detail__statement')).toContainText('166,000');
  await expect(library.highlight).toBeVisible();

  // A conflict comparison, and the filters.
  await library.search.fill('foreign assistance');
  await library.conflictBadge(/^4\.8/).click();
  const comparison = page.getByRole('dialog', { name: 'Sources disagree' });
  await expect(comparison).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(comparison).toBeHidden();
  await library.search.fill('');
  await library.hasConflict().check();
  await expect(library.resultCount).not.toHaveText('63 facts');
  await library.hasConflict().uncheck();
  await expect(library.resultCount).toHaveText('63 facts');

  // Reports: the list, a sample report in the editor, its live PDF preview, and an export.
  const reports = new ReportEditorPage(page);
  await reports.openReports();
  await expect(reports.row(SAMPLE_APPEAL)).toBeVisible();
  await reports.open(SAMPLE_APPEAL);
  // The first preview loads the PDF renderer in the host and pdf.js in the page: give it time, and
  // name what the page shows if it ends in an error.
  await expect(reports.preview).toHaveAttribute('data-state', /^(ready|error)$/, { timeout: 60_000 });
  await expect(reports.preview.locator('.pdf-preview__error')).toHaveCount(0);
  await expect(reports.previewCanvas()).toBeVisible();
  await expect(page.getByTestId('preview-pages')).toHaveText(/^\d+ pages?$/);
  const download = await reports.exportPdf();
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);

  // Back to the Library: the app still works, still from its own origin.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
  await expect(library.rows.first()).toBeVisible();

  expect(traffic.requests.length, 'the recorder saw the app load').toBeGreaterThan(3);
  expect(traffic.requests.some((line) => decodeURIComponent(line).includes('/api/reports:render')), 'the recorder saw the preview render').toBe(true);
  expect(traffic.foreign, `requests outside ${appOrigin}`).toEqual([]);
  expect(traffic.csp, 'CSP messages in the console').toEqual([]);
  expect(await traffic.violations(), 'securitypolicyviolation events').toEqual([]);
});
