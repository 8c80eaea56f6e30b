import { useRef } from 'react';
import type { ReportWarning, WarningAction } from '../../../electron/shared/contract/reports';
import type { Section } from '../../../electron/shared/entities';
import { WarningItem } from './WarningItem';
import { pluralWarnings } from './warning-labels';

/**
 * What to fix before sending, grouped by section in reading order; each entry jumps to its place
 * and offers its answers. Answered entries are listed apart, with the decision and a way back.
 */
export const WarningsPanel = ({
  warnings,
  sections,
  onJump,
  onAction,
  onReopen,
  onClose,
}: {
  warnings: ReportWarning[] | null;
  sections: Section[];
  onJump: (warning: ReportWarning) => void;
  onAction: (warning: ReportWarning, action: WarningAction, reason?: string) => void;
  onReopen: (warning: ReportWarning) => void;
  onClose: () => void;
}) => {
  const open = (warnings ?? []).filter((warning) => warning.decision === null);
  const decided = (warnings ?? []).filter((warning) => warning.decision !== null);
  const groups = sections
    .map((section, index) => ({ section, index, items: open.filter((warning) => warning.sectionId === section.id) }))
    .filter((group) => group.items.length > 0);
  const loose = open.filter((warning) => !warning.sectionId || !sections.some((section) => section.id === warning.sectionId));
  const heading = useRef<HTMLHeadingElement>(null);
  // An answered entry leaves the list; focus goes to the panel's heading rather than to nowhere.
  const answer = (warning: ReportWarning, action: WarningAction, reason?: string) => {
    onAction(warning, action, reason);
    heading.current?.focus();
  };
  const reopen = (warning: ReportWarning) => {
    onReopen(warning);
    heading.current?.focus();
  };
  const item = (warning: ReportWarning) => <WarningItem key={warning.key} warning={warning} onJump={onJump} onAction={answer} onReopen={reopen} />;
  return (
    <aside className="side-panel warnings-panel" aria-label="Warnings" aria-busy={warnings === null}>
      <header className="side-panel__header">
        <h2 ref={heading} tabIndex={-1}>
          Before you send <span className="warnings-panel__count">{warnings === null ? '' : pluralWarnings(open.length)}</span>
        </h2>
        <button type="button" className="r-icon-button" aria-label="Close the warnings" title="Close (Esc)" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div className="warnings-panel__body">
        {warnings === null && <p className="picker__empty">Checking the report…</p>}
        {warnings !== null && open.length === 0 && (
          <p className="warnings-panel__clear">Nothing to fix: every figure is current, sourced and quoted, and every section is written.</p>
        )}
        {groups.map((group) => (
          <section key={group.section.id} className="warnings-group">
            <h3 className="warnings-group__title">
              {group.index + 1}. {group.section.heading || 'Untitled section'}
            </h3>
            <ul className="warnings-group__list">{group.items.map(item)}</ul>
          </section>
        ))}
        {loose.length > 0 && (
          <section className="warnings-group">
            <h3 className="warnings-group__title">Whole report</h3>
            <ul className="warnings-group__list">{loose.map(item)}</ul>
          </section>
        )}
        {decided.length > 0 && (
          <details className="warnings-group warnings-group--decided">
            <summary className="warnings-group__title">Decided ({decided.length}), kept with the report</summary>
            <ul className="warnings-group__list">{decided.map(item)}</ul>
          </details>
        )}
      </div>
    </aside>
  );
};
