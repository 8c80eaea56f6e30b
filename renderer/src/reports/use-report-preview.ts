import { useEffect, useRef, useState } from 'react';
import type { ReportWarning } from '../../../electron/shared/contract/reports';
import type { Report } from '../../../electron/shared/entities';
import type { ApiError } from '../../../electron/shared/result';
import { useApi } from '../api/api-context';
import { base64ToBytes } from './report-model';

const DEBOUNCE_MS = 400;

interface Rendered {
  /** The report the newest PDF (or failure) is for. */
  renderedFor: Report | null;
  /** The newest PDF that came back; older ones are dropped, never shown after a newer one. */
  pdf: Uint8Array<ArrayBuffer> | null;
  pageCount: number | null;
  warnings: ReportWarning[] | null;
  error: ApiError | null;
}

export interface PreviewState extends Omit<Rendered, 'renderedFor'> {
  /** True from an edit until its PDF is back. */
  busy: boolean;
}

/**
 * The real PDF for the report on screen, from reports:render, 400 ms after the last edit. One
 * render runs at a time; edits made meanwhile are rendered when it returns, so a slow render
 * never queues up a backlog and typing never waits on it.
 */
export const useReportPreview = (report: Report): PreviewState => {
  const api = useApi();
  const [state, setState] = useState<Rendered>({ renderedFor: null, pdf: null, pageCount: null, warnings: null, error: null });
  const latest = useRef(report);
  const running = useRef(false);
  const lastRendered = useRef<Report | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    latest.current = report;

    const run = async () => {
      if (running.current) return;
      running.current = true;
      try {
        while (mounted.current && lastRendered.current !== latest.current) {
          const target = latest.current;
          const result = await api.call('reports:render', { report: target, options: {} });
          lastRendered.current = target;
          if (!mounted.current) return;
          if (result.ok) {
            const { pdfBase64, pageCount, warnings } = result.value;
            setState({ renderedFor: target, pdf: base64ToBytes(pdfBase64), pageCount, warnings, error: null });
          } else {
            // The render failed: keep the last good pages, still list what needs fixing.
            const warnings = await api.call('reports:warnings', { report: target });
            if (!mounted.current) return;
            setState((previous) => ({ ...previous, renderedFor: target, warnings: warnings.ok ? warnings.value : previous.warnings, error: result.error }));
          }
        }
      } finally {
        running.current = false;
      }
    };

    const timer = window.setTimeout(() => void run(), lastRendered.current === null ? 0 : DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [api, report]);

  const { renderedFor, ...rest } = state;
  return { ...rest, busy: renderedFor !== report };
};
