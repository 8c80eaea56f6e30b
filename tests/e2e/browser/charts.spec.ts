import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { ChartBuilderPage } from '../pages/chart-builder-page';
import { ReportEditorPage } from '../pages/report-editor-page';

/** The first chart render on a fresh server loads the chart module; give it time. */
const FIRST_RENDER = { timeout: 30_000 };
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const NEW_TITLE = 'Casualties since the ceasefire, report by report';
const NEW_ALT = 'Line chart: reported mine casualties since the 2020 ceasefire rose from 302 in May 2023 to 415 by 31 December 2025.';

test.describe.configure({ timeout: 120_000 });

test('a line chart from an indicator: preview, words and alt text, save, export, colour warning, delete with undo', async ({ page, dossier }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(dossier.url);
  const charts = new ChartBuilderPage(page);
  await charts.open();
  await expect(charts.cards).toHaveCount(4);

  // Build: the indicator's figures over time, drawn at once as a line.
  await charts.newChart();
  await charts.chooseIndicator(/Mine casualties since the November 2020 ceasefire/);
  await expect(charts.builder.locator('.ch-mini-facts li')).toHaveCount(5);
  await charts.pickType('Line');
  await expect(charts.builder.getByRole('heading', { name: /^Edit chart/ })).toBeVisible();
  await expect(charts.preview).toHaveAttribute('src', /^data:image\/svg\+xml;charset=utf-8,/, FIRST_RENDER);
  await expect(charts.preview).toHaveAttribute('src', /415/);
  expect(await charts.previewSvg()).toContain('<svg');

  // Words: the title reaches the preview; the alt text starts drafted from the data.
  await charts.field('Title').fill(NEW_TITLE);
  await expect.poll(() => charts.previewSvg()).toContain('report by report');
  const alt = charts.field('Alt text');
  await expect(charts.builder.getByText('Drafted from data', { exact: true })).toBeVisible();
  await expect(alt).toHaveValue(/^Line chart: .*415/);
  await alt.fill(NEW_ALT);
  await expect(charts.builder.getByText('Drafted from data', { exact: true })).toBeHidden();
  await expect(charts.preview).toHaveAttribute('alt', NEW_ALT);

  await charts.save();
  await expect(charts.cards).toHaveCount(5);
  const card = charts.card(NEW_TITLE);
  await expect(card).toBeVisible();
  await expect(card).toContainText('Line · 5 figures');
  await expect(charts.notice).toContainText(`Saved “${NEW_TITLE}”`);

  // Reopened, it kept the user's alt text; exported alone as SVG and as PNG.
  await charts.edit(NEW_TITLE);
  await expect(charts.field('Title')).toHaveValue(NEW_TITLE);
  await expect(charts.field('Alt text')).toHaveValue(NEW_ALT);
  const svg = await charts.download('Download SVG');
  expect(svg.name).toBe('casualties-since-the-ceasefire-report-by-report.svg');
  expect(svg.bytes.toString('utf8')).toContain('<svg');
  expect(svg.bytes.toString('utf8')).toContain('415');
  const png = await charts.download('Download PNG');
  expect(png.name).toBe('casualties-since-the-ceasefire-report-by-report.png');
  expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(png.bytes.length).toBeGreaterThan(2000);
  // PNG at 2×: width and height from the IHDR chunk.
  expect(png.bytes.readUInt32BE(16)).toBe(1440);
  await charts.builder.getByRole('button', { name: 'Close', exact: true }).last().click();
  await expect(charts.builder).toBeHidden();

  // A red/green palette is flagged for colour-blind readers; the change is discarded.
  await charts.edit('Who pays for demining');
  await charts.field('Palette').selectOption({ label: 'Custom colours…' });
  await charts.builder.getByLabel('Colour 1 (hex)').fill('#D62728');
  await charts.builder.getByLabel('Colour 2 (hex)').fill('#2CA02C');
  const warning = charts.builder.getByRole('alert').filter({ hasText: 'Some readers will not tell these colours apart' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('#D62728 and #2CA02C are hard to tell apart for readers with deuteranopia');
  await expect.poll(() => charts.previewSvg()).toContain('#D62728');
  await charts.builder.getByRole('button', { name: 'Cancel' }).click();
  await expect(charts.builder.getByText('Discard your changes to this chart?')).toBeVisible();
  await charts.builder.getByRole('button', { name: 'Discard' }).click();
  await expect(charts.builder).toBeHidden();

  // Delete, then Undo brings it back.
  await card.getByRole('button', { name: `Delete “${NEW_TITLE}”` }).click();
  await expect(charts.card(NEW_TITLE)).toHaveCount(0);
  await expect(charts.cards).toHaveCount(4);
  await expect(charts.notice).toContainText(`Deleted “${NEW_TITLE}”`);
  await charts.notice.getByRole('button', { name: 'Undo' }).click();
  await expect(charts.card(NEW_TITLE)).toBeVisible();
  await expect(charts.cards).toHaveCount(5);

  expect(pageErrors).toEqual([]);
});

test('closing a new chart without saving discards it', async ({ page, dossier }) => {
  await page.goto(dossier.url);
  const charts = new ChartBuilderPage(page);
  await charts.open();
  await expect(charts.cards).toHaveCount(4);
  await charts.newChart();
  await charts.builder.getByRole('searchbox', { name: 'Search facts' }).fill('foreign');
  // Tick only once the list shows this search's results: a tick on the old list stays selected.
  await expect(charts.builder.locator('.ch-chooser__results')).toHaveAttribute('aria-busy', 'false');
  await charts.builder.getByRole('checkbox').first().check();
  await expect(charts.builder.getByText('1 selected')).toBeVisible();
  await charts.pickType('Big number');
  await expect(charts.preview).toBeVisible(FIRST_RENDER);
  await page.keyboard.press('Escape');
  await expect(charts.builder.getByText('This new chart has not been saved. Discard it?')).toBeVisible();
  await charts.builder.getByRole('button', { name: 'Discard' }).click();
  await expect(charts.builder).toBeHidden();
  await expect(charts.cards).toHaveCount(4);
});

test('a chart built from an indicator in the report editor appears in the preview PDF, with its figure number and source line', async ({ page, dossier }) => {
  test.setTimeout(180_000);
  await page.goto(dossier.url);
  const reports = new ReportEditorPage(page);
  await reports.openReports();
  await reports.newReport('Briefing note', 'Casualty trend note');

  await page.getByRole('button', { name: 'Insert chart' }).click();
  const chooser = page.getByRole('region', { name: 'Insert a chart' });
  await expect(chooser).toBeVisible();
  const charts = new ChartBuilderPage(page);
  await charts.newChart();
  await charts.chooseIndicator(/Mine casualties since the November 2020 ceasefire/);
  await charts.pickType('Line');
  await expect(charts.preview).toHaveAttribute('src', /415/, FIRST_RENDER);
  await charts.field('Title').fill('Casualties since 2020, report by report');
  await charts.save();
  const card = charts.card('Casualties since 2020, report by report');
  await expect(card).toBeVisible();

  // The next preview render is the PDF with the chart: read it back as the user's PDF would be.
  const rendered = page.waitForResponse(async (response) => {
    if (!decodeURIComponent(response.url()).includes('/api/reports:render')) return false;
    const body = (await response.json()) as { ok: boolean; value?: { pdfBase64: string } };
    if (!body.ok || !body.value) return false;
    const file = join(mkdtempSync(join(tmpdir(), 'dossier-chart-preview-')), 'preview.pdf');
    writeFileSync(file, Buffer.from(body.value.pdfBase64, 'base64'));
    return /Figure 1/.test(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
  }, FIRST_RENDER);
  await card.getByRole('button', { name: /^Insert .* into the report$/ }).click();
  await expect(chooser).toBeHidden();
  await expect(page.locator('.block--chart img')).toHaveAttribute('src', /415/, FIRST_RENDER);
  const response = await rendered;
  const pdf = Buffer.from(((await response.json()) as { value: { pdfBase64: string } }).value.pdfBase64, 'base64');
  const file = join(mkdtempSync(join(tmpdir(), 'dossier-chart-preview-')), 'preview.pdf');
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('Figure 1: Casualties since 2020, report by report');
  expect(text).toMatch(/Sources?: .*\[\d+\]/);
  for (const value of ['302', '388', '415']) expect(text).toContain(value);
  await expect(reports.previewCanvas()).toBeVisible(FIRST_RENDER);

  // A reference in the prose names the figure by its number.
  await page.locator('.block--chart').hover();
  await page.getByRole('button', { name: 'Refer to it in the text' }).click();
  await expect(page.locator('.prose [data-chart-id]').first()).toHaveText('Figure 1');
});
