import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CSL_LOCALE_FILES, CSL_STYLE_FILES, type CitationStyleId } from '../../electron/core/citations';

// Read from resources/ directly, so citation tests do not lean on the PDF renderer's loader.
const CSL_DIR = join(__dirname, '..', '..', 'resources', 'csl');

export const cslStyleXml = (style: CitationStyleId): string => readFileSync(join(CSL_DIR, CSL_STYLE_FILES[style]), 'utf8');

export const CSL_LOCALES: Record<string, string> = Object.fromEntries(
  Object.entries(CSL_LOCALE_FILES).map(([lang, file]) => [lang, readFileSync(join(CSL_DIR, file), 'utf8')]),
);
