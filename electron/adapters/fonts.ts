import { join, resolve } from 'node:path';
import { REPORT_FONT_FILES, type FontStyle } from '../core/export/fonts';
import { projectRoot } from './app/paths';

let paths: Record<FontStyle, string> | null = null;

/** Absolute paths of the report font's files (core/export/fonts.ts names them), for the PDF writer and the chart measurer. */
export const reportFontPaths = (): Record<FontStyle, string> => {
  if (!paths) {
    const dir = join(projectRoot(), 'resources', 'fonts');
    paths = {
      normal: resolve(dir, REPORT_FONT_FILES.normal),
      bold: resolve(dir, REPORT_FONT_FILES.bold),
      italics: resolve(dir, REPORT_FONT_FILES.italics),
      bolditalics: resolve(dir, REPORT_FONT_FILES.bolditalics),
    };
  }
  return paths;
};
