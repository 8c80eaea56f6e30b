import type { Block, Inline, Report } from '../../shared/entities';

export interface FactReference {
  factId: string;
  sectionId: string;
}

const inlinesOf = (block: Block): Inline[] => {
  if (block.kind === 'paragraph') return block.content;
  if (block.kind === 'list') return block.items.flat();
  return [];
};

/** Every fact the report's text and key-figure boxes use, in reading order (repeats kept). */
export const factReferences = (report: Report): FactReference[] =>
  report.sections.flatMap((section) =>
    section.blocks.flatMap((block) => {
      if (block.kind === 'key-figures') return block.items.map((item) => ({ factId: item.factId, sectionId: section.id }));
      return inlinesOf(block).flatMap((inline) => (inline.kind === 'fact' ? [{ factId: inline.factId, sectionId: section.id }] : []));
    }),
  );

/** Charts placed in the report, in reading order, with the section that holds them. */
export const chartPlacements = (report: Report): { chartId: string; sectionId: string }[] =>
  report.sections.flatMap((section) =>
    section.blocks.flatMap((block) => (block.kind === 'chart' ? [{ chartId: block.chartId, sectionId: section.id }] : [])),
  );
