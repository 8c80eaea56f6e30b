import { deflate, deflateSync } from 'node:zlib';

/**
 * Stream compression off the main thread, for pdfkit 0.19 as pdfmake 0.3 drives it.
 *
 * pdfkit compresses each stream object (a page's content, a font file) with `zlib.deflateSync`
 * the moment the object ends, on the thread that is laying out and drawing the rest of the
 * document: about a tenth of a long export. Here an ended stream of some size starts an
 * asynchronous `zlib.deflate` instead (libuv's thread pool, so on another core while pages are
 * still being drawn) and its object is written later. pdfkit already allows that: the document
 * counts objects not yet written (`_waiting`) and writes the cross-reference table only when the
 * last one is (`_refEnd`).
 *
 * Same bytes every time: deferred objects are written only after the document's `end()` has
 * written everything else, one after the other in the order they ended, whatever order the
 * thread pool finishes them in. The compressed bytes are zlib's with pdfkit's settings, so each
 * stream is what pdfkit would write; only the deferred objects' place in the file differs from
 * stock pdfkit (the cross-reference table gives every object's offset, so readers do not mind).
 * Encrypted documents, small streams and `setParallelDeflate(false)` keep pdfkit's own path.
 */

/** Streams shorter than this (bytes before compression) are compressed in place: a thread hop costs more. */
const MIN_DEFERRED_BYTES = 4096;

interface Reference {
  document: DeferringDocument;
  buffer: Uint8Array[] | Uint8Array;
  compress: boolean;
}

interface DeferringDocument {
  _security?: unknown;
  _ended?: boolean;
  /** pdfkit's document is a Readable stream. */
  destroy?(error: Error): void;
}

interface Deferred {
  /** Resolved once the document's `end()` has returned. */
  ended: Promise<void>;
  release: () => void;
  /** Writes of deferred objects, chained in the order the objects ended. */
  tail: Promise<void>;
}

let enabled = true;
let installed = false;
const deferredByDocument = new WeakMap<object, Deferred>();

const totalLength = (chunks: Uint8Array[]): number => {
  let total = 0;
  for (const chunk of chunks) total += chunk.byteLength;
  return total;
};

const compressAsync = (data: Buffer): Promise<Buffer> =>
  new Promise((resolve) => {
    // A failure here is not expected; compress in place rather than lose the stream.
    deflate(data, (error, result) => resolve(error ? deflateSync(data) : result));
  });

const deferredFor = (document: object): Deferred => {
  let entry = deferredByDocument.get(document);
  if (!entry) {
    let release!: () => void;
    const ended = new Promise<void>((resolve) => (release = resolve));
    entry = { ended, release, tail: ended };
    deferredByDocument.set(document, entry);
  }
  return entry;
};

export interface ParallelDeflateHooks {
  /** Moves chunks the caller holds elsewhere into the reference's `buffer` (the renderer keeps text pending). */
  beforeEnd(ref: Reference): void;
  /** Whether the caller's fast paths are on (off means pdfkit's own behaviour throughout). */
  active(): boolean;
}

/** Patches pdfkit's reference (`end`) and pdfmake's document (`end`) prototypes, once. */
export const installParallelDeflate = (referenceProto: Record<string, unknown>, documentProto: Record<string, unknown>, hooks: ParallelDeflateHooks): void => {
  if (installed) return;
  const refEnd = referenceProto.end;
  const refFinalize = referenceProto.finalize;
  const documentEnd = documentProto.end;
  if (typeof refEnd !== 'function' || typeof refFinalize !== 'function' || typeof documentEnd !== 'function') return;
  installed = true;
  const stockRefEnd = refEnd as (this: Reference, chunk?: unknown) => void;
  const finalize = refFinalize as (this: Reference) => void;
  const stockDocumentEnd = documentEnd as (this: DeferringDocument) => void;

  referenceProto.end = function (this: Reference, chunk?: unknown): void {
    const document = this.document;
    if (!enabled || !hooks.active() || !this.compress || document._security || document._ended) return stockRefEnd.call(this, chunk);
    if (chunk) (this as unknown as { write(chunk: unknown): void }).write(chunk);
    hooks.beforeEnd(this);
    const chunks = this.buffer;
    if (!Array.isArray(chunks) || totalLength(chunks) < MIN_DEFERRED_BYTES) return finalize.call(this);
    const compressed = compressAsync(Buffer.concat(chunks));
    this.buffer = [];
    const deferred = deferredFor(document);
    deferred.tail = deferred.tail
      .then(async () => {
        // pdfkit's finalize with the compression already done: one chunk, nothing left to compress.
        this.buffer = [await compressed];
        this.compress = false;
        finalize.call(this);
      })
      // The document would otherwise wait for this object forever: fail it instead.
      .catch((error: unknown) => document.destroy?.(error instanceof Error ? error : new Error(String(error))));
  };

  documentProto.end = function (this: DeferringDocument): void {
    stockDocumentEnd.call(this);
    deferredByDocument.get(this)?.release();
  };
};

/** Turns deferred compression on or off (on by default); off is pdfkit's own in-place compression. */
export const setParallelDeflate = (on: boolean): void => {
  enabled = on;
};
