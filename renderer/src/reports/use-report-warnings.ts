import { useEffect, useState } from 'react';
import type { ReportWarning } from '../../../electron/shared/contract/reports';
import type { Report } from '../../../electron/shared/entities';
import { useApi } from '../api/api-context';

const DEBOUNCE_MS = 300;

/**
 * What to fix before sending (reports:warnings), kept apart from the PDF render: the check is
 * cheap, so the count stays current while a long document is still being typeset.
 */
export const useReportWarnings = (report: Report): ReportWarning[] | null => {
  const api = useApi();
  const [state, setState] = useState<{ for: Report; warnings: ReportWarning[] } | null>(null);
  useEffect(() => {
    let active = true;
    const timer = window.setTimeout(
      () =>
        void api.call('reports:warnings', { report }).then((result) => {
          if (active && result.ok) setState({ for: report, warnings: result.value });
        }),
      DEBOUNCE_MS,
    );
    return () => {
      active = false;
      window.clearTimeout(timer);
    };
  }, [api, report]);
  return state?.warnings ?? null;
};
