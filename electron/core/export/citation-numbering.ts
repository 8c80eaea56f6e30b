import type { Chart, Fact, Inline, Report } from '../../shared/entities';

/**
 * Citation numbers for a report: the one numbering the PDF, the warnings and the chart source
 * lines all use.
 *
 * Citations are numbered automatically in reading order: sections in order, blocks in order,
 * inlines in order (list items in order), key-figure items in order, a chart at its place in the
 * text. Guidance blocks are editor hints and cite nothing. How numbers are given depends on the
 * citation style:
 *
 * - **per-occurrence** (notes styles: Chicago notes-bibliography). Every citation is its own note,
 *   numbered 1, 2, 3 … in reading order, like footnotes: a source cited three times has three
 *   notes, the first in full and the later ones in the style's short form. A `fact` inline and a
 *   key-figure item each make one note; a chart makes one note per source among its facts (facts
 *   from the same source share that note).
 * - **per-source** (author-date styles: APA). A source keeps one number everywhere, given in order
 *   of first use; the notes list has one entry per source.
 *
 * Without `facts` the numbering still works from the report alone (a fact stands for its own
 * source); with `facts`, citations of facts that are not in the library are left out and listed
 * in `missingFactIds`. With `charts`, chart blocks cite their charts' facts.
 */

export type CitationMode = 'per-occurrence' | 'per-source';
export type CitationSite = 'text' | 'key-figure' | 'chart';

export interface CitationOccurrence {
  /** The number printed (superscript in the text, `[n]` in source lines). */
  number: number;
  site: CitationSite;
  sectionId: string;
  blockIndex: number;
  /** For site 'chart'. */
  chartId?: string;
  factIds: string[];
  /** Empty when the facts were not given. */
  sourceIds: string[];
}

export interface CitationNote {
  number: number;
  sourceIds: string[];
  factIds: string[];
}

export interface CitationNumbering {
  mode: CitationMode;
  /** Every citation in reading order (in per-source mode, several share a number). */
  occurrences: CitationOccurrence[];
  /** The notes list: each number once, ascending. */
  notes: CitationNote[];
  /** The first number each fact was cited under. */
  numberByFactId: Map<string, number>;
  /** Cited sources in order of first use. */
  sourceIds: string[];
  /** Cited facts missing from `facts` (only when `facts` was given), in order of first citation. */
  missingFactIds: string[];
}

type Lookup<T extends { id: string }> = ReadonlyMap<string, T> | readonly T[];

export interface NumberingContext {
  facts?: Lookup<Fact>;
  charts?: Lookup<Chart>;
  /** Default: per-occurrence for Chicago, per-source for APA. */
  mode?: CitationMode;
}

export const toMap = <T extends { id: string }>(items: Lookup<T> | undefined): ReadonlyMap<string, T> | undefined =>
  items === undefined ? undefined : items instanceof Map ? items : new Map((items as readonly T[]).map((item) => [item.id, item] as const));

export const citationModeFor = (style: Report['citationStyle']): CitationMode => (style === 'apa' ? 'per-source' : 'per-occurrence');

export const numberCitations = (report: Report, context: NumberingContext = {}): CitationNumbering => {
  const mode = context.mode ?? citationModeFor(report.citationStyle);
  const facts = toMap(context.facts);
  const charts = toMap(context.charts);

  const occurrences: CitationOccurrence[] = [];
  const notes: CitationNote[] = [];
  const numberByFactId = new Map<string, number>();
  const sourceIds: string[] = [];
  const missing: string[] = [];
  const numberByKey = new Map<string, number>(); // per-source mode: source (or lone fact) → number

  /** A cited fact's source, null when the fact is missing, '' when facts are unknown. */
  const sourceOf = (factId: string): string | null => {
    if (!facts) return '';
    const fact = facts.get(factId);
    if (!fact) {
      if (!missing.includes(factId)) missing.push(factId);
      return null;
    }
    return fact.sourceId;
  };

  const cite = (site: CitationSite, sectionId: string, blockIndex: number, factIds: string[], sourceId: string, chartId?: string): void => {
    let number: number;
    if (mode === 'per-occurrence') {
      number = notes.length + 1;
      notes.push({ number, sourceIds: sourceId ? [sourceId] : [], factIds: [...factIds] });
    } else {
      const key = sourceId ? `s:${sourceId}` : `f:${factIds[0] ?? ''}`;
      const known = numberByKey.get(key);
      if (known === undefined) {
        number = notes.length + 1;
        numberByKey.set(key, number);
        notes.push({ number, sourceIds: sourceId ? [sourceId] : [], factIds: [...factIds] });
      } else {
        number = known;
        const note = notes[known - 1];
        if (note) for (const id of factIds) if (!note.factIds.includes(id)) note.factIds.push(id);
      }
    }
    if (sourceId && !sourceIds.includes(sourceId)) sourceIds.push(sourceId);
    for (const id of factIds) if (!numberByFactId.has(id)) numberByFactId.set(id, number);
    occurrences.push({ number, site, sectionId, blockIndex, ...(chartId ? { chartId } : {}), factIds: [...factIds], sourceIds: sourceId ? [sourceId] : [] });
  };

  const citeFact = (site: CitationSite, sectionId: string, blockIndex: number, factId: string): void => {
    const sourceId = sourceOf(factId);
    if (sourceId === null) return;
    cite(site, sectionId, blockIndex, [factId], sourceId);
  };

  const citeInlines = (inlines: readonly Inline[], sectionId: string, blockIndex: number): void => {
    for (const inline of inlines) if (inline.kind === 'fact') citeFact('text', sectionId, blockIndex, inline.factId);
  };

  for (const section of report.sections) {
    section.blocks.forEach((block, blockIndex) => {
      switch (block.kind) {
        case 'paragraph':
          citeInlines(block.content, section.id, blockIndex);
          break;
        case 'list':
          for (const item of block.items) citeInlines(item, section.id, blockIndex);
          break;
        case 'key-figures':
          for (const item of block.items) citeFact('key-figure', section.id, blockIndex, item.factId);
          break;
        case 'chart': {
          const chart = charts?.get(block.chartId);
          if (!chart) break;
          // One citation per source among the chart's facts (in the chart's fact order).
          const groups = new Map<string, string[]>();
          for (const factId of chart.factIds) {
            const sourceId = sourceOf(factId);
            if (sourceId === null) continue;
            const key = sourceId || `fact:${factId}`;
            const group = groups.get(key) ?? [];
            if (!group.includes(factId)) group.push(factId);
            groups.set(key, group);
          }
          for (const [key, factIds] of groups) cite('chart', section.id, blockIndex, factIds, key.startsWith('fact:') ? '' : key, block.chartId);
          break;
        }
        case 'guidance':
          break;
      }
    });
  }

  return { mode, occurrences, notes, numberByFactId, sourceIds, missingFactIds: missing };
};
