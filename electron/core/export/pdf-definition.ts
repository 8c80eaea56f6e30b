import type { Content, ContentTable, ContentText, DynamicContent, Style, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Block, Chart, Fact, Inline, Report, Section, Source } from '../../shared/entities';
import type { CitationCluster, CitationFormatter, TextRun } from '../citations';
import { numberCitations, toMap, type CitationNumbering, type CitationOccurrence } from './citation-numbering';
import { inlineFigureForm, unitNounLength } from '../../shared/figure-form';
import { saysQualifier } from '../../shared/qualifiers';
import { MARKER_SEPARATOR, placeNoteMarker } from './note-placement';
import { dateOrText, factValue, fieldLabel, formattingLocale, line, literal, longDate, partialDateStart, upper } from './report-text';
import { chartWidthFor, contentWidthFor } from '../../shared/domain/chart-frame';
import { REPORT_FONT } from './fonts';

export { chartWidthFor };

/**
 * A report and its facts → a pdfmake document definition. Pure: no I/O, no clock, no randomness,
 * so the same input gives the same definition (and, written by adapters/pdf/pdf-writer, the same
 * bytes). pdfmake has no footnotes: citations are superscript numbers in the text, explained in a
 * Notes section, followed by the Sources list (DESIGN §5).
 *
 * Every string that comes from the library (titles, statements, quotes, labels) goes into a
 * `text` property as a plain string (see `literal`); pdfmake prints strings as they are, so user
 * text is never interpreted. The definition holds no URL: no links, no remote images or fonts,
 * and citations are formatted without URLs.
 */

/** Calm palette: near-black text, one accent, greys for furniture. */
export const PALETTE = {
  text: '#1B1F24',
  muted: '#5B6470',
  accent: '#1F4E79',
  rule: '#C8D1DC',
  tint: '#EEF3F8',
} as const;

export interface ChartSvg {
  /** The chart drawn as SVG (adapters/charts), text as `<text>`, DejaVu Sans. */
  svg: string;
  /** Intrinsic size in px (= pt in the PDF); the chart is scaled to the column, keeping its ratio. */
  width: number;
  height: number;
  /** Printed after "Figure n: "; falls back to the chart's title. */
  caption: string;
  /** Kept with the chart; pdfmake cannot tag images, so it is not printed. */
  altText: string;
  /** Used only when the chart is not in `charts` (its facts unknown): otherwise the line is built here. */
  sourceLine?: string;
}

type Lookup<T extends { id: string }> = ReadonlyMap<string, T> | readonly T[];

export interface PdfDefinitionInput {
  report: Report;
  facts: Lookup<Fact>;
  sources: Lookup<Source>;
  charts?: Lookup<Chart>;
  chartSvgs?: Readonly<Record<string, ChartSvg>>;
  /** Built for `report.citationStyle` (see core/citations). */
  citations: CitationFormatter;
  /** Creation and modification date in the metadata. Default: the report's date, 00:00 UTC. */
  fixedDate?: Date;
  /** Number and date formatting. Default: the report's language ("en" → en-GB). */
  locale?: string;
}

const VALUE_SIZE = 19;
const PAGE_MARGINS: [number, number, number, number] = [62, 68, 62, 70];

const TEMPLATE_LABEL: Record<Report['template'], string> = {
  'briefing-note': 'Briefing note',
  'donor-appeal': 'Donor appeal',
};

const STYLES: Record<string, Style> = {
  docType: { fontSize: 8, bold: true, color: PALETTE.accent, characterSpacing: 0.5 },
  title: { fontSize: 20, bold: true, lineHeight: 1.15, color: PALETTE.text },
  subtitle: { fontSize: 11.5, color: PALETTE.muted, lineHeight: 1.25 },
  metaLabel: { fontSize: 8, color: PALETTE.muted },
  metaValue: { fontSize: 9 },
  h1: { fontSize: 12.5, bold: true, color: PALETTE.accent, lineHeight: 1.2 },
  body: { fontSize: 9.5, lineHeight: 1.38 },
  caption: { fontSize: 8.5, bold: true, lineHeight: 1.3 },
  sourceLine: { fontSize: 7.5, color: PALETTE.muted, lineHeight: 1.3 },
  keyValue: { fontSize: 19, bold: true, color: PALETTE.accent, lineHeight: 1.05 },
  keyLabel: { fontSize: 8.5, lineHeight: 1.25 },
  noteNumber: { fontSize: 8, color: PALETTE.muted, alignment: 'right' },
  note: { fontSize: 8, lineHeight: 1.3 },
  bibliography: { fontSize: 8.5, lineHeight: 1.3 },
  quote: { fontSize: 8.5, italics: true, lineHeight: 1.3 },
  tocTitle: { fontSize: 12.5, bold: true, color: PALETTE.accent },
  furniture: { fontSize: 7.5, color: PALETTE.muted },
  marking: { fontSize: 8, bold: true, characterSpacing: 0.5, color: PALETTE.text },
};

// ---------------------------------------------------------------------------------------------
// Text runs
// ---------------------------------------------------------------------------------------------

type Run = ContentText;

const run = (text: string, extra: Omit<ContentText, 'text'> = {}): Run => ({ text, ...extra });

/** Citation runs (from the formatter) → pdfmake runs; small caps have no pdfmake equivalent and print as written. */
const citationRuns = (runs: readonly TextRun[]): Run[] =>
  runs.map((r) => {
    const out: Run = { text: literal(r.text) };
    if (r.italics) out.italics = true;
    if (r.bold) out.bold = true;
    if (r.sup) out.sup = true;
    if (r.sub) out.sub = true;
    return out;
  });

const noteMark = (number: number): Run => ({ text: String(number), sup: true, color: PALETTE.accent });

// ---------------------------------------------------------------------------------------------
// Builder
// ---------------------------------------------------------------------------------------------

export const buildPdfDefinition = (input: PdfDefinitionInput): TDocumentDefinitions => {
  const { report } = input;
  const facts = toMap(input.facts) ?? new Map<string, Fact>();
  const sources = toMap(input.sources) ?? new Map<string, Source>();
  const charts = toMap(input.charts) ?? new Map<string, Chart>();
  const chartSvgs = input.chartSvgs ?? {};
  const locale = formattingLocale(input.locale ?? report.language);
  const language = line(report.language) || 'en';
  const pageSize = report.pageSize === 'LETTER' ? 'LETTER' : 'A4';
  const contentWidth = contentWidthFor(pageSize);

  const numbering: CitationNumbering = numberCitations(report, { facts, charts });
  const clusters: CitationCluster[] = numbering.notes.map((note) => ({ id: `n${note.number}`, sourceIds: note.sourceIds }));
  const formatted = input.citations.format(clusters);

  // Occurrences are consumed in the same reading order numberCitations walked.
  const queue = new Map<string, CitationOccurrence[]>();
  for (const occurrence of numbering.occurrences) {
    const key = `${occurrence.sectionId}#${occurrence.blockIndex}`;
    const list = queue.get(key) ?? [];
    list.push(occurrence);
    queue.set(key, list);
  }
  const take = (sectionId: string, blockIndex: number, site: CitationOccurrence['site'], factId?: string): CitationOccurrence | undefined => {
    const list = queue.get(`${sectionId}#${blockIndex}`);
    const at = list?.findIndex((o) => o.site === site && (factId === undefined || o.factIds.includes(factId))) ?? -1;
    return at >= 0 ? list?.splice(at, 1)[0] : undefined;
  };

  // Figures are numbered in order of their chart blocks.
  const figureNumbers = new Map<string, number>();
  let figureCount = 0;
  for (const section of report.sections)
    for (const block of section.blocks)
      if (block.kind === 'chart' && chartSvgs[block.chartId] && !figureNumbers.has(block.chartId)) {
        figureNumbers.set(block.chartId, ++figureCount);
      }

  const sourceName = (sourceId: string | undefined): string => {
    const source = sourceId ? sources.get(sourceId) : undefined;
    if (!source) return 'Unknown source';
    return line(source.outlet) || line(source.title);
  };

  // --- inline content ---------------------------------------------------------------------------

  /** True when a figure printed after `before` opens a sentence (its qualifier is capitalised). */
  const opensSentence = (before: string): boolean => before.trim() === '' || /[.!?]["”’)]*\s*$/.test(before);

  const inlineRuns = (inlines: readonly Inline[], section: Section, blockIndex: number): Run[] => {
    const out: Run[] = [];
    // A cited figure's note marker waits for the text after it: it goes where note-placement says.
    let pending: { printed: string; phraseLength: number; number: number } | null = null;
    const flush = (): void => {
      if (!pending) return;
      if (placeNoteMarker(pending.printed, '').separate) out.push(run(MARKER_SEPARATOR));
      out.push(noteMark(pending.number));
      pending = null;
    };
    // The words so far, without note markers: "incidents.⁹ More than…" still opens a sentence.
    const printedSoFar = (): string => out.map((r) => (typeof r.text === 'string' && !r.sup ? r.text : '')).join('');

    inlines.forEach((inline, index) => {
      if (inline.kind === 'text') {
        const text = literal(inline.text);
        const style = (r: Run): Run => {
          if (inline.bold) r.bold = true;
          if (inline.italic) r.italics = true;
          return r;
        };
        if (pending) {
          const place = placeNoteMarker(pending.printed, text, pending.phraseLength);
          if (place.before > 0) out.push(style(run(text.slice(0, place.before))));
          if (place.separate) out.push(run(MARKER_SEPARATOR));
          out.push(noteMark(pending.number));
          pending = null;
          if (place.before < text.length) out.push(style(run(text.slice(place.before))));
        } else {
          out.push(style(run(text)));
        }
        return;
      }
      flush();
      if (inline.kind === 'fact') {
        const fact = facts.get(inline.factId);
        if (!fact) {
          out.push(run('[missing figure]', { italics: true, color: PALETTE.muted }));
          return;
        }
        const next = inlines[index + 1];
        const following = next?.kind === 'text' ? literal(next.text) : '';
        const before = printedSoFar();
        let printed: string;
        let phraseLength = 0;
        if (fact.value === null) {
          printed = line(fact.statement);
        } else {
          const form = inlineFigureForm(fact.unit, following, inline.form);
          // Value only: the noun after the figure names its unit and ends the figure's phrase.
          if (form === 'value') phraseLength = unitNounLength(following, fact.unit);
          const qualifier = fact.qualifier && !saysQualifier(before, fact.qualifier) ? fact.qualifier : null;
          printed = factValue(fact, locale, { form, qualifier });
          if (qualifier && opensSentence(before)) printed = upper(printed.charAt(0), language) + printed.slice(1);
        }
        out.push(run(printed));
        const occurrence = take(section.id, blockIndex, 'text', fact.id);
        if (occurrence) pending = { printed, phraseLength, number: occurrence.number };
      } else {
        const n = figureNumbers.get(inline.chartId);
        out.push(run(n === undefined ? '[figure not in this report]' : `Figure ${n}`, n === undefined ? { italics: true, color: PALETTE.muted } : {}));
      }
    });
    flush();
    return out.length > 0 ? out : [run('')];
  };

  // --- blocks -----------------------------------------------------------------------------------

  const asOf = (date: string | null): string => (date ? `as of ${longDate(date, locale)}` : 'date not stated');

  const keyFigures = (block: Extract<Block, { kind: 'key-figures' }>, section: Section, blockIndex: number): Content | null => {
    if (block.items.length === 0) return null;
    const perRow = Math.min(3, block.items.length);
    const gap = 6;
    const padding = 9;
    const columnWidth = (contentWidth - gap * (perRow - 1)) / perRow - 2 * padding;
    // DejaVu Sans Bold averages ~0.66 em per character: a number too wide for its tile is set
    // smaller, never abbreviated, so the tile and the text print the same figure (issue 11 §3).
    const fits = (text: string, size: number): boolean => text.length * 0.66 * size <= columnWidth;
    const cells = block.items.map((item): Content => {
      const fact = facts.get(item.factId);
      const occurrence = take(section.id, blockIndex, 'key-figure', item.factId);
      const label = line(item.label) || (fact ? line(fact.statement) : '');
      // The label names the unit ("square kilometres still contaminated"): the number stands alone.
      const form = fact && item.label && unitNounLength(label, fact.unit) > 0 ? 'value' : 'value-unit';
      const value = !fact ? '–' : fact.value === null ? line(fact.statement) : factValue(fact, locale, { form });
      const qualifier = fact && fact.value !== null ? fact.qualifier : null;
      const size = fits(value, VALUE_SIZE) ? VALUE_SIZE : Math.max(11, Math.floor(columnWidth / (value.length * 0.66)));
      const source: Run[] = fact
        ? [run(`Source: ${sourceName(fact.sourceId)}`), ...(occurrence ? [run(` [${occurrence.number}]`)] : []), run(`, ${asOf(fact.asOf)}`)]
        : [run('Figure missing from the library')];
      return {
        stack: [
          ...(qualifier ? [{ text: upper(qualifier.charAt(0), language) + qualifier.slice(1), style: 'keyLabel', margin: [0, 0, 0, 1] } as Content] : []),
          { text: value, style: 'keyValue', fontSize: size, margin: [0, 0, 0, 3] },
          { text: label, style: 'keyLabel', margin: [0, 0, 0, 4] },
          { text: source, style: 'sourceLine' },
        ],
      };
    });
    const rows: Content[][] = [];
    for (let i = 0; i < cells.length; i += perRow) {
      const row = cells.slice(i, i + perRow);
      while (row.length < perRow) row.push({ text: '' });
      rows.push(row);
    }
    const filled = (rowIndex: number, columnIndex: number): boolean => rowIndex * perRow + columnIndex < cells.length;
    const table: ContentTable = {
      table: { widths: Array.from({ length: perRow }, () => '*'), body: rows, dontBreakRows: true },
      layout: {
        // White rules between tiles make the gaps; the tiles are the only tinted areas on the page.
        hLineWidth: (i: number) => (i === 0 || i === rows.length ? 0 : gap),
        vLineWidth: (i: number) => (i === 0 || i === perRow ? 0 : gap),
        hLineColor: () => '#FFFFFF',
        vLineColor: () => '#FFFFFF',
        paddingLeft: () => padding,
        paddingRight: () => padding,
        paddingTop: () => padding,
        paddingBottom: () => padding,
        fillColor: (rowIndex: number, _node: unknown, columnIndex: number) => (filled(rowIndex, columnIndex) ? PALETTE.tint : null),
      },
      margin: [0, 4, 0, 12],
    };
    return table;
  };

  const chartBlock = (block: Extract<Block, { kind: 'chart' }>, section: Section, blockIndex: number): Content | null => {
    const drawn = chartSvgs[block.chartId];
    const chart = charts.get(block.chartId);
    const n = figureNumbers.get(block.chartId);

    // Source line: the sources of the chart's facts with their note numbers, and the data date.
    const occurrences: CitationOccurrence[] = [];
    for (let o = take(section.id, blockIndex, 'chart'); o; o = take(section.id, blockIndex, 'chart')) occurrences.push(o);
    let sourceText: string;
    if (occurrences.length > 0) {
      const names = occurrences.map((o) => `${o.sourceIds[0] ? sourceName(o.sourceIds[0]) : 'Source'} [${o.number}]`);
      const dates = (chart?.factIds ?? []).map((id) => facts.get(id)?.asOf).filter((d): d is string => typeof d === 'string').sort();
      const first = dates[0];
      const last = dates[dates.length - 1];
      const when =
        !first || !last
          ? 'Dates not stated'
          : longDate(first, locale) === longDate(last, locale)
            ? `Data as of ${longDate(last, locale)}`
            : `Data from ${longDate(first, locale)} to ${longDate(last, locale)}`;
      sourceText = `${names.length === 1 ? 'Source' : 'Sources'}: ${names.join('; ')}. ${when}.`;
    } else {
      sourceText = line(drawn?.sourceLine);
    }

    if (!drawn || n === undefined) {
      // No drawing: say so, and keep the citations the chart makes so the notes still match.
      const missing: Content[] = [{ text: `[Chart not available: ${line(chart?.title) || line(block.chartId)}]`, style: 'sourceLine' }];
      if (sourceText) missing.push({ text: sourceText, style: 'sourceLine' });
      return { stack: missing, margin: [0, 4, 0, 10] };
    }
    const width = chartWidthFor(pageSize, block.width === 'half' ? 'half' : 'full');
    const ratio = drawn.width > 0 && drawn.height > 0 ? drawn.height / drawn.width : 0.6;
    const caption = line(drawn.caption) || line(chart?.title) || '';

    const stack: Content[] = [
      { svg: drawn.svg, fit: [width, width * ratio], font: REPORT_FONT } as Content,
      { text: [run(`Figure ${n}`, { bold: true, color: PALETTE.accent }), run(caption ? `: ${caption}` : '')], style: 'caption', margin: [0, 6, 0, 2] },
    ];
    if (sourceText) stack.push({ text: sourceText, style: 'sourceLine' });
    return { stack, unbreakable: true, margin: [0, 6, 0, 12] };
  };

  const blockContent = (block: Block, section: Section, blockIndex: number): Content | null => {
    switch (block.kind) {
      case 'paragraph':
        return { text: inlineRuns(block.content, section, blockIndex), style: 'body', margin: [0, 0, 0, 7] };
      case 'list': {
        if (block.items.length === 0) return null;
        const items = block.items.map((item): Content => ({ text: inlineRuns(item, section, blockIndex), margin: [0, 0, 0, 3] }));
        return block.ordered
          ? { ol: items, style: 'body', margin: [4, 0, 0, 8], markerColor: PALETTE.accent }
          : { ul: items, style: 'body', margin: [4, 0, 0, 8], markerColor: PALETTE.accent };
      }
      case 'key-figures':
        return keyFigures(block, section, blockIndex);
      case 'chart':
        return chartBlock(block, section, blockIndex);
      case 'guidance':
        return null; // editor hints: never printed
    }
  };

  const heading = (text: string, id: string, withToc: boolean): Content => ({
    text,
    style: 'h1',
    id,
    headlineLevel: 1,
    outline: true,
    outlineText: text,
    ...(withToc ? { tocItem: true } : {}),
    margin: [0, 12, 0, 6],
  });

  // --- title block ------------------------------------------------------------------------------

  const meta: [string, string][] = [];
  if (line(report.recipient)) meta.push(['To', line(report.recipient)]);
  if (line(report.author)) meta.push(['From', line(report.author)]);
  // A field holding a date ("launchDate": "2026-02-15") is written like every date in the document.
  for (const [key, value] of Object.entries(report.fields ?? {})) if (line(value)) meta.push([fieldLabel(key), dateOrText(line(value), locale)]);
  meta.push(['Date', longDate(report.date, locale) || line(report.date)]);
  if (line(report.reference)) meta.push(['Reference', line(report.reference)]);

  const titleBlock: Content[] = [
    { text: upper(TEMPLATE_LABEL[report.template] ?? 'Report', 'en'), style: 'docType', margin: [0, 0, 0, 6] },
    { text: line(report.title) || 'Untitled report', style: 'title', margin: [0, 0, 0, 4] },
  ];
  if (line(report.subtitle)) titleBlock.push({ text: line(report.subtitle), style: 'subtitle', margin: [0, 0, 0, 2] });
  titleBlock.push({
    table: {
      widths: [70, '*'],
      body: meta.map(([label, value]) => [
        { text: label, style: 'metaLabel' },
        { text: value, style: 'metaValue' },
      ]),
    },
    layout: {
      hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === node.table.body.length ? 0.75 : 0),
      vLineWidth: () => 0,
      hLineColor: () => PALETTE.rule,
      paddingLeft: () => 0,
      paddingRight: () => 6,
      paddingTop: (i: number) => (i === 0 ? 7 : 1.5),
      paddingBottom: (i: number, node: { table: { body: unknown[] } }) => (i === node.table.body.length - 1 ? 7 : 1.5),
    },
    margin: [0, 12, 0, 10],
  });

  // --- body -------------------------------------------------------------------------------------

  const withToc = report.tableOfContents === true;
  const body: Content[] = [];
  if (withToc) {
    body.push({ toc: { title: { text: 'Contents', style: 'tocTitle', margin: [0, 4, 0, 6] }, numberStyle: { color: PALETTE.muted } }, margin: [0, 0, 0, 8] } as Content);
  }
  report.sections.forEach((section, sectionIndex) => {
    const title = line(section.heading);
    if (title) body.push(heading(title, `section-${sectionIndex + 1}`, withToc));
    section.blocks.forEach((block, blockIndex) => {
      const content = blockContent(block, section, blockIndex);
      if (content) body.push(content);
    });
  });

  // --- notes, sources, evidence -----------------------------------------------------------------

  const back: Content[] = [];
  if (numbering.notes.length > 0) {
    back.push(heading('Notes', 'notes', withToc));
    back.push({
      table: {
        widths: [18, '*'],
        body: numbering.notes.map((note, i) => [
          { text: `${note.number}.`, style: 'noteNumber' },
          { text: citationRuns(formatted.citations[i] ?? []), style: 'note' },
        ]),
      },
      layout: {
        hLineWidth: () => 0,
        vLineWidth: () => 0,
        paddingLeft: (i: number) => (i === 0 ? 0 : 5),
        paddingRight: () => 0,
        paddingTop: () => 1.5,
        paddingBottom: () => 1.5,
      },
      margin: [0, 0, 0, 8],
    });
  }
  if (formatted.bibliography.length > 0) {
    back.push(heading('Sources', 'sources', withToc));
    for (const entry of formatted.bibliography) {
      back.push({ text: citationRuns(entry.runs), style: 'bibliography', margin: [0, 0, 0, 4] });
    }
  }
  if (report.evidenceAnnex) {
    const cited: string[] = [];
    for (const occurrence of numbering.occurrences) for (const id of occurrence.factIds) if (!cited.includes(id) && facts.has(id)) cited.push(id);
    if (cited.length > 0) {
      back.push(heading('Annex: evidence', 'evidence', withToc));
      back.push({ text: 'Each figure cited above, with the exact words of its source.', style: 'sourceLine', margin: [0, 0, 0, 8] });
      for (const id of cited) {
        const fact = facts.get(id);
        if (!fact) continue;
        const source = sources.get(fact.sourceId);
        const number = numbering.numberByFactId.get(id);
        const value = fact.value === null ? '' : `${factValue(fact, locale, { qualifier: fact.qualifier })} · `;
        back.push({
          stack: [
            { text: [...(number ? [run(`[${number}] `, { color: PALETTE.accent, bold: true })] : []), run(value, { bold: true }), run(line(fact.statement))], style: 'body' },
            {
              table: { widths: ['*'], body: [[{ text: `“${literal(fact.quote).trim()}”`, style: 'quote' }]] },
              layout: {
                hLineWidth: () => 0,
                vLineWidth: (i: number) => (i === 0 ? 2 : 0),
                vLineColor: () => PALETTE.rule,
                paddingLeft: () => 8,
                paddingRight: () => 0,
                paddingTop: () => 2,
                paddingBottom: () => 2,
              },
              margin: [0, 3, 0, 3],
            },
            {
              text: `Source: ${source ? line(source.title) : 'unknown source'}${source && line(source.outlet) ? `, ${line(source.outlet)}` : ''}${source?.published ? `, ${longDate(source.published, locale)}` : ''}. Figure ${asOf(fact.asOf)}.`,
              style: 'sourceLine',
            },
          ],
          // Keep an entry on one page when it fits; a longer one must break, or pdfmake drops it.
          unbreakable: fact.quote.length + fact.statement.length < 1200,
          margin: [0, 0, 0, 10],
        });
      }
    }
  }

  // --- page furniture ---------------------------------------------------------------------------

  const marking = upper(line(report.marking), language);
  const reference = line(report.reference);
  const header: DynamicContent = () =>
    marking ? { text: marking, style: 'marking', alignment: 'center', margin: [PAGE_MARGINS[0], 30, PAGE_MARGINS[2], 0] } : null;
  const footer: DynamicContent = (currentPage: number, pageCount: number) => ({
    margin: [PAGE_MARGINS[0], 22, PAGE_MARGINS[2], 0],
    stack: [
      ...(marking ? [{ text: marking, style: 'marking', alignment: 'center' as const, margin: [0, 0, 0, 6] as [number, number, number, number] }] : []),
      {
        columns: [
          { text: reference, style: 'furniture', width: '*' },
          { text: `Page ${currentPage} of ${pageCount}`, style: 'furniture', alignment: 'right' as const, width: 'auto' },
        ],
      },
    ],
  });

  const date = input.fixedDate ?? partialDateStart(report.date) ?? new Date(Date.UTC(2000, 0, 1));
  const subject = line(report.subtitle) || TEMPLATE_LABEL[report.template];
  const keywords = [TEMPLATE_LABEL[report.template], reference, marking].filter(Boolean).join('; ');

  return {
    pageSize,
    pageMargins: PAGE_MARGINS,
    version: '1.7',
    language,
    info: {
      title: line(report.title) || 'Untitled report',
      author: line(report.author) || 'Dossier',
      subject,
      keywords,
      creator: 'Dossier',
      producer: 'Dossier',
      creationDate: date,
      modDate: date,
    },
    header,
    footer,
    content: [...titleBlock, ...body, ...back],
    defaultStyle: { font: REPORT_FONT, fontSize: 9.5, color: PALETTE.text, lineHeight: 1.3 },
    styles: STYLES,
    pageBreakBefore: (node: { headlineLevel?: number }, queries: { getFollowingNodesOnPage: () => unknown[] }) =>
      node.headlineLevel === 1 && queries.getFollowingNodesOnPage().length === 0,
  } as TDocumentDefinitions;
};
