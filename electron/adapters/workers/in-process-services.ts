import { proposeImport } from '../../core/library/import-proposal';
import type { WorkerServices } from './worker-services';

/**
 * The same services on the calling thread, for the benchmark's stage stopwatches (they patch
 * pdfmake in this thread). No budget applies: hosts always use worker threads.
 */
export const createInProcessServices = (): WorkerServices => {
  // pdfmake, citeproc and ECharts load on the first export, not when the app opens.
  const exporterModule = () => import('../pdf/report-exporter');
  return {
    exporter: { render: async (input) => (await exporterModule()).createReportExporter().render(input) },
    drawer: { renderSvg: async (model, options) => (await exporterModule()).createChartDrawer().renderSvg(model, options) },
    proposer: { propose: async (file) => proposeImport(file) },
    warmUpSoon: () => undefined,
    close: async () => undefined,
  };
};
