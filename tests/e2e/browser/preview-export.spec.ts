import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { ReportEditorPage } from '../pages/report-editor-page';

const SAMPLE_APPEAL = 'Clearing the way home: mine action in Azerbaijan';
const FIRST_RENDER = { timeout: 45_000 };
test.describe.configure({ timeout: 120_000 });

/**
 * Issue 11, as a user met it: type " Qəbələ €" into the sample appeal, wait for the preview,
 * export. The PDF the preview showed and the PDF exported must be the same bytes, and say what
 * was typed (the charts once came out as "Qational resources" and "3NN").
 */
test('the exported PDF is the previewed PDF, byte for byte, after typing new characters', async ({ page, dossier }) => {
  const previews: { body: string; pdfBase64: string }[] = [];
  page.on('response', async (response) => {
    if (!decodeURIComponent(response.url()).endsWith('/api/reports:render')) return;
    const body = response.request().postDataBuffer()?.toString('utf8') ?? '';
    const json = (await response.json().catch(() => null)) as { ok: boolean; value?: { pdfBase64: string } } | null;
    if (json?.ok && json.value) previews.push({ body, pdfBase64: json.value.pdfBase64 });
  });
  await page.goto(dossier.url);
  const reports = new ReportEditorPage(page);
  await reports.openReports();
  await reports.open(SAMPLE_APPEAL);
  await expect(reports.preview).toHaveAttribute('data-state', 'ready', FIRST_RENDER);

  const paragraph = reports.paragraph('Appeal at a glance');
  await paragraph.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Qəbələ €');
  await expect(paragraph).toContainText('Qəbələ €');
  await expect.poll(() => previews.some((preview) => preview.body.includes('Qəbələ €')), FIRST_RENDER).toBe(true);
  await expect(reports.preview).toHaveAttribute('data-state', 'ready', FIRST_RENDER);
  await reports.waitSaved();
  const shown = previews.filter((preview) => preview.body.includes('Qəbələ €')).at(-1)!;

  const download = await reports.exportPdf();
  const folder = mkdtempSync(join(tmpdir(), 'dossier-preview-export-'));
  try {
    const exported = join(folder, 'exported.pdf');
    const previewed = join(folder, 'previewed.pdf');
    await download.saveAs(exported);
    writeFileSync(previewed, Buffer.from(shown.pdfBase64, 'base64'));
    const text = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text(exported)).toContain('Qəbələ €');
    expect(text(exported)).toBe(text(previewed));
    expect(Buffer.compare(readFileSync(exported), readFileSync(previewed))).toBe(0);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
