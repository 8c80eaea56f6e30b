import type { ChartDrawer } from '../../core/charts/chart-ports';
import type { ImportProposer } from '../../core/library/import-proposal';
import type { ReportExporter } from '../../core/reports/report-ports';
import { WorkerLane, type WorkBudget } from './worker-lane';

export interface WorkBudgets {
  /** Report exports, previews and chart drawings (one thread, one job at a time). */
  export: WorkBudget;
  /** Reading an imported file (its own thread, so an import never waits behind an export). */
  import: WorkBudget;
  /** A single chart drawing (on the export thread). */
  chartTimeMs: number;
}

/**
 * Generous for a 300-page report or a 2 MB import on a slow laptop, and still far below what
 * would make a user give up on the app; `npm run bench` shows where real reports sit.
 */
export const DEFAULT_WORK_BUDGETS: WorkBudgets = {
  export: { timeMs: 180_000, memoryMb: 2048 },
  import: { timeMs: 60_000, memoryMb: 1024 },
  chartTimeMs: 30_000,
};

export interface WorkerServices {
  exporter: ReportExporter;
  drawer: ChartDrawer;
  proposer: ImportProposer;
  /** Starts the export thread and runs one small export a little after start, so the user's first preview is quick. */
  warmUpSoon(delayMs?: number): void;
  close(): Promise<void>;
}

export const createWorkerServices = (budgets: Partial<WorkBudgets> = {}): WorkerServices => {
  const chosen = { ...DEFAULT_WORK_BUDGETS, ...budgets };
  const exportLane = new WorkerLane(chosen.export);
  const importLane = new WorkerLane(chosen.import);
  return {
    exporter: { render: (input) => exportLane.run('export-report', input) },
    drawer: { renderSvg: (model, options) => exportLane.run('draw-chart', { model, options }, { timeMs: chosen.chartTimeMs }) },
    proposer: { propose: (file) => importLane.run('propose-import', file) },
    warmUpSoon: (delayMs = 3000) => {
      setTimeout(() => {
        exportLane.run('warm-up', null).catch(() => undefined);
      }, delayMs).unref();
    },
    close: async () => {
      await Promise.all([exportLane.close(), importLane.close()]);
    },
  };
};
