import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { renderPdf } from '../../electron/adapters/pdf/pdf-writer';
import { makeTempDir, removeDir } from '../helpers/temp-dir';

/**
 * Found by the differential render test: with one fontkit font shared by every document, a glyph
 * first met as a component of another ("е" inside the composite "ё", when the first document's
 * font subset was written) kept no characters, so every later document's ToUnicode map left it
 * out and extracted or copied text read "т рриторий". Each document now opens its fonts afresh.
 */
const dir = makeTempDir('dossier-glyphs-');
afterAll(() => removeDir(dir));

const textOf = async (name: string, text: string): Promise<string> => {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, await renderPdf({ defaultStyle: { font: 'DejaVu Sans' }, content: [{ text }] }));
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).trim();
};

it('a glyph met as part of another in an earlier document keeps its text in later ones', async () => {
  expect(await textOf('first', 'ёлка Ёлки йод Йемен')).toBe('ёлка Ёлки йод Йемен');
  expect(await textOf('later', 'территорий переезд ещё')).toBe('территорий переезд ещё');
  expect(await textOf('latin', 'Azərbaycan ərazisi Şuşa')).toBe('Azərbaycan ərazisi Şuşa');
});
