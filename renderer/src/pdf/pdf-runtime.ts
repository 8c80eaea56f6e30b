import type * as PdfJsModule from 'pdfjs-dist';
import type { PDFDocumentLoadingTask, PDFWorker } from 'pdfjs-dist';
// Vite emits the worker as a file of our own build, so it loads from our origin and the CSP's
// `worker-src 'self'` allows it (a cross-origin worker would need `blob:`; see FIELD-NOTES).
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

type PdfJs = typeof PdfJsModule;

export interface PdfRuntime {
  pdfjs: PdfJs;
  worker: PDFWorker;
  /** "worker" when parsing runs off the main thread; "main-thread" when pdf.js fell back. */
  mode: 'worker' | 'main-thread';
}

let runtime: Promise<PdfRuntime> | null = null;

/**
 * pdf.js, loaded on first use (it is large and only the report editor needs it), with one
 * PDFWorker shared by every document: starting a worker per preview would cost more than the
 * parse itself.
 */
export const loadPdfRuntime = (): Promise<PdfRuntime> => {
  runtime ??= (async () => {
    const pdfjs = await import('pdfjs-dist');
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    const worker = new pdfjs.PDFWorker();
    await worker.promise;
    return { pdfjs, worker, mode: worker.port instanceof Worker ? 'worker' : 'main-thread' } satisfies PdfRuntime;
  })();
  runtime.catch(() => {
    runtime = null;
  });
  return runtime;
};

/**
 * Opens a PDF from bytes. pdf.js takes ownership of the array it is given (it is transferred to
 * the worker and the caller's copy is emptied), so it gets a copy and the caller keeps its own.
 */
export const openPdf = async (bytes: Uint8Array): Promise<{ task: PDFDocumentLoadingTask; mode: PdfRuntime['mode'] }> => {
  const { pdfjs, worker, mode } = await loadPdfRuntime();
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    worker,
    // Our PDFs embed their fonts; nothing is fetched from anywhere (CSP connect-src 'self').
    useSystemFonts: false,
    isOffscreenCanvasSupported: true,
  });
  return { task, mode };
};
