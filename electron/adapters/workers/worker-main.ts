import { parentPort } from 'node:worker_threads';
import { isDossierError } from '../../core/errors';
import { proposeImport } from '../../core/library/import-proposal';
import { createChartDrawer, createReportExporter, warmUpPdf } from '../pdf/report-exporter';
import { checkLibraryPatches } from '../../patches/node/check-versions';
import type { JobReply, JobRequest, WorkerJobs } from './worker-jobs';

/**
 * The entry of an export/import worker thread (worker-lane.ts starts it). Each thread does one
 * job at a time; pdfmake, ECharts, fonts and the render caches live here, not on the thread that
 * answers the API.
 */
type Runners = { [K in keyof WorkerJobs]: (input: WorkerJobs[K]['input']) => Promise<WorkerJobs[K]['output']> };

// The same all-or-none library patch decision as the host's (patches/versions.ts).
checkLibraryPatches();
const exporter = createReportExporter();
const drawer = createChartDrawer();

const runners: Runners = {
  'export-report': (input) => exporter.render(input),
  'draw-chart': ({ model, options }) => drawer.renderSvg(model, options),
  'propose-import': async (file) => proposeImport(file),
  'warm-up': async () => {
    await warmUpPdf();
    return null;
  },
};

const port = parentPort;
if (!port) throw new Error('worker-main.ts runs only as a worker thread.');

port.on('message', (request: JobRequest) => {
  const run = runners[request.kind] as (input: unknown) => Promise<unknown>;
  run(request.input).then(
    (output) => {
      // A PDF's bytes move to the host instead of being copied (when they own their whole buffer:
      // a slice of Node's shared buffer pool must be copied).
      const bytes = output && typeof output === 'object' && 'bytes' in output ? output.bytes : null;
      const transfer = bytes instanceof Uint8Array && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer as ArrayBuffer] : [];
      port.postMessage({ id: request.id, ok: true, output } satisfies JobReply, transfer);
    },
    (error: unknown) => {
      const reply: JobReply = isDossierError(error)
        ? { id: request.id, ok: false, error: { dossier: true, code: error.code, message: error.message } }
        : { id: request.id, ok: false, error: { dossier: false, code: 'INTERNAL', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined } };
      port.postMessage(reply);
    },
  );
});

// The code is loaded: jobs may come, and their time budgets start now.
port.postMessage({ ready: true });
