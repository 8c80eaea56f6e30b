import { useRef, useState, type DragEvent } from 'react';
import type { Section } from '../../../electron/shared/entities';

/**
 * The report's sections: click to go there; drag, or the arrow buttons, to reorder; rename in
 * place; delete (Ctrl+Z brings it back). Each section shows how many warnings it carries.
 */
export const Outline = ({
  sections,
  activeSectionId,
  warningCounts,
  totalWarnings,
  onSelect,
  onMove,
  onRename,
  onDelete,
  onAdd,
  onShowWarnings,
}: {
  sections: Section[];
  activeSectionId: string | null;
  warningCounts: ReadonlyMap<string, number>;
  totalWarnings: number | null;
  onSelect: (id: string) => void;
  onMove: (from: number, to: number) => void;
  onRename: (id: string, heading: string) => void;
  onDelete: (id: string) => void;
  onAdd: () => void;
  onShowWarnings: () => void;
}) => {
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  // Read by the drag handlers: dragover can come before React has re-rendered after dragstart.
  const dragging = useRef<number | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; text: string } | null>(null);

  const dropIndex = (event: DragEvent<HTMLLIElement>, index: number) => {
    const box = event.currentTarget.getBoundingClientRect();
    return event.clientY > box.top + box.height / 2 ? index + 1 : index;
  };

  const commitRename = () => {
    if (renaming) onRename(renaming.id, renaming.text.trim() || 'Untitled section');
    setRenaming(null);
  };

  return (
    <nav className="outline" aria-label="Outline">
      <div className="outline__header">
        <h2 className="outline__title">Outline</h2>
        <button
          type="button"
          className={`warnings-pill${totalWarnings ? ' warnings-pill--some' : ''}`}
          onClick={onShowWarnings}
          title="What to fix before sending"
          data-testid="warnings-count"
        >
          {totalWarnings === null ? 'Checking…' : totalWarnings === 0 ? 'No warnings' : `${totalWarnings} ${totalWarnings === 1 ? 'warning' : 'warnings'}`}
        </button>
      </div>
      <ol className="outline__list">
        {sections.map((section, index) => {
          const count = warningCounts.get(section.id) ?? 0;
          const label = section.heading.trim() || 'Untitled section';
          return (
            <li
              key={section.id}
              className="outline__item"
              data-active={section.id === activeSectionId || undefined}
              data-dragging={dragFrom === index || undefined}
              data-drop={dropAt === index ? 'before' : dropAt === index + 1 && index === sections.length - 1 ? 'after' : undefined}
              draggable={renaming?.id !== section.id}
              onDragStart={(event) => {
                dragging.current = index;
                setDragFrom(index);
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData('application/x-dossier-section', section.id);
              }}
              onDragOver={(event) => {
                if (dragging.current === null) return;
                event.preventDefault();
                event.dataTransfer.dropEffect = 'move';
                setDropAt(dropIndex(event, index));
              }}
              onDrop={(event) => {
                const from = dragging.current;
                if (from === null) return;
                event.preventDefault();
                const target = dropIndex(event, index);
                const to = target > from ? target - 1 : target;
                if (to !== from) onMove(from, to);
                dragging.current = null;
                setDragFrom(null);
                setDropAt(null);
              }}
              onDragEnd={() => {
                dragging.current = null;
                setDragFrom(null);
                setDropAt(null);
              }}
              onKeyDown={(event) => {
                if (!event.altKey || renaming) return;
                if (event.key === 'ArrowUp' && index > 0) onMove(index, index - 1);
                else if (event.key === 'ArrowDown' && index < sections.length - 1) onMove(index, index + 1);
                else return;
                event.preventDefault();
              }}
            >
              {renaming?.id === section.id ? (
                <input
                  className="r-input outline__rename"
                  aria-label="Section heading"
                  value={renaming.text}
                  autoFocus
                  maxLength={500}
                  onChange={(event) => setRenaming({ id: section.id, text: event.target.value })}
                  onBlur={commitRename}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') commitRename();
                    if (event.key === 'Escape') {
                      event.stopPropagation();
                      setRenaming(null);
                    }
                  }}
                />
              ) : (
                <button
                  type="button"
                  className="outline__link"
                  aria-current={section.id === activeSectionId ? 'location' : undefined}
                  onClick={() => onSelect(section.id)}
                  onDoubleClick={() => setRenaming({ id: section.id, text: section.heading })}
                  title={`${label} — drag to reorder, double-click to rename`}
                >
                  <span className="outline__number">{index + 1}</span>
                  <span className="outline__heading">{label}</span>
                  {count > 0 && (
                    <span className="outline__warnings" aria-label={`${count} ${count === 1 ? 'warning' : 'warnings'}`}>
                      {count}
                    </span>
                  )}
                </button>
              )}
              <span className="outline__tools">
                <button type="button" className="r-icon-button r-icon-button--small" aria-label={`Move “${label}” up`} title="Move up (Alt+↑)" disabled={index === 0} onClick={() => onMove(index, index - 1)}>
                  <span aria-hidden="true">↑</span>
                </button>
                <button
                  type="button"
                  className="r-icon-button r-icon-button--small"
                  aria-label={`Move “${label}” down`}
                  title="Move down (Alt+↓)"
                  disabled={index === sections.length - 1}
                  onClick={() => onMove(index, index + 1)}
                >
                  <span aria-hidden="true">↓</span>
                </button>
                <button type="button" className="r-icon-button r-icon-button--small" aria-label={`Rename “${label}”`} title="Rename" onClick={() => setRenaming({ id: section.id, text: section.heading })}>
                  <span aria-hidden="true">✎</span>
                </button>
                <button type="button" className="r-icon-button r-icon-button--small r-icon-button--danger" aria-label={`Delete “${label}”`} title="Delete section (Ctrl+Z to undo)" onClick={() => onDelete(section.id)}>
                  <span aria-hidden="true">×</span>
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <button type="button" className="r-button r-button--small outline__add" onClick={onAdd}>
        + Add section
      </button>
    </nav>
  );
};
