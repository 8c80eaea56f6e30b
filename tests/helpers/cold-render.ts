/**
 * A cold render in a fresh process: `node --import tsx tests/helpers/cold-render.ts IN.json OUT.pdf`.
 * IN.json holds a store document, a report and the clock; the store is written to a new data
 * folder, the app opened on it, and the report rendered once through the dispatch, as the first
 * thing this process does. The differential render test compares its bytes with a long-lived
 * process's.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STORE_FILE_NAME } from '../../electron/adapters/store/json-store';
import { openApp } from '../../electron/adapters/app/open-app';

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: cold-render.ts IN.json OUT.pdf');
const job = JSON.parse(readFileSync(input, 'utf8')) as { document: unknown; report: unknown; now: string };
const dataDir = mkdtempSync(join(tmpdir(), 'dossier-cold-'));
try {
  writeFileSync(join(dataDir, STORE_FILE_NAME), JSON.stringify(job.document));
  const app = await openApp(dataDir, { now: () => new Date(job.now) });
  const result = await app.dispatch('reports:render', { report: job.report });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  writeFileSync(output, Buffer.from((result.value as { pdfBase64: string }).pdfBase64, 'base64'));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
