import { useState } from 'react';
import type { ReportWarning } from '../../../electron/shared/contract/reports';
import { pluralWarnings, warningLabel } from './warning-labels';

/**
 * The export dialog's last look before sending (issue 11): how many warnings are open, the list
 * on request, and the way to the panel where they are answered. Exporting stays possible: the
 * author decides, the dialog only makes sure they have seen it.
 */
export const ExportWarnings = ({ warnings, onShowWarnings }: { warnings: ReportWarning[] | null; onShowWarnings: () => void }) => {
  const [listOpen, setListOpen] = useState(false);
  if (warnings === null) {
    return (
      <div className="export-warnings" role="status" aria-busy="true" data-testid="export-warnings">
        Checking the report…
      </div>
    );
  }
  if (warnings.length === 0) {
    return (
      <div className="export-warnings export-warnings--clear" role="status" aria-busy="false" data-testid="export-warnings">
        <span data-testid="export-warnings-count">No warnings</span>: every figure is current, sourced and quoted.
      </div>
    );
  }
  return (
    <div className="export-warnings" role="status" aria-busy="false" data-testid="export-warnings">
      <div className="export-warnings__line">
        <span>
          <strong data-testid="export-warnings-count">{pluralWarnings(warnings.length)}</strong> to check before sending.
        </span>
        <span>
          <button type="button" className="r-button r-button--small" aria-expanded={listOpen} aria-controls="export-warnings-list" onClick={() => setListOpen((open) => !open)}>
            {listOpen ? 'Hide the list' : 'Show the list'}
          </button>{' '}
          <button type="button" className="r-button r-button--small" onClick={onShowWarnings} title="Close this dialog and answer the warnings in the editor">
            Fix in the editor
          </button>
        </span>
      </div>
      {listOpen && (
        <ul id="export-warnings-list" className="export-warnings__list" aria-label="Warnings">
          {warnings.map((warning) => (
            <li key={warning.key}>
              <strong>{warningLabel(warning)}:</strong> {warning.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};
