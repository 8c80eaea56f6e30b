import type { ReactNode } from 'react';
import type { FactView } from '../../../electron/shared/contract/library';
import type { Block, Inline, Report, Section } from '../../../electron/shared/entities';
import { formatPartialDate } from '../../../electron/shared/partial-date';
import { formatValue } from '../library/format';
import { ChartBlock } from './ChartBlock';
import { ProseEditor, type ChipContext, type ChipView, type ProseHandle } from './ProseEditor';
import { emptyParagraph, isEmptyInlines, moveItem, replaceBlocks, updateBlock, updateSection, type KeyFigures, type ListBlock } from './report-model';

type Change = (recipe: (report: Report) => Report, coalesceKey?: string) => void;

export interface FocusRequest {
  key: string;
  token: number;
  at: 'start' | 'end';
}

export interface SectionEditorContext {
  change: Change;
  chipView: (inline: Extract<Inline, { kind: 'fact' | 'figure-ref' }>, context: ChipContext) => ChipView;
  chipKey: string;
  facts: ReadonlyMap<string, FactView>;
  missing: ReadonlySet<string>;
  citationNumbers: ReadonlyMap<string, number>;
  /** The same numbers as a plain record, for charts:render's source lines. */
  citationRecord: Record<string, number>;
  figureNumbers: ReadonlyMap<string, number>;
  focusRequest: FocusRequest | null;
  requestFocus: (key: string, at: 'start' | 'end') => void;
  onActivateProse: (sectionId: string, blockIndex: number, handle: ProseHandle) => void;
  onAddKeyFigure: (sectionId: string, blockIndex: number | null) => void;
  /** Puts "see Figure n" for this chart where the user was last typing. */
  onReferToChart: (chartId: string) => void;
}

export const blockKey = (sectionId: string, blockIndex: number, itemIndex?: number) =>
  itemIndex === undefined ? `${sectionId}/${blockIndex}` : `${sectionId}/${blockIndex}/${itemIndex}`;

const isProse = (block: Block | undefined) => block?.kind === 'paragraph' || block?.kind === 'list';

/** The key of the last prose field before `index`, for focus after a removal. */
const previousProseKey = (section: Section, index: number): string | null => {
  for (let position = index - 1; position >= 0; position -= 1) {
    const block = section.blocks[position];
    if (block?.kind === 'paragraph') return blockKey(section.id, position);
    if (block?.kind === 'list' && block.items.length > 0) return blockKey(section.id, position, block.items.length - 1);
  }
  return null;
};

const BlockTools = ({ label, index, count, onMove, onDelete, children }: { label: string; index: number; count: number; onMove: (to: number) => void; onDelete: () => void; children?: ReactNode }) => (
  <div className="block__tools" role="group" aria-label={`${label} tools`}>
    {children}
    <button type="button" className="r-icon-button r-icon-button--small" aria-label={`Move ${label} up`} title="Move up" disabled={index === 0} onClick={() => onMove(index - 1)}>
      <span aria-hidden="true">↑</span>
    </button>
    <button type="button" className="r-icon-button r-icon-button--small" aria-label={`Move ${label} down`} title="Move down" disabled={index === count - 1} onClick={() => onMove(index + 1)}>
      <span aria-hidden="true">↓</span>
    </button>
    <button type="button" className="r-icon-button r-icon-button--small r-icon-button--danger" aria-label={`Delete ${label}`} title="Delete (Ctrl+Z to undo)" onClick={onDelete}>
      <span aria-hidden="true">×</span>
    </button>
  </div>
);

const KeyFigureBox = ({
  item,
  fact,
  missing,
  number,
  onLabel,
  onRemove,
}: {
  item: KeyFigures['items'][number];
  fact: FactView | undefined;
  missing: boolean;
  number: number | undefined;
  onLabel: (label: string) => void;
  onRemove: () => void;
}) => {
  const value = fact ? (fact.value === null ? '—' : formatValue(fact.value, fact.unit, fact.qualifier)) : missing ? 'Missing fact' : '…';
  const tone = missing || fact?.inConflict ? 'error' : fact?.superseded ? 'warn' : 'ok';
  return (
    <div className="key-figure" data-tone={tone} data-fact-id={item.factId}>
      <div className="key-figure__value">
        {value}
        {number !== undefined && <sup className="key-figure__number">{number}</sup>}
      </div>
      <textarea
        className="key-figure__label"
        aria-label="Key figure label"
        rows={2}
        value={item.label}
        maxLength={500}
        placeholder="Short label"
        onChange={(event) => onLabel(event.target.value.replace(/\s*\n\s*/g, ' '))}
        onKeyDown={(event) => {
          // A label is one line of text that wraps; Enter is not a line break in it.
          if (event.key === 'Enter') event.preventDefault();
        }}
      />
      {fact && (
        <div className="key-figure__source" title={fact.statement}>
          {fact.source.outlet ?? fact.source.title}
          {fact.asOf ? ` · as of ${formatPartialDate(fact.asOf)}` : ''}
          {fact.inConflict && <span className="r-badge r-badge--conflict">Conflict</span>}
          {fact.superseded && <span className="r-badge r-badge--warn">Superseded</span>}
        </div>
      )}
      <button type="button" className="r-icon-button r-icon-button--small key-figure__remove" aria-label={`Remove key figure ${value}`} title="Remove" onClick={onRemove}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
};

/** One section: its heading and its blocks, each edited in place. */
export const SectionEditor = ({ section, index, context }: { section: Section; index: number; context: SectionEditorContext }) => {
  const { change, chipView, chipKey, facts, missing, citationNumbers, citationRecord, figureNumbers, focusRequest, requestFocus, onActivateProse, onAddKeyFigure } = context;
  const sectionId = section.id;
  const hasContent = section.blocks.some(
    (block) => (block.kind === 'paragraph' && !isEmptyInlines(block.content)) || (block.kind === 'list' && block.items.some((item) => !isEmptyInlines(item))) || block.kind === 'key-figures' || block.kind === 'chart',
  );
  const guidance = section.blocks.find((block): block is Extract<Block, { kind: 'guidance' }> => block.kind === 'guidance');

  const moveBlock = (from: number, to: number) => change((report) => updateSection(report, sectionId, (current) => ({ ...current, blocks: moveItem(current.blocks, from, to) })));
  const deleteBlock = (position: number) => change((report) => replaceBlocks(report, sectionId, position, 1, []));
  const insertBlock = (block: Block, focus: boolean) => {
    const position = section.blocks.length;
    change((report) => replaceBlocks(report, sectionId, position, 0, [block]));
    if (focus) requestFocus(block.kind === 'list' ? blockKey(sectionId, position, 0) : blockKey(sectionId, position), 'start');
  };
  const focusFor = (key: string) => (focusRequest?.key === key ? { token: focusRequest.token, at: focusRequest.at } : null);
  const proseCount = section.blocks.filter(isProse).length;

  const renderBlock = (block: Block, position: number) => {
    const tools = (label: string, extra?: ReactNode) => (
      <BlockTools label={label} index={position} count={section.blocks.length} onMove={(to) => moveBlock(position, to)} onDelete={() => deleteBlock(position)}>
        {extra}
      </BlockTools>
    );
    switch (block.kind) {
      case 'paragraph': {
        const key = blockKey(sectionId, position);
        return (
          <div className="block block--paragraph" key={position}>
            <ProseEditor
              content={block.content}
              chipView={chipView}
              chipKey={chipKey}
              label={`${section.heading || 'Section'}: paragraph ${section.blocks.slice(0, position + 1).filter((candidate) => candidate.kind === 'paragraph').length}`}
              placeholder="Write here. Ctrl+Shift+F inserts a fact at the cursor."
              onActivate={(handle) => onActivateProse(sectionId, position, handle)}
              focusRequest={focusFor(key)}
              onChange={(content) => change((report) => updateBlock(report, sectionId, position, (current) => ({ ...current, content }) as Block), `prose:${key}`)}
              onSplit={(before, after) => {
                change((report) =>
                  replaceBlocks(report, sectionId, position, 1, [
                    { kind: 'paragraph', content: before },
                    { kind: 'paragraph', content: after },
                  ]),
                );
                requestFocus(blockKey(sectionId, position + 1), 'start');
              }}
              onRemoveEmpty={
                proseCount > 1
                  ? () => {
                      const previous = previousProseKey(section, position);
                      deleteBlock(position);
                      if (previous) requestFocus(previous, 'end');
                    }
                  : undefined
              }
            />
            {tools('paragraph')}
          </div>
        );
      }
      case 'list': {
        const List = block.ordered ? 'ol' : 'ul';
        const setItems = (recipe: (items: ListBlock['items']) => ListBlock['items'], coalesceKey?: string) =>
          change((report) => updateBlock(report, sectionId, position, (current) => (current.kind === 'list' ? { ...current, items: recipe(current.items) } : current)), coalesceKey);
        return (
          <div className="block block--list" key={position}>
            <List className="list-block">
              {block.items.map((item, itemIndex) => {
                const key = blockKey(sectionId, position, itemIndex);
                return (
                  <li key={itemIndex}>
                    <ProseEditor
                      content={item}
                      chipView={chipView}
                      chipKey={chipKey}
                      label={`${section.heading || 'Section'}: list item ${itemIndex + 1}`}
                      placeholder="List item"
                      onActivate={(handle) => onActivateProse(sectionId, position, handle)}
                      focusRequest={focusFor(key)}
                      onChange={(content) => setItems((items) => items.map((existing, at) => (at === itemIndex ? content : existing)), `prose:${key}`)}
                      onSplit={(before, after) => {
                        if (itemIndex === block.items.length - 1 && block.items.length > 1 && isEmptyInlines(before) && isEmptyInlines(after)) {
                          // Enter on an empty last item ends the list: a paragraph follows it.
                          change((report) =>
                            replaceBlocks(report, sectionId, position, 1, [{ ...block, items: block.items.slice(0, -1) }, emptyParagraph()]),
                          );
                          requestFocus(blockKey(sectionId, position + 1), 'start');
                          return;
                        }
                        setItems((items) => [...items.slice(0, itemIndex), before, after, ...items.slice(itemIndex + 1)]);
                        requestFocus(blockKey(sectionId, position, itemIndex + 1), 'start');
                      }}
                      onRemoveEmpty={() => {
                        if (block.items.length > 1) {
                          setItems((items) => items.filter((_, at) => at !== itemIndex));
                          requestFocus(itemIndex > 0 ? blockKey(sectionId, position, itemIndex - 1) : blockKey(sectionId, position, 0), itemIndex > 0 ? 'end' : 'start');
                        } else {
                          // The last item of a list: it becomes a paragraph again.
                          change((report) => replaceBlocks(report, sectionId, position, 1, [emptyParagraph()]));
                          requestFocus(blockKey(sectionId, position), 'start');
                        }
                      }}
                    />
                  </li>
                );
              })}
            </List>
            {tools(
              block.ordered ? 'numbered list' : 'bulleted list',
              <button
                type="button"
                className="r-icon-button r-icon-button--small r-icon-button--text"
                title={block.ordered ? 'Make it a bulleted list' : 'Make it a numbered list'}
                onClick={() => change((report) => updateBlock(report, sectionId, position, (current) => (current.kind === 'list' ? { ...current, ordered: !current.ordered } : current)))}
              >
                {block.ordered ? '•' : '1.'}
              </button>,
            )}
          </div>
        );
      }
      case 'key-figures':
        return (
          <div className="block block--key-figures" key={position}>
            <div className="key-figures">
              {block.items.map((item, itemIndex) => (
                <KeyFigureBox
                  key={`${item.factId}-${itemIndex}`}
                  item={item}
                  fact={facts.get(item.factId)}
                  missing={missing.has(item.factId)}
                  number={citationNumbers.get(item.factId)}
                  onLabel={(label) =>
                    change(
                      (report) =>
                        updateBlock(report, sectionId, position, (current) =>
                          current.kind === 'key-figures' ? { ...current, items: current.items.map((existing, at) => (at === itemIndex ? { ...existing, label } : existing)) } : current,
                        ),
                      `key-figure:${sectionId}:${position}:${itemIndex}`,
                    )
                  }
                  onRemove={() =>
                    change((report) =>
                      block.items.length === 1
                        ? replaceBlocks(report, sectionId, position, 1, [])
                        : updateBlock(report, sectionId, position, (current) => (current.kind === 'key-figures' ? { ...current, items: current.items.filter((_, at) => at !== itemIndex) } : current)),
                    )
                  }
                />
              ))}
              {block.items.length < 12 && (
                <button type="button" className="key-figure key-figure--add" onClick={() => onAddKeyFigure(sectionId, position)}>
                  + Key figure
                </button>
              )}
            </div>
            {tools('key figures')}
          </div>
        );
      case 'chart':
        return (
          <div className="block block--chart" key={position}>
            <ChartBlock chartId={block.chartId} figureNumber={figureNumbers.get(block.chartId) ?? 0} citationNumbers={citationRecord} />
            {tools(
              'chart',
              <>
                <select
                  className="r-input r-input--small"
                  aria-label="Chart width"
                  title="Width on the page"
                  value={block.width}
                  onChange={(event) => change((report) => updateBlock(report, sectionId, position, (current) => (current.kind === 'chart' ? { ...current, width: event.target.value as 'full' | 'half' } : current)))}
                >
                  <option value="full">Full width</option>
                  <option value="half">Half width</option>
                </select>
                <button
                  type="button"
                  className="r-link-button"
                  title="Insert “Figure n” where you were typing; the number follows the chart when it moves"
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => context.onReferToChart(block.chartId)}
                >
                  Refer to it in the text
                </button>
              </>,
            )}
          </div>
        );
      case 'guidance':
        return (
          <aside className={`guidance${hasContent ? ' guidance--quiet' : ''}`} key={position} aria-label="Guidance">
            <span className="guidance__label">Hint</span>
            <span className="guidance__text">{block.text}</span>
            <button type="button" className="r-link-button guidance__dismiss" onClick={() => deleteBlock(position)} title="Remove this hint (it is never printed)">
              Dismiss
            </button>
          </aside>
        );
    }
  };

  return (
    <section className="section-editor" data-section-id={sectionId} id={`section-${sectionId}`} aria-label={section.heading || `Section ${index + 1}`}>
      <div className="section-editor__head">
        <span className="section-editor__number" aria-hidden="true">
          {index + 1}
        </span>
        <input
          className="section-editor__heading"
          aria-label={`Heading of section ${index + 1}`}
          value={section.heading}
          placeholder="Section heading"
          maxLength={500}
          data-focus-key={`heading/${sectionId}`}
          onChange={(event) => change((report) => updateSection(report, sectionId, (current) => ({ ...current, heading: event.target.value })), `heading:${sectionId}`)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            const first = section.blocks.findIndex(isProse);
            if (first < 0) insertBlock(emptyParagraph(), true);
            else requestFocus(section.blocks[first]!.kind === 'list' ? blockKey(sectionId, first, 0) : blockKey(sectionId, first), 'start');
          }}
        />
      </div>
      {section.blocks.map(renderBlock)}
      {!guidance && section.blocks.length === 0 && <p className="section-editor__empty">This section is empty. Add a paragraph, a list or key figures.</p>}
      <div className="section-editor__add" role="group" aria-label={`Add to ${section.heading || 'this section'}`}>
        <span className="section-editor__add-label">Add</span>
        <button type="button" className="r-link-button" onClick={() => insertBlock(emptyParagraph(), true)}>
          Paragraph
        </button>
        <button type="button" className="r-link-button" onClick={() => insertBlock({ kind: 'list', ordered: false, items: [[]] }, true)}>
          Bulleted list
        </button>
        <button type="button" className="r-link-button" onClick={() => insertBlock({ kind: 'list', ordered: true, items: [[]] }, true)}>
          Numbered list
        </button>
        <button type="button" className="r-link-button" onClick={() => onAddKeyFigure(sectionId, null)}>
          Key figure…
        </button>
      </div>
    </section>
  );
};
