import type { Chart, Fact, Report, Source } from '../../shared/entities';

export interface RenderInput {
  report: Report;
  /** Every fact and source the report (and its charts) can cite, as they are now. */
  facts: ReadonlyMap<string, Fact>;
  sources: ReadonlyMap<string, Source>;
  charts: ReadonlyMap<string, Chart>;
}

export interface RenderedPdf {
  bytes: Uint8Array;
  base64: string;
  pageCount: number;
}

/** Turns a report into PDF bytes; the Node adapter owns pdfmake, fonts and chart rendering. */
export interface ReportExporter {
  render(input: RenderInput): Promise<RenderedPdf>;
}

/** What only a desktop host can do (system dialogs, opening files). Browser mode has none. */
export interface HostActions {
  savePdf?: (bytes: Uint8Array, suggestedName: string) => Promise<{ saved: boolean; path: string | null }>;
  openPath?: (path: string) => Promise<boolean>;
}
