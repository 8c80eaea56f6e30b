import type { ChartModel } from '../../core/charts/chart-model';
import type { ChartDrawOptions } from '../../core/charts/chart-ports';
import type { ImportFile, ImportProposal } from '../../core/library/import-proposal';
import type { RenderedPdf, RenderInput } from '../../core/reports/report-ports';

/** The work a host hands to a worker thread, and what comes back. */
export interface WorkerJobs {
  'export-report': { input: RenderInput; output: RenderedPdf };
  'draw-chart': { input: { model: ChartModel; options: ChartDrawOptions }; output: string };
  'propose-import': { input: ImportFile; output: ImportProposal };
  'warm-up': { input: null; output: null };
}

export type JobKind = keyof WorkerJobs;

export interface JobRequest<K extends JobKind = JobKind> {
  id: number;
  kind: K;
  input: WorkerJobs[K]['input'];
}

/** A failure crosses the thread as data: a DossierError keeps its code and message, anything else becomes INTERNAL. */
export type JobReply =
  | { id: number; ok: true; output: unknown }
  | { id: number; ok: false; error: { dossier: boolean; code: string; message: string; stack?: string } };
