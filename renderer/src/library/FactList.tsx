import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { FactView } from '../../../electron/shared/contract/library';
import { FactRow } from './FactRow';

/**
 * The results, virtualised so a library of thousands scrolls smoothly. One row is in the tab
 * order (roving focus); arrow keys, Home/End and Page Up/Down move through the list and select.
 */
export const FactList = ({
  items,
  total,
  selectedId,
  onSelect,
  onOpenConflict,
  onNearEnd,
  footer,
}: {
  items: FactView[];
  total: number;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onOpenConflict: (id: string) => void;
  onNearEnd: () => void;
  footer?: ReactNode;
}) => {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh measurements each render by design
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 104,
    overscan: 8,
    getItemKey: (index) => items[index]?.id ?? index,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const selectedIndex = items.findIndex((fact) => fact.id === selectedId);
  const tabbableIndex = selectedIndex >= 0 ? selectedIndex : 0;

  const lastVisible = virtualItems.at(-1)?.index ?? 0;
  useEffect(() => {
    if (items.length > 0 && items.length < total && lastVisible >= items.length - 20) onNearEnd();
  }, [lastVisible, items.length, total, onNearEnd]);

  const focusRow = (index: number, attempts = 6) => {
    const button = scrollRef.current?.querySelector<HTMLButtonElement>(`[data-index="${index}"] .fact-row__main`);
    if (button) button.focus({ preventScroll: false });
    else if (attempts > 0) requestAnimationFrame(() => focusRow(index, attempts - 1));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (items.length === 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    const current = Number((document.activeElement?.closest('[data-index]') as HTMLElement | null)?.dataset.index ?? tabbableIndex);
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / 104) - 1);
    const next =
      event.key === 'ArrowDown' ? current + 1
      : event.key === 'ArrowUp' ? current - 1
      : event.key === 'Home' ? 0
      : event.key === 'End' ? items.length - 1
      : event.key === 'PageDown' ? current + page
      : event.key === 'PageUp' ? current - page
      : null;
    if (next === null) return;
    event.preventDefault();
    const index = Math.min(items.length - 1, Math.max(0, next));
    virtualizer.scrollToIndex(index, { align: 'auto' });
    onSelect(items[index]!.id);
    focusRow(index);
  };

  return (
    <div className="fact-list" ref={scrollRef} onKeyDown={onKeyDown}>
      <div role="list" aria-label="Facts" className="fact-list__inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualItems.map((virtualItem) => {
          const fact = items[virtualItem.index]!;
          return (
            <div
              key={virtualItem.key}
              data-index={virtualItem.index}
              ref={virtualizer.measureElement}
              className="fact-list__slot"
              role="listitem"
              aria-posinset={virtualItem.index + 1}
              aria-setsize={total}
              style={{ transform: `translateY(${virtualItem.start}px)` }}
            >
              <FactRow
                fact={fact}
                selected={fact.id === selectedId}
                tabbable={virtualItem.index === tabbableIndex}
                onSelect={() => onSelect(fact.id)}
                onOpenConflict={() => onOpenConflict(fact.id)}
              />
            </div>
          );
        })}
      </div>
      {footer}
    </div>
  );
};
