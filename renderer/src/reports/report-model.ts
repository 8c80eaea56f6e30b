import type { Block, Inline, Report, Section, Template } from '../../../electron/shared/entities';

/**
 * Pure helpers over the report document model (electron/shared/entities.ts). The editor never
 * mutates a report: every change builds a new one, so undo/redo is a list of snapshots.
 */

export const templateLabels: Record<Template, string> = {
  'briefing-note': 'Briefing note',
  'donor-appeal': 'Donor appeal',
};

/** Ids follow the contract's id rule: letters, digits, "-" and "_". */
export const newId = (prefix: string): string => `${prefix}-${crypto.randomUUID()}`;

export type Paragraph = Extract<Block, { kind: 'paragraph' }>;
export type ListBlock = Extract<Block, { kind: 'list' }>;
export type KeyFigures = Extract<Block, { kind: 'key-figures' }>;

export const inlinesOfBlock = (block: Block): Inline[] => {
  if (block.kind === 'paragraph') return block.content;
  if (block.kind === 'list') return block.items.flat();
  return [];
};

/** Fact ids in reading order, repeats kept: prose and lists, key-figure boxes included. */
export const factIdsInReadingOrder = (report: Report): string[] => {
  const ids: string[] = [];
  for (const section of report.sections) {
    for (const block of section.blocks) {
      if (block.kind === 'key-figures') for (const item of block.items) ids.push(item.factId);
      else for (const inline of inlinesOfBlock(block)) if (inline.kind === 'fact') ids.push(inline.factId);
    }
  }
  return ids;
};

/**
 * Citation numbers as the PDF prints them: each fact gets the next number at its first
 * occurrence in reading order (the same rule the core's report walk uses).
 */
export const citationNumbers = (report: Report): Map<string, number> => {
  const numbers = new Map<string, number>();
  for (const id of factIdsInReadingOrder(report)) if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
  return numbers;
};

/** Figure numbers: charts in the order they are placed, as the PDF captions them. */
export const figureNumbers = (report: Report): Map<string, number> => {
  const numbers = new Map<string, number>();
  for (const section of report.sections) for (const block of section.blocks) if (block.kind === 'chart' && !numbers.has(block.chartId)) numbers.set(block.chartId, numbers.size + 1);
  return numbers;
};

const sameMarks = (left: Extract<Inline, { kind: 'text' }>, right: Extract<Inline, { kind: 'text' }>) =>
  !!left.bold === !!right.bold && !!left.italic === !!right.italic;

/** Merges neighbouring runs with the same marks, drops empty runs and false marks. */
export const normaliseInlines = (inlines: readonly Inline[]): Inline[] => {
  const result: Inline[] = [];
  for (const inline of inlines) {
    if (inline.kind !== 'text') {
      result.push(inline);
      continue;
    }
    if (inline.text === '') continue;
    const run: Inline = { kind: 'text', text: inline.text };
    if (inline.bold) run.bold = true;
    if (inline.italic) run.italic = true;
    const previous = result.at(-1);
    if (previous?.kind === 'text' && sameMarks(previous, run)) result[result.length - 1] = { ...previous, text: previous.text + run.text };
    else result.push(run);
  }
  return result;
};

export const sameInlines = (left: readonly Inline[], right: readonly Inline[]): boolean => JSON.stringify(left) === JSON.stringify(right);

export const isEmptyInlines = (inlines: readonly Inline[]): boolean => inlines.every((inline) => inline.kind === 'text' && inline.text.trim() === '');

// ---- immutable updates -------------------------------------------------------------------------

export const updateSection = (report: Report, sectionId: string, update: (section: Section) => Section): Report => ({
  ...report,
  sections: report.sections.map((section) => (section.id === sectionId ? update(section) : section)),
});

export const updateBlock = (report: Report, sectionId: string, index: number, update: (block: Block) => Block): Report =>
  updateSection(report, sectionId, (section) => ({ ...section, blocks: section.blocks.map((block, position) => (position === index ? update(block) : block)) }));

export const replaceBlocks = (report: Report, sectionId: string, index: number, count: number, blocks: Block[]): Report =>
  updateSection(report, sectionId, (section) => ({ ...section, blocks: [...section.blocks.slice(0, index), ...blocks, ...section.blocks.slice(index + count)] }));

export const moveItem = <T>(items: readonly T[], from: number, to: number): T[] => {
  if (from === to || from < 0 || from >= items.length || to < 0 || to >= items.length) return [...items];
  const copy = [...items];
  const [moved] = copy.splice(from, 1);
  copy.splice(to, 0, moved as T);
  return copy;
};

export const moveSection = (report: Report, from: number, to: number): Report => ({ ...report, sections: moveItem(report.sections, from, to) });

export const emptyParagraph = (): Paragraph => ({ kind: 'paragraph', content: [] });

export const newSection = (heading = 'New section'): Section => ({ id: newId('sec'), heading, blocks: [emptyParagraph()] });

// ---- names and dates ----------------------------------------------------------------------------

/** The download's file name: the title and the report's date, as the desktop host names it. */
export const pdfFileName = (report: Pick<Report, 'title' | 'date'>): string => {
  const base =
    (report.title || 'report')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80)
      .replace(/-$/, '') || 'report';
  return `${base}-${report.date}.pdf`;
};

const relative = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });
const dateTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const dayOnly = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/** "5 minutes ago", "yesterday", then a plain date: the list's "last edited" column. */
export const formatEdited = (iso: string, now = Date.now()): string => {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const seconds = Math.round((time - now) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return relative.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return relative.format(hours, 'hour');
  const days = Math.round(hours / 24);
  if (Math.abs(days) < 7) return relative.format(days, 'day');
  return dayOnly.format(time);
};

export const formatTimestamp = (iso: string): string => {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : dateTime.format(time);
};

/** "documentType" → "Document type": labels for template header fields we do not know by name. */
export const humaniseKey = (key: string): string => {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const fieldLabels: Record<string, string> = {
  documentType: 'Document type',
  through: 'Through',
  copies: 'Copies',
  criticalDate: 'Critical date',
  criticalDateReason: 'Reason for the critical date',
  subject: 'Subject',
  meetingDate: 'Meeting date',
  place: 'Place',
  participants: 'Participants',
  appealType: 'Appeal type',
  launchDate: 'Launch date',
  periodCovered: 'Period covered',
  currency: 'Currency',
};

/** Decodes the render result's base64 into bytes (pdf.js takes its own copy from these). */
export const base64ToBytes = (base64: string): Uint8Array<ArrayBuffer> => {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
};

// ---- inserting facts ------------------------------------------------------------------------------

/** A chip (fact or figure reference) at the end of the section's last paragraph (a new paragraph when it has none). */
export const appendInlineToSection = (report: Report, sectionId: string, inline: Extract<Inline, { kind: 'fact' | 'figure-ref' }>): Report =>
  updateSection(report, sectionId, (section) => {
    const index = section.blocks.findLastIndex((block) => block.kind === 'paragraph');
    if (index < 0) return { ...section, blocks: [...section.blocks, { kind: 'paragraph', content: [inline] }] };
    const paragraph = section.blocks[index] as Paragraph;
    const last = paragraph.content.at(-1);
    const spacer: Inline[] = last && (last.kind !== 'text' || !/\s$/.test(last.text)) ? [{ kind: 'text', text: ' ' }] : [];
    const content = normaliseInlines([...paragraph.content, ...spacer, inline]);
    return { ...section, blocks: section.blocks.map((block, position) => (position === index ? { ...paragraph, content } : block)) };
  });

export const appendFactToSection = (report: Report, sectionId: string, factId: string): Report => appendInlineToSection(report, sectionId, { kind: 'fact', factId });

/** A chart placed at the end of a section (the user moves it from there). */
export const appendChartToSection = (report: Report, sectionId: string, chartId: string, width: 'full' | 'half' = 'full'): Report =>
  updateSection(report, sectionId, (section) => ({ ...section, blocks: [...section.blocks, { kind: 'chart', chartId, width }] }));

const KEY_FIGURE_LIMIT = 12;

/**
 * A key-figure box: into the given block when it has room, else into the section's first
 * key-figure block with room, else a new block (after `afterIndex`, or at the section's end).
 */
export const addKeyFigure = (
  report: Report,
  sectionId: string,
  item: { factId: string; label: string },
  { blockIndex, afterIndex }: { blockIndex: number | null; afterIndex: number | null },
): Report =>
  updateSection(report, sectionId, (section) => {
    const hasRoom = (block: Block | undefined): block is KeyFigures => block?.kind === 'key-figures' && block.items.length < KEY_FIGURE_LIMIT;
    let index = blockIndex !== null && hasRoom(section.blocks[blockIndex]) ? blockIndex : section.blocks.findIndex((block) => hasRoom(block));
    if (index >= 0) {
      const block = section.blocks[index] as KeyFigures;
      return { ...section, blocks: section.blocks.map((candidate, position) => (position === index ? { ...block, items: [...block.items, item] } : candidate)) };
    }
    index = afterIndex !== null ? afterIndex + 1 : section.blocks.length;
    const block: KeyFigures = { kind: 'key-figures', items: [item] };
    return { ...section, blocks: [...section.blocks.slice(0, index), block, ...section.blocks.slice(index)] };
  });

// ---- following the preview --------------------------------------------------------------------------

const squash = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The page each section starts on, from the text of the rendered pages: headings are found in
 * order, each on or after the previous one's page. With a table of contents, a page naming most
 * headings is that table and is skipped.
 */
export const sectionPages = (sections: readonly Section[], pageTexts: readonly string[], hasContents: boolean): Map<string, number> => {
  const pages = pageTexts.map(squash);
  const headings = sections.map((section) => squash(section.heading));
  const isContents = pages.map((page) => hasContents && sections.length >= 3 && headings.filter((heading) => heading && page.includes(heading)).length > sections.length / 2);
  const result = new Map<string, number>();
  let from = 0;
  sections.forEach((section, index) => {
    const heading = headings[index];
    if (!heading) return;
    for (let page = from; page < pages.length; page += 1) {
      if (isContents[page] && page < pages.length - 1) continue;
      if (pages[page]!.includes(heading)) {
        result.set(section.id, page + 1);
        from = page;
        return;
      }
    }
  });
  return result;
};
