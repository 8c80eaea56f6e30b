/**
 * Peak memory of a 10-page export in the app's own process: the built browser-mode host
 * (out/main/server.js, as `npm start` runs it, the bundle electron-vite also makes the Electron
 * main process from) on a fresh seeded data dir. The reference report is built and exported over
 * its HTTP API as the renderer does (secret from the served page), one cold export and three warm
 * ones, and the peak resident set is read from /proc/PID/status (VmHWM) at each step.
 */
import { launchSession } from '../../tests/helpers/launch-session';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dispatch } from '../../electron/core/dispatch';
import type { Chart, Report } from '../../electron/shared/entities';
import { SERVER_BUNDLE, startBuiltServer, stopProcess } from '../../tests/helpers/built-server';
import { call, composeReport, ensureChapterCharts, type Library, type ReportPlan } from './fixtures';

export interface ServerRss {
  /** Started, library open, report built: before any export. */
  peakBeforeExportMb: number;
  peakAfterFirstExportMb: number;
  /** After all four exports: the figure held against the target. */
  peakRssMb: number;
  pageCount: number;
}

const vmHwmMb = (pid: number): number => {
  const line = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!line) throw new Error('no VmHWM in /proc (Linux only)');
  return Math.round(Number(line[1]) / 102.4) / 10;
};

const httpDispatch = async (launchUrl: string): Promise<Dispatch> => {
  const { base: url, secret } = await launchSession(launchUrl);
  return (async (channel: string, input: unknown) => {
    const response = await fetch(`${url}api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dossier-secret': secret }, body: JSON.stringify({ input }) });
    return response.json();
  }) as Dispatch;
};

export const measureServerRss = async (plan: ReportPlan): Promise<ServerRss> => {
  if (!existsSync(SERVER_BUNDLE)) throw new Error(`${SERVER_BUNDLE} is missing: run "npm run build" first`);
  const dataDir = mkdtempSync(join(tmpdir(), 'dossier-bench-rss-'));
  const { child, url, output } = await startBuiltServer(dataDir);
  try {
    const pid = child.pid!;
    const dispatch = await httpDispatch(url);
    const base = await call<Report>(dispatch, 'reports:create', { template: 'briefing-note' });
    const charts: Chart[][] = [];
    await ensureChapterCharts(dispatch, charts, plan.chapters + (plan.extraSections > 0 ? 1 : 0));
    // A fresh data dir holds the seeded library: its facts and indicators are the seed file's.
    const built = composeReport(base, JSON.parse(readFileSync(join('seeds', 'library.json'), 'utf8')) as Library, charts, plan, 'Benchmark briefing note');
    const report = await call<Report>(dispatch, 'reports:save', { report: built.report });
    const peakBeforeExportMb = vmHwmMb(pid);
    let pageCount = (await call<{ pageCount: number }>(dispatch, 'reports:render', { report })).pageCount;
    const peakAfterFirstExportMb = vmHwmMb(pid);
    for (let i = 0; i < 3; i++) pageCount = (await call<{ pageCount: number }>(dispatch, 'reports:render', { report })).pageCount;
    return { peakBeforeExportMb, peakAfterFirstExportMb, peakRssMb: vmHwmMb(pid), pageCount };
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}; server said: ${output().trim().split('\n').slice(-4).join(' | ')}`);
  } finally {
    await stopProcess(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
};
