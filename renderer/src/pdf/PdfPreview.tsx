import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { openPdf, type PdfRuntime } from './pdf-runtime';

type Phase = 'waiting' | 'rendering' | 'ready' | 'error';

const nextTask = () => new Promise<void>((resolve) => window.setTimeout(resolve, 0));

/** Text of each page, for callers that map their own structure (headings) onto pages. */
export type PageTexts = string[];

/**
 * A PDF shown as canvases, one per page, fitted to the pane's width. New bytes replace the
 * document: the previous one is destroyed at once (its pages stay on screen until the new ones
 * are drawn, so an update never flashes), and a newer update cancels an older one mid-render.
 * The page slots are managed outside React: they only ever hold canvases pdf.js has drawn.
 */
export const PdfPreview = ({
  data,
  label,
  followPage,
  onPageTexts,
}: {
  /** The PDF; null while the first one is being made. */
  data: Uint8Array | null;
  label: string;
  /** The page to keep in view (1-based); changing it scrolls there. */
  followPage: number | null;
  onPageTexts?: (texts: PageTexts) => void;
}) => {
  const scrollRef = useRef<HTMLDivElement>(null);
  const pagesRef = useRef<HTMLDivElement>(null);
  const [phase, setPhase] = useState<Phase>('waiting');
  const [error, setError] = useState<string | null>(null);
  const [mode, setMode] = useState<PdfRuntime['mode'] | null>(null);
  const [width, setWidth] = useState(0);
  /** Bumped when a new document is adopted; the document itself lives in documentRef. */
  const [documentVersion, setDocumentVersion] = useState(0);
  const documentRef = useRef<{ doc: PDFDocumentProxy; generation: number } | null>(null);
  const [hasPages, setHasPages] = useState(false);
  const generation = useRef(0);
  const renderTask = useRef<RenderTask | null>(null);
  const followRef = useRef(followPage);
  const onPageTextsRef = useRef(onPageTexts);

  useEffect(() => {
    followRef.current = followPage;
    onPageTextsRef.current = onPageTexts;
  });

  // The pane's width decides the canvases' resolution.
  useEffect(() => {
    const element = pagesRef.current;
    if (!element) return;
    let timer: number | null = null;
    const observer = new ResizeObserver(([entry]) => {
      const next = Math.round(entry?.contentRect.width ?? 0);
      if (timer !== null) window.clearTimeout(timer);
      timer = window.setTimeout(() => setWidth((current) => (Math.abs(current - next) < 8 ? current : next)), 120);
    });
    observer.observe(element);
    setWidth(Math.round(element.getBoundingClientRect().width));
    return () => {
      observer.disconnect();
      if (timer !== null) window.clearTimeout(timer);
    };
  }, []);

  // New bytes: open them, and drop the previous document.
  useEffect(() => {
    if (!data) return;
    const current = ++generation.current;
    void (async () => {
      try {
        const opened = await openPdf(data);
        if (current !== generation.current) {
          void opened.task.destroy();
          return;
        }
        setMode(opened.mode);
        const doc = await opened.task.promise;
        // A newer PDF arrived while this one opened: it is never shown.
        if (current !== generation.current) {
          void doc.loadingTask.destroy();
          return;
        }
        renderTask.current?.cancel();
        void documentRef.current?.doc.loadingTask.destroy();
        documentRef.current = { doc, generation: current };
        setDocumentVersion((version) => version + 1);
        setError(null);
      } catch (reason) {
        if (current !== generation.current) return;
        setPhase('error');
        setError(reason instanceof Error ? reason.message : String(reason));
      }
    })();
  }, [data]);

  // Destroy the last document when the preview goes away.
  useEffect(
    () => () => {
      generation.current += 1;
      renderTask.current?.cancel();
      void documentRef.current?.doc.loadingTask.destroy();
      documentRef.current = null;
    },
    [],
  );

  // Draw the pages: the followed page first, the rest in order, yielding between pages.
  useEffect(() => {
    const container = pagesRef.current;
    const document = documentRef.current;
    if (!document || !container || width < 50) return;
    const { doc, generation: current } = document;
    const stale = () => current !== generation.current;
    let cancelled = false;
    const dpr = Math.min(window.devicePixelRatio || 1, 2);
    setPhase('rendering');
    void (async () => {
      try {
        const count = doc.numPages;
        const slots: HTMLDivElement[] = [];
        for (let index = 0; index < count; index += 1) {
          let slot = container.children.item(index) as HTMLDivElement | null;
          if (!slot) {
            slot = window.document.createElement('div');
            slot.className = 'pdf-page pdf-page--blank';
            container.append(slot);
          }
          slot.dataset.pageNumber = String(index + 1);
          slot.setAttribute('role', 'img');
          slot.setAttribute('aria-label', `Page ${index + 1} of ${count}`);
          slots.push(slot);
        }
        const first = Math.min(Math.max((followRef.current ?? 1) - 1, 0), count - 1);
        const order = [first, ...Array.from({ length: count }, (_, index) => index).filter((index) => index !== first)];
        const texts: string[] = new Array<string>(count).fill('');
        for (const index of order) {
          if (cancelled || stale()) return;
          const page = await doc.getPage(index + 1);
          const base = page.getViewport({ scale: 1 });
          const viewport = page.getViewport({ scale: (width * dpr) / base.width });
          const slot = slots[index]!;
          slot.style.aspectRatio = `${base.width} / ${base.height}`;
          const canvas = window.document.createElement('canvas');
          canvas.width = Math.floor(viewport.width);
          canvas.height = Math.floor(viewport.height);
          const task = page.render({ canvas, viewport });
          renderTask.current = task;
          await task.promise;
          if (cancelled || stale()) return;
          slot.replaceChildren(canvas);
          slot.classList.remove('pdf-page--blank');
          setHasPages(true);
          await nextTask();
        }
        // Pages the previous version had and this one does not.
        while (container.children.length > count) container.lastElementChild?.remove();
        setPhase('ready');
        for (let index = 0; index < count; index += 1) {
          if (cancelled || stale()) return;
          const content = await (await doc.getPage(index + 1)).getTextContent();
          texts[index] = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
        }
        if (!cancelled && !stale()) onPageTextsRef.current?.(texts);
      } catch (reason) {
        // A cancelled render or a destroyed document: a newer version is on its way.
        if (cancelled || stale()) return;
        const name = reason instanceof Error ? reason.name : '';
        if (name === 'RenderingCancelledException') return;
        setPhase('error');
        setError(reason instanceof Error ? reason.message : String(reason));
      }
    })();
    return () => {
      cancelled = true;
      renderTask.current?.cancel();
    };
  }, [documentVersion, width]);

  // Follow the section being edited: only when it changes, so a refresh never fights the reader.
  useEffect(() => {
    const scroller = scrollRef.current;
    const slot = followPage ? pagesRef.current?.children.item(followPage - 1) : null;
    if (!scroller || !(slot instanceof HTMLElement)) return;
    scroller.scrollTo({ top: slot.offsetTop - 12, behavior: 'smooth' });
  }, [followPage, hasPages]);

  return (
    <div className="pdf-preview" data-state={phase} data-pdf-worker={mode ?? undefined}>
      <div className="pdf-preview__scroll" ref={scrollRef} tabIndex={0} aria-label={label} role="region">
        {!hasPages && phase !== 'error' && (
          <div className="pdf-preview__placeholder" role="status">
            <div className="pdf-preview__skeleton" aria-hidden="true" />
            <span>Preparing the preview…</span>
          </div>
        )}
        {error && (
          <p className="pdf-preview__error" role="alert">
            The preview could not be drawn: {error}
          </p>
        )}
        <div className="pdf-preview__pages" ref={pagesRef} />
      </div>
    </div>
  );
};
