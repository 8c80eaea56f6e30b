/**
 * PDF parsing in Node with pdf.js (legacy build, the one meant for Node). pdfjs-dist 6 expects
 * Node >= 22: on Node 20 it lacks `Promise.withResolvers`, polyfilled here for this process only.
 */
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

type PdfJs = typeof PdfJsModule;

let loaded: Promise<PdfJs> | null = null;

const loadPdfJs = (): Promise<PdfJs> => {
  const promise = Promise as unknown as { withResolvers?: unknown };
  if (typeof promise.withResolvers !== 'function') {
    promise.withResolvers = <T>() => {
      let resolve!: (value: T) => void;
      let reject!: (reason: unknown) => void;
      const created = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise: created, resolve, reject };
    };
  }
  loaded ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return loaded;
};

/** Parses the PDF and returns its page count and the time pdf.js took to open it and page 1. */
export const parsePdf = async (bytes: Uint8Array): Promise<{ pages: number; parseMs: number }> => {
  const { getDocument } = await loadPdfJs();
  const start = performance.now();
  const task = getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 });
  const document = await task.promise;
  await document.getPage(1);
  const parseMs = performance.now() - start;
  const pages = document.numPages;
  await task.destroy();
  return { pages, parseMs };
};

export const countPages = async (bytes: Uint8Array): Promise<number> => (await parsePdf(bytes)).pages;
