import type { ReportWarning } from '../../../electron/shared/contract/reports';
import type { Section } from '../../../electron/shared/entities';

export const warningLabels: Record<ReportWarning['kind'], string> = {
  superseded: 'Superseded',
  conflict: 'Sources disagree',
  'no-quote': 'No quote',
  'no-source': 'No source',
  stale: 'Stale',
  'missing-fact': 'Missing fact',
  'missing-chart': 'Missing chart',
  'chart-no-alt': 'No alt text',
};

/** Conflicts and deleted material are errors; the rest asks for a second look. */
export const isSevere = (kind: ReportWarning['kind']): boolean => kind === 'conflict' || kind === 'missing-fact' || kind === 'missing-chart' || kind === 'no-source';

/** What to fix before sending, grouped by section in reading order; each item jumps to its place. */
export const WarningsPanel = ({
  warnings,
  sections,
  onJump,
  onClose,
}: {
  warnings: ReportWarning[] | null;
  sections: Section[];
  onJump: (warning: ReportWarning) => void;
  onClose: () => void;
}) => {
  const groups = sections
    .map((section, index) => ({ section, index, items: (warnings ?? []).filter((warning) => warning.sectionId === section.id) }))
    .filter((group) => group.items.length > 0);
  const loose = (warnings ?? []).filter((warning) => !warning.sectionId || !sections.some((section) => section.id === warning.sectionId));
  return (
    <aside className="side-panel warnings-panel" aria-label="Warnings">
      <header className="side-panel__header">
        <h2>Before you send</h2>
        <button type="button" className="r-icon-button" aria-label="Close the warnings" title="Close (Esc)" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div className="warnings-panel__body">
        {warnings === null && <p className="picker__empty">Checking the report…</p>}
        {warnings?.length === 0 && (
          <p className="warnings-panel__clear">
            Nothing to fix: every figure has a current source, a quote and a date.
          </p>
        )}
        {groups.map((group) => (
          <section key={group.section.id} className="warnings-group">
            <h3 className="warnings-group__title">
              {group.index + 1}. {group.section.heading || 'Untitled section'}
            </h3>
            <ul className="warnings-group__list">
              {group.items.map((warning, index) => (
                <li key={`${warning.kind}-${warning.factId ?? warning.chartId ?? index}`}>
                  <button type="button" className="warning-item" onClick={() => onJump(warning)} title="Go to this place in the report">
                    <span className={`r-badge ${isSevere(warning.kind) ? 'r-badge--conflict' : 'r-badge--warn'}`}>{warningLabels[warning.kind]}</span>
                    <span className="warning-item__message">{warning.message}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
        {loose.length > 0 && (
          <section className="warnings-group">
            <h3 className="warnings-group__title">Whole report</h3>
            <ul className="warnings-group__list">
              {loose.map((warning, index) => (
                <li key={`${warning.kind}-${index}`}>
                  <div className="warning-item">
                    <span className={`r-badge ${isSevere(warning.kind) ? 'r-badge--conflict' : 'r-badge--warn'}`}>{warningLabels[warning.kind]}</span>
                    <span className="warning-item__message">{warning.message}</span>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </aside>
  );
};
