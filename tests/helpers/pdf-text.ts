import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reads a PDF back with poppler, independent of the library that wrote it. */
export const readPdf = (dir: string, name: string, bytes: Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return {
    path,
    text: execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }),
    rawText: execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }),
    fonts: execFileSync('pdffonts', [path], { encoding: 'utf8' }),
    info: execFileSync('pdfinfo', [path], { encoding: 'utf8' }),
  };
};

/** pdffonts rows: every font must be embedded ("emb yes") and subset ("sub yes"). */
export const fontRows = (pdffonts: string): { name: string; embedded: boolean; subset: boolean }[] =>
  pdffonts
    .split('\n')
    .slice(2)
    .filter((row) => row.trim())
    .map((row) => {
      const columns = row.trim().split(/\s+/);
      const flags = columns.slice(-5, -2);
      return { name: columns[0]!, embedded: flags[0] === 'yes', subset: flags[1] === 'yes' };
    });
