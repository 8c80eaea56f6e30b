import { useState } from 'react';
import type { ReportWarning, WarningAction } from '../../../electron/shared/contract/reports';
import { actionHints, actionLabels, decisionLabels, warningLabel } from './warning-labels';

/**
 * One entry of the warnings list: what is wrong, in figures (a click goes to its place), and the
 * answers it allows. Dismissing asks for a reason first, in place, so a reviewer later sees why.
 */
export const WarningItem = ({
  warning,
  onJump,
  onAction,
  onReopen,
}: {
  warning: ReportWarning;
  onJump: (warning: ReportWarning) => void;
  onAction: (warning: ReportWarning, action: WarningAction, reason?: string) => void;
  onReopen: (warning: ReportWarning) => void;
}) => {
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const badge = <span className={`r-badge ${warning.severity === 'error' ? 'r-badge--conflict' : 'r-badge--warn'}`}>{warningLabel(warning)}</span>;
  const canJump = warning.sectionId !== null;
  return (
    <li className="warning-entry" data-testid="warning-entry" data-kind={warning.kind}>
      {canJump ? (
        <button type="button" className="warning-item" onClick={() => onJump(warning)} title="Go to this place in the report">
          {badge}
          <span className="warning-item__message">{warning.message}</span>
        </button>
      ) : (
        <div className="warning-item">
          {badge}
          <span className="warning-item__message">{warning.message}</span>
        </div>
      )}
      {warning.decision ? (
        <div className="warning-entry__decision">
          <span>
            {decisionLabels[warning.decision.decision]}
            {warning.decision.reason && `: ${warning.decision.reason}`}
          </span>
          <button type="button" className="r-button r-button--small" onClick={() => onReopen(warning)} title="Take the decision back: the warning is open again">
            Reopen
          </button>
        </div>
      ) : (
        warning.actions.length > 0 &&
        !dismissing && (
          <div className="warning-entry__actions" role="group" aria-label="Answers">
            {warning.actions.map((action) => (
              <button
                key={action}
                type="button"
                className="r-button r-button--small"
                title={actionHints[action]}
                onClick={() => (action === 'dismiss' ? setDismissing(true) : onAction(warning, action))}
              >
                {actionLabels[action]}
              </button>
            ))}
          </div>
        )
      )}
      {dismissing && (
        <form
          className="warning-entry__dismiss"
          onSubmit={(event) => {
            event.preventDefault();
            if (!reason.trim()) return;
            onAction(warning, 'dismiss', reason);
            setDismissing(false);
          }}
        >
          <label className="r-label" htmlFor={`reason-${warning.key}`}>
            Why does this not apply? (kept with the report)
          </label>
          <input
            id={`reason-${warning.key}`}
            className="r-input"
            value={reason}
            maxLength={2000}
            autoFocus
            onChange={(event) => setReason(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.stopPropagation();
                setDismissing(false);
              }
            }}
          />
          <div className="warning-entry__actions">
            <button type="submit" className="r-button r-button--small r-button--primary" disabled={!reason.trim()}>
              Dismiss
            </button>
            <button type="button" className="r-button r-button--small" onClick={() => setDismissing(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </li>
  );
};
