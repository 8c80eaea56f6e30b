/** The benchmark's figures (the --json object) and the readable table printed from them. */
import type { ApiDuringExport } from './api-during-export';
import type { SearchBench } from './search';
import { ms, ratio, yesNo } from './stats';

export interface SizeResult {
  target: number;
  content: { chapters: number; extraSections: number; sections: number; paragraphs: number; factInlines: number; chartBlocks: number; chartTypes: Record<string, number>; notes: number };
  ours: { pages: number; bytes: number; coldMs: number; uncachedMs: number; warmMedianMs: number; patchesOffMs: number; cpuMedianMs: number; runs: number[]; msPerPage: number };
  chromium: { pages: number; bytes: number; firstMs: number; warmMedianMs: number; setContentMs: number; pdfMs: number; cpuMedianMs: number | null; runs: number[]; msPerPage: number } | null;
  /** ours / Chromium, warm medians. */
  ratio: number | null;
  /** ours with the render caches off / Chromium warm median. */
  uncachedRatio: number | null;
  /** ours with notes and chart SVGs reused but every chart drawn into the PDF anew / Chromium warm median: the same input Chromium gets. */
  patchesOffRatio: number | null;
  /** ours / Chromium, CPU time (all Chromium processes), medians. */
  cpuRatio: number | null;
  /** pdfmake alone (the typical run's createPdf → end of the document stream) / Chromium warm median: layout engine against layout engine on the same input. */
  engineRatio: number | null;
  pagesOk: boolean;
  /** The warm export nearest the median, stage by stage (scripts/bench/render-probe.ts). */
  phases: Phases;
}

export interface Phases {
  totalMs: number;
  citeprocMs: number;
  /** ECharts setOption + renderToSVGString + dispose, all charts of the report. */
  chartsSvgMs: number;
  charts: number;
  /** createPdf → end of the document stream: layout + draw + finish. */
  pdfmakeMs: number;
  layoutMs: number;
  /** Full layouts pdfmake ran (more than 1 when pageBreakBefore moved a heading). */
  layoutPasses: number;
  drawMs: number;
  drawSvgMs: number;
  /** pdfkit end(): font subsetting, compression, streaming; plus pdfmake setup. */
  finishMs: number;
  /** The rest: chart models and SVG post-processing, buildPdfDefinition, dispatch (zod, warnings), base64. */
  otherMs: number;
}

export interface BenchResults {
  sizes: SizeResult[];
  rss: { peakRssMb: number; peakBeforeExportMb: number; peakAfterFirstExportMb: number; pageCount: number; targetMb: number; met: boolean } | null;
  charts: { type: string; width: number; height: number; modelMs: number; svgMs: number; totalMs: number; svgBytes: number }[];
  preview: {
    roundTripMs: number;
    serverMs: number;
    /** Round trip minus the server's dispatch: HTTP, JSON, base64 transport. */
    transportMs: number;
    decodeMs: number;
    parseMs: number;
    drawMs: number;
    totalMs: number;
    pageCount: number;
    workerMode: string;
  } | null;
  chromium: { available: boolean; reason: string | null; dataUrlFonts10: number | null };
  /** An edit acknowledged on disk (temp file, fsync, rename, folder fsync), through the dispatch. */
  save: { samples: number; p50Ms: number; p95Ms: number; facts: number } | null;
  apiDuringExport: ApiDuringExport | null;
  search: SearchBench[];
  failures: string[];
  totalSeconds: number;
  environment: { node: string; cpus: number; loadAverage: number[] };
}

const pad = (cells: string[], widths: number[]): string => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');

const table = (head: string[], rows: string[][]): string => {
  const widths = head.map((_, i) => Math.max(...[head, ...rows].map((row) => (row[i] ?? '').length)));
  return [pad(head, widths), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((row) => pad(row, widths))].join('\n');
};

export const printTable = (r: BenchResults): void => {
  const out: string[] = [];
  out.push(`Dossier export benchmark — Node ${r.environment.node}, ${r.environment.cpus} CPUs, load ${r.environment.loadAverage.join(' ')} (wall-clock; noisy on a shared machine)`);
  out.push('');
  out.push('Reports (A4, Chicago notes; a chapter = 6 sections × (prose + 1 chart), 40 fact citations):');
  out.push(
    table(
      ['report', 'chapters', 'fact cites', 'charts', 'notes', 'our pages', 'Chromium pages', 'pages ≈ target'],
      r.sizes.map((s) => [
        `${s.target} pages`,
        `${s.content.chapters}${s.content.extraSections ? ` + ${s.content.extraSections} sect.` : ''}`,
        String(s.content.factInlines),
        String(s.content.chartBlocks),
        String(s.content.notes),
        String(s.ours.pages),
        s.chromium ? String(s.chromium.pages) : '–',
        yesNo(s.pagesOk),
      ]),
    ),
  );
  out.push('');
  out.push('Export time (reports:render through dispatch vs Chromium setContent + page.pdf(), warm medians, wall clock):');
  out.push(
    table(
      ['report', 'ours first', 'uncached', 'patches off', 'ours warm', '/page', 'Chr. first', 'Chr. warm', '(setContent + pdf)', '/page', 'uncached/Chr.', 'off/Chr.', 'warm/Chr.', 'pdfmake/Chr.', 'ours faster'],
      r.sizes.map((s) => [
        `${s.target} pages`,
        ms(s.ours.coldMs),
        ms(s.ours.uncachedMs),
        ms(s.ours.patchesOffMs),
        ms(s.ours.warmMedianMs),
        ms(s.ours.msPerPage),
        ms(s.chromium?.firstMs),
        ms(s.chromium?.warmMedianMs),
        s.chromium ? `${ms(s.chromium.setContentMs)} + ${ms(s.chromium.pdfMs)}` : '–',
        ms(s.chromium?.msPerPage),
        ratio(s.uncachedRatio),
        ratio(s.patchesOffRatio),
        ratio(s.ratio),
        ratio(s.engineRatio),
        s.ratio === null || s.uncachedRatio === null || s.patchesOffRatio === null
          ? 'n/a'
          : `${s.uncachedRatio < 1 ? 'yes, all' : s.patchesOffRatio < 1 ? 'yes, patches off too' : s.ratio < 1 ? 'warm only' : 'NO'}${s.target === 10 || s.target === 200 ? ' (target)' : ''}`,
      ]),
    ),
  );
  out.push(
    table(
      ['CPU time', 'ours', 'Chromium', 'ours/Chr.'],
      r.sizes.map((s) => [`${s.target} pages`, ms(s.ours.cpuMedianMs), ms(s.chromium?.cpuMedianMs), ratio(s.cpuRatio)]),
    ),
  );
  out.push('first: of 10 pages = first export in the process (cold); of 50/200 = first export of that report (runtime warm).');
  out.push('uncached: render caches off (every note and chart SVG computed afresh), process warm. warm: a repeat render, as when exporting what the preview shows (notes and chart SVGs reused; every chart is drawn into the PDF anew).');
  out.push('patches off: the warm export with every library patch off (pdfmake, pdfkit, citeproc-js as published; DOSSIER_LIBRARY_PATCHES=off): what the speed-ups are worth.');
  out.push('Chromium gets the notes and chart SVGs ready-made (from our citeproc and ECharts); pdfmake/Chr. compares the layout engines alone.');
  out.push('CPU = process.cpuUsage() for ours, utime+stime of all Chromium processes (/proc) for Chromium: steadier than wall time on a busy machine.');
  if (!r.chromium.available) out.push(`Chromium comparison SKIPPED: ${r.chromium.reason}`);
  if (r.chromium.dataUrlFonts10 !== null) out.push(`Chromium 10 pages with fonts as data: URLs instead of cached http: ${ms(r.chromium.dataUrlFonts10)}`);
  out.push('');
  out.push('Where our time goes (the warm export nearest the median, stage by stage):');
  out.push(
    table(
      ['report', 'total', 'citeproc', 'ECharts→SVG', 'pdfmake', '= layout', '+ draw (of which SVG)', '+ finish*', 'layout passes', 'other**'],
      r.sizes.map((s) => {
        const p = s.phases;
        return [`${s.target} pages`, ms(p.totalMs), ms(p.citeprocMs), `${ms(p.chartsSvgMs)} (${p.charts})`, ms(p.pdfmakeMs), ms(p.layoutMs), `${ms(p.drawMs)} (${ms(p.drawSvgMs)})`, ms(p.finishMs), String(p.layoutPasses), ms(p.otherMs)];
      }),
    ),
  );
  out.push('* pdfkit end(): font subsetting, zlib, streaming.  ** chart models, buildPdfDefinition, dispatch (zod in/out, warnings), base64.');
  out.push('');
  if (r.rss) {
    out.push(`Peak RSS of the app's process (built browser-mode server, out/main/server.js), 10-page export ×4 over its API: ${r.rss.peakRssMb} MB — target < ${r.rss.targetMb} MB: ${yesNo(r.rss.met)}`);
    out.push(`  started, library open, report built ${r.rss.peakBeforeExportMb} MB → after the 1st export ${r.rss.peakAfterFirstExportMb} MB → after the 4th ${r.rss.peakRssMb} MB (VmHWM)`);
  }
  out.push('');
  if (r.charts.length) {
    out.push('One chart → SVG (buildChartModel + renderChartSvg, median of 50):');
    out.push(table(['type', 'size', 'model', 'SVG', 'total', 'SVG bytes'], r.charts.map((c) => [c.type, `${c.width}×${c.height}`, ms(c.modelMs), ms(c.svgMs), ms(c.totalMs), String(c.svgBytes)])));
    out.push('');
  }
  if (r.search.length) {
    const first = r.search[0]!;
    out.push(`Library at ${first.facts.toLocaleString('en')} facts ('facts:search' through the dispatch on a store of that size, 50 per page):`);
    out.push(
      table(
        ['library', 'store', 'open', 'first list', 'first query', 'query while indexing', 'index ready', 'list (no text)', 'typed query median', 'p95', 'tag + dates', 'query after an edit', 'facets'],
        r.search.map((q) => [
          q.corpus,
          `${q.storeMb} MB`,
          ms(q.openMs),
          ms(q.firstListMs),
          ms(q.firstQueryMs),
          ms(q.scanQueryMedianMs),
          q.indexMs === null ? 'not in 3 min' : ms(q.indexMs),
          ms(q.listMedianMs),
          ms(q.queryMedianMs),
          ms(q.queryP95Ms),
          ms(q.filterMedianMs),
          ms(q.afterEditMs),
          ms(q.facetsMs),
        ]),
      ),
    );
    out.push(`varied: each fact a run of 10–30 words from the seed documents; repeated: the 63 seeded statements over and over (worst case: "Azerbaijan" in nearly every fact).`);
    out.push(`Typed queries: every prefix from two letters of ten phrases (${first.typedQueries} distinct), each asked once. The index is built in the background after opening; queries before then scan the facts (complete, in date order).`);
    out.push('');
  }
  if (r.preview) {
    const p = r.preview;
    out.push(`Preview latency, 10-page edit → page 1 drawn (median of 5 after a warm-up; pdf.js ${p.workerMode}):`);
    out.push(
      table(
        ['HTTP reports:render', '= export in server', '+ HTTP/JSON', 'base64 decode', 'pdf.js parse + page 1', 'draw page 1 (800 px)', 'total'],
        [[ms(p.roundTripMs), ms(p.serverMs), ms(p.transportMs), ms(p.decodeMs), ms(p.parseMs), ms(p.drawMs), ms(p.totalMs)]],
      ),
    );
    out.push('');
  }
  if (r.save) {
    out.push(`Save latency, an edit acknowledged durably (fsync of the file and the folder), ${r.save.facts}-fact library, ${r.save.samples} edits: p50 ${ms(r.save.p50Ms)}, p95 ${ms(r.save.p95Ms)}`);
    out.push('');
  }
  if (r.apiDuringExport) {
    const a = r.apiDuringExport;
    out.push(`API latency while a ${a.pages}-page report exports (p50 / p95 / max over the export; status, search "mine", a durable save):`);
    const row = (label: string, m: ApiDuringExport['workers']) => [
      label,
      ms(m.exportMs),
      `${ms(m.status.p50Ms)} / ${ms(m.status.p95Ms)} / ${ms(m.status.maxMs)}`,
      `${ms(m.search.p50Ms)} / ${ms(m.search.p95Ms)} / ${ms(m.search.maxMs)}`,
      `${ms(m.save.p50Ms)} / ${ms(m.save.p95Ms)} / ${ms(m.save.maxMs)}`,
      String(m.status.samples),
    ];
    out.push(table(['export runs', 'export', 'status', 'search', 'save', 'rounds'], [row('on worker threads', a.workers), row("on the API's thread", a.inProcess)]));
    out.push(`Worst answer during the export: ${ms(Math.max(a.workers.status.maxMs, a.workers.search.maxMs, a.workers.save.maxMs))} on worker threads vs ${ms(Math.max(a.inProcess.status.maxMs, a.inProcess.search.maxMs, a.inProcess.save.maxMs))} on the API's thread.`);
    out.push('');
  }
  for (const failure of r.failures) out.push(`FAILED: ${failure}`);
  out.push(`Total ${r.totalSeconds} s; ${r.failures.length ? `${r.failures.length} step(s) failed` : 'all steps ran'}.`);
  process.stdout.write(`${out.join('\n')}\n`);
};
