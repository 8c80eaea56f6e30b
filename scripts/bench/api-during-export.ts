import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type OpenedApp } from '../../electron/adapters/app/open-app';
import { STORE_FILE_NAME } from '../../electron/adapters/store/json-store';
import type { LibraryFile } from '../../electron/core/store/library-file';
import { median, now, round, timed } from './stats';

export interface LatencyFigures {
  samples: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export interface ApiDuringExport {
  pages: number;
  /** Exports on worker threads, as every host runs them. */
  workers: { exportMs: number; status: LatencyFigures; search: LatencyFigures; save: LatencyFigures };
  /** The same export on the API's own thread (how it was before issue 13 §5), for comparison. */
  inProcess: { exportMs: number; status: LatencyFigures; search: LatencyFigures; save: LatencyFigures };
}

const figures = (values: number[]): LatencyFigures => {
  const sorted = [...values].sort((a, b) => a - b);
  return { samples: values.length, p50Ms: round(median(values)), p95Ms: round(sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)] ?? Number.NaN), maxMs: round(sorted[sorted.length - 1] ?? Number.NaN) };
};

/** Status, a search and a durable save, over and over, for as long as one export of the report runs. */
const measure = async (app: OpenedApp, reportId: string) => {
  const library = app.store.read();
  const report = library.reports.find((candidate) => candidate.id === reportId)!;
  const fact = library.facts[0]!;
  const samples = { status: [] as number[], search: [] as number[], save: [] as number[] };
  let done = false;
  let pages = 0;
  const started = now();
  const exporting = app.dispatch('reports:render', { report }).then((result) => {
    done = true;
    if (result.ok) pages = (result.value as { pageCount: number }).pageCount;
    else throw new Error(`${result.error.code} ${result.error.message}`);
  });
  let revision = fact.revision;
  let round_ = 0;
  // At least one round, so a blocking export shows up as one long wait.
  do {
    samples.status.push((await timed(() => app.dispatch('app:status', undefined))).ms);
    samples.search.push((await timed(() => app.dispatch('facts:search', { query: 'mine' }))).ms);
    const { value: saved, ms } = await timed(() => app.dispatch('facts:update', { id: fact.id, revision, changes: { note: `during export ${round_++}` } }));
    if (saved.ok) revision = (saved.value as { revision: number }).revision;
    samples.save.push(ms);
    await new Promise((resolve) => setTimeout(resolve, 25));
  } while (!done);
  await exporting;
  return { pages, exportMs: round(now() - started), status: figures(samples.status), search: figures(samples.search), save: figures(samples.save) };
};

/**
 * The API's answers while the longest report exports: once with exports on worker threads (as
 * the hosts run them) and once on the API's own thread, each in its own copy of the library.
 */
export const benchApiDuringExport = async (library: LibraryFile, reportId: string): Promise<ApiDuringExport> => {
  const run = async (threads: 'workers' | 'in-process') => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-api-'));
    try {
      writeFileSync(join(dir, STORE_FILE_NAME), JSON.stringify(library));
      const app = await openApp(dir, { threads });
      try {
        // Both start warm: the first export of a thread loads pdfmake and the fonts.
        await app.dispatch('reports:render', { report: app.store.read().reports.find((report) => report.id === reportId)! });
        return await measure(app, reportId);
      } finally {
        await app.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const workers = await run('workers');
  const inProcess = await run('in-process');
  const { pages, ...workerFigures } = workers;
  const { pages: _pages, ...inProcessFigures } = inProcess;
  return { pages, workers: workerFigures, inProcess: inProcessFigures };
};
