/**
 * Peak memory of a 10-page export, in a process of its own (run by bench.ts as
 * `node --import tsx scripts/bench/rss-child.ts '<plan JSON>'`): a fresh seeded data dir, the
 * reference report built as in the benchmark, one cold export and three warm ones through the
 * dispatch. Prints one JSON line: peak RSS (process.resourceUsage().maxRSS) before the first
 * export, RSS right after citeproc ran in the first export, peak after it and after all four,
 * and the page count.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../../electron/core/node/open-app';
import type { Chart, Report } from '../../electron/shared/entities';
import { call, composeReport, ensureChapterCharts, type ReportPlan } from './fixtures';
import { probe } from './render-probe';

const plan = JSON.parse(process.argv[2] ?? '{}') as ReportPlan;
const mb = (kb: number): number => Math.round(kb / 102.4) / 10;

const main = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dossier-bench-rss-'));
  try {
    const app = await openApp(dataDir);
    const base = await call<Report>(app.dispatch, 'reports:create', { template: 'briefing-note' });
    const charts: Chart[][] = [];
    await ensureChapterCharts(app.dispatch, charts, plan.chapters + (plan.extraSections > 0 ? 1 : 0));
    const built = composeReport(base, app.store.read(), charts, plan, 'Benchmark briefing note');
    const report = await call<Report>(app.dispatch, 'reports:save', { report: built.report });
    const beforeKb = process.resourceUsage().maxRSS;
    const first = await probe(() => call<{ pageCount: number }>(app.dispatch, 'reports:render', { report }));
    const firstKb = process.resourceUsage().maxRSS;
    let pageCount = first.value.pageCount;
    for (let i = 0; i < 3; i++) pageCount = (await call<{ pageCount: number }>(app.dispatch, 'reports:render', { report })).pageCount;
    const afterKb = process.resourceUsage().maxRSS;
    await app.store.flush();
    process.stdout.write(`${JSON.stringify({ peakBeforeExportMb: mb(beforeKb), rssAfterCiteprocMb: first.probe.rssAfterCiteprocMb, peakAfterFirstExportMb: mb(firstKb), peakRssMb: mb(afterKb), rssNowMb: Math.round(process.memoryUsage().rss / 104857.6) / 10, pageCount })}\n`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
