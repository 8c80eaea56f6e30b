import type { Handlers } from './dispatch';
import type { LibraryFile } from './store/library-file';
import type { Store } from './store/store';
import { createAppHandlers } from './app-handlers';
import { joinHandlerGroups } from './handler-groups';
import { createChartHandlers } from './charts/chart-handlers';
import type { ChartDrawer } from './charts/chart-ports';
import { createLibraryHandlers } from './library/library-handlers';
import type { ImportProposer } from './library/import-proposal';
import { LibraryState } from './library/library-state';
import { createReportHandlers } from './reports/report-handlers';
import type { HostActions, ReportExporter } from './reports/report-ports';

export interface AppDependencies {
  store: Store;
  dataDir: string;
  /** The first library, built from seeds/; used by store:start-fresh. */
  seed: () => LibraryFile;
  now: () => Date;
  /** A new unique id with a readable prefix ("fact", "src", ...). */
  newId: (prefix: string) => string;
  exporter: ReportExporter;
  charts: ChartDrawer;
  /** Runs import:propose (on a worker thread in the hosts); in place when absent. */
  proposer?: ImportProposer;
  /** Desktop-only actions (save dialog, open file); empty in browser mode, the CLI and tests. */
  host?: HostActions;
}

/** Builds the whole application from its dependencies; every host serves this same object. */
export const createApp = (dependencies: AppDependencies): Handlers => {
  const library = new LibraryState(dependencies.store);
  const context = { state: library, now: dependencies.now, newId: dependencies.newId, proposer: dependencies.proposer };
  return joinHandlerGroups(
    createAppHandlers(dependencies, library),
    createLibraryHandlers(context),
    createReportHandlers({ ...context, exporter: dependencies.exporter, host: dependencies.host ?? {} }),
    createChartHandlers({ ...context, charts: dependencies.charts }),
  );
};
