/**
 * Export benchmark: `npm run bench` (table) or `npm run bench -- --json` (one JSON object).
 *
 * One run, on a fresh temp data dir opened with openApp (seeded library), through the real
 * dispatch: a 10-page reference briefing note (6 charts made with 'charts:create', 40 fact
 * citations), and 50- and 200-page reports (the same chapter repeated, each repeat with its own
 * six charts); 'reports:render' cold and warm; peak RSS of the 10-page export in the built app's
 * own process (out/main/server.js, over its HTTP API);
 * Chromium page.pdf() of equivalent HTML (same definition → HTML, same chart SVGs, embedded DejaVu
 * Sans); chart SVG times per type; preview latency over the browser-mode HTTP server + pdf.js in
 * Chromium; font sharing on/off. Timing is reported, never asserted: the exit code is non-zero
 * only when a step fails (Chromium missing, a render error, a child crash).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildChartModel } from '../../electron/core/charts/chart-model';
import { renderChartSvg } from '../../electron/adapters/charts/chart-svg';
import { openApp, type OpenedApp } from '../../electron/adapters/app/open-app';
import { setLibraryPatches } from '../../electron/patches/versions';
import { setRenderCaching } from '../../electron/core/export/render-cache';
import type { Chart, Report } from '../../electron/shared/entities';
import { ownCpuMs } from './cpu';
import { dataFontUrl, exportWithChromium, launchChromium, startFontServer, type FontServer } from './chromium';
import { call, composeReport, createChart, editReport, ensureChapterCharts, EXTRA_TYPE_SPECS, type BuiltReport, type ReportPlan } from './fixtures';
import { definitionToHtml } from './html';
import { countPages } from './pdf-pages';
import { startPreviewBench, type PreviewSample } from './preview';
import { installRenderProbe, probe, type ProbeResult } from './render-probe';
import { printTable, type BenchResults, type SizeResult } from './results';
import { measureServerRss } from './server-rss';
import { benchSearch } from './search';
import { benchApiDuringExport } from './api-during-export';
import { median, now, round, timed } from './stats';

const asJson = process.argv.includes('--json');
const progress = (message: string): void => {
  process.stderr.write(`bench: ${message}\n`);
};

const SIZES: { target: number; plan: ReportPlan; runs: number }[] = [
  { target: 10, plan: { chapters: 1, extraSections: 0, sentencesPerParagraph: 4, paragraphsPerSection: 4 }, runs: 9 },
  { target: 50, plan: { chapters: 5, extraSections: 3, sentencesPerParagraph: 4, paragraphsPerSection: 4 }, runs: 4 },
  { target: 200, plan: { chapters: 22, extraSections: 0, sentencesPerParagraph: 4, paragraphsPerSection: 4 }, runs: 3 },
];
/** Page count within this share of the target counts as "≈ target". */
const PAGE_TOLERANCE = 0.1;
const RSS_TARGET_MB = 250;

interface Rendered {
  pdfBase64: string;
  pageCount: number;
  byteLength: number;
}

const failures: string[] = [];
const fail = (step: string, error: unknown): void => {
  const message = `${step}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  failures.push(message);
  progress(`FAILED ${message}`);
};

const chaptersFor = (plan: ReportPlan): number => plan.chapters + (plan.extraSections > 0 ? 1 : 0);

/** One 'reports:render' through the dispatch, timed, with the stopwatches of render-probe.ts. */
const render = async (app: OpenedApp, report: Report, captureDefinition = false): Promise<{ result: Rendered; ms: number; cpuMs: number; probe: ProbeResult }> => {
  const cpu0 = ownCpuMs();
  const { value, probe: inside } = await probe(() => timed(() => call<Rendered>(app.dispatch, 'reports:render', { report })), { captureDefinition });
  return { result: value.value, ms: value.ms, cpuMs: ownCpuMs() - cpu0, probe: inside };
};

/** Builds, saves and renders a report; for long reports, changes its length until the page count is near the target. */
const buildToTarget = async (app: OpenedApp, base: Report, charts: Chart[][], size: (typeof SIZES)[number]) => {
  let plan = size.plan;
  // One report per size, saved at the revision it was last given (saves are revision-checked, issue 13 §2).
  let slot = await call<Report>(app.dispatch, 'reports:create', { template: base.template });
  for (let attempt = 0; ; attempt++) {
    await ensureChapterCharts(app.dispatch, charts, chaptersFor(plan));
    const built = composeReport(base, app.store.read(), charts, plan, `Benchmark briefing note (${size.target} pages)`);
    const report = await call<Report>(app.dispatch, 'reports:save', { report: { ...built.report, id: slot.id, revision: slot.revision } });
    slot = report;
    const first = await render(app, report, true);
    const pages = first.result.pageCount;
    const off = Math.abs(pages - size.target) / size.target;
    if (off <= PAGE_TOLERANCE / 2 || size.target <= 10 || attempt >= 2) return { built: { ...built, report }, first };
    const sections = plan.chapters * 6 + plan.extraSections;
    const wanted = Math.max(6, Math.round((sections * (size.target - 1)) / Math.max(1, pages - 1)));
    progress(`${size.target}-page report came out at ${pages} pages; retrying with ${wanted} sections`);
    plan = { ...plan, chapters: Math.floor(wanted / 6), extraSections: wanted % 6 };
  }
};

/** The app's own bundle (out/main/server.js) is what the memory figure is read from: build it first. */
const buildApp = (): void => {
  const build = spawnSync(process.execPath, [join('node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { encoding: 'utf8', timeout: 180_000 });
  if (build.status !== 0) throw new Error(`electron-vite build exited ${build.status}: ${(build.stderr || '').trim().split('\n').slice(-3).join(' | ')}`);
};

const measureRss = async (plan: ReportPlan): Promise<BenchResults['rss']> => {
  const measured = await measureServerRss(plan);
  return { ...measured, targetMb: RSS_TARGET_MB, met: measured.peakRssMb < RSS_TARGET_MB };
};

const main = async (): Promise<BenchResults> => {
  const started = now();
  const dataDir = mkdtempSync(join(tmpdir(), 'dossier-bench-'));
  const results: BenchResults = { sizes: [], rss: null, charts: [], preview: null, save: null, apiDuringExport: null, search: [], chromium: { available: false, reason: null, dataUrlFonts10: null }, failures, totalSeconds: 0, environment: { node: process.version, cpus: 0, loadAverage: [] } };
  const os = await import('node:os');
  results.environment = { node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg().map((v) => round(v, 2)) };
  let browser: Browser | null = null;
  let fonts: FontServer | null = null;
  try {
    progress(`data dir ${dataDir}`);
    installRenderProbe();
    // On this thread: the stage stopwatches (render-probe.ts) patch pdfmake where the export runs.
    const app = await openApp(dataDir, { threads: 'in-process' });

    // 0. Save latency: what a user waits for each edit to be on disk (durable-json-file.ts).
    try {
      progress('save latency (durable writes)');
      const fact = app.store.read().facts[0]!;
      const times: number[] = [];
      let revision = fact.revision;
      for (let i = 0; i < 40; i++) {
        const { value: saved, ms } = await timed(() => app.dispatch('facts:update', { id: fact.id, revision, changes: { note: `bench ${i}` } }));
        if (saved.ok) revision = (saved.value as { revision: number }).revision;
        times.push(ms);
      }
      const sorted = [...times].sort((a, b) => a - b);
      results.save = { samples: times.length, p50Ms: round(median(times)), p95Ms: round(sorted[Math.ceil(sorted.length * 0.95) - 1]!), facts: app.store.read().facts.length };
    } catch (error) {
      fail('save latency', error);
    }
    const base = await call<Report>(app.dispatch, 'reports:create', { template: 'briefing-note' });
    const charts: Chart[][] = [];

    // 1. Reports; the very first render of the process is the cold one. It also captures the
    //    definition pdfmake is given, for the equivalent HTML.
    const built: { size: (typeof SIZES)[number]; built: BuiltReport; first: Awaited<ReturnType<typeof render>> }[] = [];
    for (const size of SIZES) {
      try {
        progress(`building the ${size.target}-page report`);
        const { built: report, first } = await buildToTarget(app, base, charts, size);
        if (!first.probe.definition) throw new Error('the document definition was not captured');
        built.push({ size, built: report, first });
      } catch (error) {
        fail(`${size.target}-page report`, error);
      }
    }

    // 2. Peak RSS of the 10-page export, in a child process.
    try {
      progress('peak RSS of a 10-page export (the built browser-mode server)');
      buildApp();
      results.rss = await measureRss(SIZES[0]!.plan);
    } catch (error) {
      fail('RSS child', error);
    }

    // 3. Chromium.
    let page: Page | null = null;
    try {
      browser = await launchChromium();
      fonts = await startFontServer();
      page = await browser.newPage();
      await page.goto(`${fonts.origin}/`);
      results.chromium.available = true;
    } catch (error) {
      results.chromium.reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
      fail('Chromium comparison skipped', error);
    }

    for (const { size, built: report, first } of built) {
      try {
        progress(`${size.target}-page: ${size.runs} warm exports each, ours, Chromium and ours with library patches off, alternating`);
        const definition = first.probe.definition!;
        const furniture = { marking: report.report.marking.toUpperCase(), reference: report.report.reference };
        const html = page && fonts ? definitionToHtml(definition, fonts.fontUrl) : null;
        if (size.target <= 10) await render(app, report.report); // the cold run was the process's first: warm up once more
        const ours: Awaited<ReturnType<typeof render>>[] = [];
        const chrome: Awaited<ReturnType<typeof exportWithChromium>>[] = [];
        let chromeFirst: number | null = null;
        let chromePages: number | null = null;
        if (page && html) chromeFirst = (await exportWithChromium(page, html, furniture)).totalMs;
        // Patches off: the same warm export with pdfmake's, pdfkit's and citeproc-js's own code.
        const patchesOff: number[] = [];
        for (let i = 0; i < size.runs; i++) {
          ours.push(await render(app, report.report));
          if (page && html) chrome.push(await exportWithChromium(page, html, furniture));
          setLibraryPatches(false);
          try {
            patchesOff.push((await render(app, report.report)).ms);
          } finally {
            setLibraryPatches(true);
          }
        }
        // Uncached: every note and chart computed afresh (a report whose citations and charts the
        // preview has not rendered yet), in a warm process.
        setRenderCaching(false);
        const uncached: number[] = [];
        try {
          for (let i = 0; i < 2; i++) uncached.push((await render(app, report.report)).ms);
        } finally {
          setRenderCaching(true);
        }
        const lastChrome = chrome[chrome.length - 1];
        if (lastChrome) chromePages = await countPages(lastChrome.bytes);
        if (page && size.target === 10) {
          const inline = definitionToHtml(definition, dataFontUrl);
          await exportWithChromium(page, inline, furniture);
          const runs: number[] = [];
          for (let i = 0; i < 5; i++) runs.push((await exportWithChromium(page, inline, furniture)).totalMs);
          results.chromium.dataUrlFonts10 = round(median(runs));
        }
        const oursMedian = median(ours.map((run) => run.ms));
        // The stage breakdown of the warm run nearest the median.
        const typical = [...ours].sort((a, b) => Math.abs(a.ms - oursMedian) - Math.abs(b.ms - oursMedian))[0]!;
        const p = typical.probe;
        const chromeMedian = chrome.length ? median(chrome.map((run) => run.totalMs)) : null;
        const oursCpu = median(ours.map((run) => run.cpuMs));
        const chromeCpuRuns = chrome.flatMap((run) => (run.cpuMs === null ? [] : [run.cpuMs]));
        const chromeCpu = chromeCpuRuns.length ? median(chromeCpuRuns) : null;
        const last = ours[ours.length - 1]!.result;
        const chartTypes: Record<string, number> = {};
        const chartById = new Map(app.store.read().charts.map((chart) => [chart.id, chart]));
        for (const id of new Set(report.report.sections.flatMap((section) => section.blocks.flatMap((block) => (block.kind === 'chart' ? [block.chartId] : []))))) {
          const type = chartById.get(id)?.type ?? 'unknown';
          chartTypes[type] = (chartTypes[type] ?? 0) + 1;
        }
        const result: SizeResult = {
          target: size.target,
          content: {
            chapters: report.plan.chapters,
            extraSections: report.plan.extraSections,
            sections: report.report.sections.length,
            paragraphs: report.paragraphs,
            factInlines: report.factInlines,
            chartBlocks: report.chartBlocks,
            chartTypes,
            notes: p.notes,
          },
          ours: { pages: last.pageCount, bytes: last.byteLength, coldMs: round(first.ms), uncachedMs: round(median(uncached)), patchesOffMs: round(median(patchesOff)), warmMedianMs: round(oursMedian), cpuMedianMs: round(oursCpu), runs: ours.map((run) => round(run.ms)), msPerPage: round(oursMedian / last.pageCount, 2) },
          chromium:
            chromeMedian === null
              ? null
              : {
                  pages: chromePages ?? 0,
                  bytes: lastChrome?.bytes.byteLength ?? 0,
                  firstMs: round(chromeFirst ?? Number.NaN),
                  warmMedianMs: round(chromeMedian),
                  setContentMs: round(median(chrome.map((run) => run.setContentMs))),
                  pdfMs: round(median(chrome.map((run) => run.pdfMs))),
                  cpuMedianMs: chromeCpu === null ? null : round(chromeCpu),
                  runs: chrome.map((run) => round(run.totalMs)),
                  msPerPage: round(chromeMedian / (chromePages || 1), 2),
                },
          ratio: chromeMedian === null ? null : round(oursMedian / chromeMedian, 2),
          uncachedRatio: chromeMedian === null ? null : round(median(uncached) / chromeMedian, 2),
          patchesOffRatio: chromeMedian === null ? null : round(median(patchesOff) / chromeMedian, 2),
          cpuRatio: chromeCpu === null ? null : round(oursCpu / chromeCpu, 2),
          engineRatio: chromeMedian === null ? null : round(p.pdfmakeMs / chromeMedian, 2),
          pagesOk: Math.abs(last.pageCount - size.target) / size.target <= PAGE_TOLERANCE,
          phases: {
            totalMs: round(typical.ms),
            citeprocMs: round(p.citeprocMs),
            chartsSvgMs: round(p.echartsMs),
            charts: p.charts,
            pdfmakeMs: round(p.pdfmakeMs),
            layoutMs: round(p.layoutMs),
            layoutPasses: p.layoutPasses,
            drawMs: round(p.drawMs),
            drawSvgMs: round(p.drawSvgMs),
            finishMs: round(p.pdfmakeMs - p.layoutMs - p.drawMs),
            otherMs: round(typical.ms - p.citeprocMs - p.echartsMs - p.pdfmakeMs),
          },
        };
        results.sizes.push(result);
      } catch (error) {
        fail(`${size.target}-page export`, error);
      }
    }

    // 4. One chart → SVG, per type (median of 50; model and SVG timed apart).
    try {
      progress('chart SVG per type (50 each)');
      const library = app.store.read();
      const facts = new Map(library.facts.map((fact) => [fact.id, fact]));
      const sources = new Map(library.sources.map((source) => [source.id, source]));
      const extra: Chart[] = [];
      for (const spec of EXTRA_TYPE_SPECS) extra.push(await createChart(app.dispatch, spec));
      const byType = new Map<string, Chart>();
      for (const chart of [...(charts[0] ?? []), ...extra]) if (!byType.has(chart.type)) byType.set(chart.type, chart);
      for (const [type, chart] of byType) {
        const size = type === 'donut' || type === 'big-number' ? { width: 236, height: 177 } : { width: 471, height: 265 };
        const modelMs: number[] = [];
        const svgMs: number[] = [];
        let bytes = 0;
        for (let i = 0; i < 52; i++) {
          const t0 = now();
          const model = buildChartModel(chart, { facts, sources });
          const t1 = now();
          bytes = renderChartSvg(model, { ...size, showTitle: false }).length;
          const t2 = now();
          if (i >= 2) {
            modelMs.push(t1 - t0);
            svgMs.push(t2 - t1);
          }
        }
        results.charts.push({ type, ...size, modelMs: round(median(modelMs), 2), svgMs: round(median(svgMs), 2), totalMs: round(median(modelMs) + median(svgMs), 2), svgBytes: bytes });
      }
    } catch (error) {
      fail('chart SVG timing', error);
    }

    const ten = built.find((entry) => entry.size.target === 10)?.built.report;

    // 5. What the API answers while the longest report exports (issue 13 §5: exports on worker threads).
    const longest = built[built.length - 1];
    if (longest) {
      try {
        progress(`API latency while the ${longest.size.target}-page report exports (worker threads, then on the API's thread)`);
        await app.store.flush();
        results.apiDuringExport = await benchApiDuringExport(app.store.read(), longest.built.report.id);
      } catch (error) {
        fail('API latency during an export', error);
      }
    }

    // 7. The library at 100,000 facts: a store of that size opened, searched and filtered through the dispatch.
    try {
      progress('search index at 100,000 facts');
      for (const corpus of ['varied', 'repeated'] as const) results.search.push(await benchSearch(app.store.read(), 100_000, corpus));
    } catch (error) {
      fail('search', error);
    }

    // 6. Preview latency: edit → HTTP render → pdf.js page 1 on a canvas in Chromium.
    if (ten && browser) {
      try {
        progress('preview latency (browser-mode server + pdf.js in Chromium)');
        const preview = await startPreviewBench(browser, app.dispatch);
        try {
          await preview.sample(editReport(ten, 0));
          const samples: PreviewSample[] = [];
          for (let i = 0; i < 5; i++) samples.push(await preview.sample(editReport(ten, 100 + i)));
          const pick = (key: keyof Omit<PreviewSample, 'mode' | 'pageCount'>) => round(median(samples.map((s) => s[key])));
          results.preview = {
            roundTripMs: pick('roundTripMs'),
            serverMs: pick('serverMs'),
            transportMs: round(median(samples.map((s) => s.roundTripMs - s.serverMs))),
            decodeMs: pick('decodeMs'),
            parseMs: pick('parseMs'),
            drawMs: pick('drawMs'),
            totalMs: pick('totalMs'),
            pageCount: samples[0]?.pageCount ?? 0,
            workerMode: samples[0]?.mode ?? 'unknown',
          };
        } finally {
          await preview.close();
        }
      } catch (error) {
        fail('preview latency', error);
      }
    } else if (!browser) {
      fail('preview latency skipped', new Error('needs Chromium'));
    }
    await app.store.flush();
  } catch (error) {
    fail('setup', error);
  } finally {
    await browser?.close().catch(() => undefined);
    await fonts?.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
  results.totalSeconds = round((now() - started) / 1000);
  return results;
};

main().then(
  (results) => {
    if (asJson) process.stdout.write(`${JSON.stringify(results)}\n`);
    else printTable(results);
    process.exit(failures.length > 0 ? 1 : 0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
