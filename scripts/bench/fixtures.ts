/**
 * The benchmark's reports, built through the real dispatch over a seeded library: charts via
 * 'charts:create' (+ 'charts:save' for options), reports via 'reports:create' + 'reports:save'.
 *
 * A "chapter" is six sections (summary, human cost, contamination, funding, incidents, victims),
 * each with prose paragraphs, fact citations and one chart: 40 fact inlines and 6 charts per
 * chapter. The 10-page reference briefing is one chapter; longer reports repeat chapters, each
 * with its own six new charts (same specs), so text, citation and chart density stay constant.
 */
import type { Dispatch } from '../../electron/core/dispatch';
import type { Block, Chart, Fact, Indicator, Inline, Report, Section } from '../../electron/shared/entities';

export const call = async <T>(dispatch: Dispatch, channel: string, input: unknown): Promise<T> => {
  const result = await dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
};

interface ChartSpec {
  key: string;
  type: Chart['type'];
  title: string;
  width: 'full' | 'half';
  indicator?: string;
  factIds?: string[];
  options?: Record<string, unknown>;
  caption?: string;
}

/** The six charts of a chapter, from the seeded indicators and facts. */
export const CHART_SPECS: readonly ChartSpec[] = [
  {
    key: 'big-number',
    type: 'big-number',
    title: 'Area still contaminated by mines and explosive remnants of war',
    width: 'half',
    factIds: ['fact-mineaction-contaminated-area-11667'],
  },
  { key: 'line', type: 'line', title: 'Mine casualties since the November 2020 ceasefire, as reported', width: 'full', indicator: 'casualties-since-2020' },
  {
    key: 'contaminated-bar',
    type: 'bar-vertical',
    title: 'Contaminated area against the whole territory (km²)',
    width: 'full',
    factIds: ['fact-mineaction-territory-86600', 'fact-mineaction-contaminated-area-11667'],
    options: { labels: { 'fact-mineaction-territory-86600': 'Territory', 'fact-mineaction-contaminated-area-11667': 'Contaminated' } },
  },
  {
    key: 'funding-donut',
    type: 'donut',
    title: 'Who pays for demining: foreign and national resources',
    width: 'half',
    factIds: ['fact-mineaction-foreign-funding-4-9'],
    options: {
      labels: { 'fact-mineaction-foreign-funding-4-9': 'Foreign assistance' },
      derived: { kind: 'complement', of: 'fact-mineaction-foreign-funding-4-9', total: 100, label: 'National resources' },
    },
  },
  { key: 'incidents-bar', type: 'bar-horizontal', title: 'Mine incidents since the 2020 ceasefire, by source', width: 'full', indicator: 'incidents-since-2020' },
  { key: 'victims-bar', type: 'bar-vertical', title: 'Cumulative mine victims since the early 1990s, by source', width: 'full', indicator: 'cumulative-victims' },
];

/** Extra specs only for the per-type chart timing (grouped and stacked need two series). */
export const EXTRA_TYPE_SPECS: readonly ChartSpec[] = [
  {
    key: 'grouped',
    type: 'bar-grouped',
    title: 'Killed and injured since 2020',
    width: 'full',
    factIds: ['fact-enveroglu-killed-since-2020-57', 'fact-enveroglu-injured-since-2020-245', 'fact-tni-casualties-since-2020-388'],
  },
  {
    key: 'stacked',
    type: 'bar-stacked',
    title: 'Killed and injured since 2020',
    width: 'full',
    factIds: ['fact-enveroglu-killed-since-2020-57', 'fact-enveroglu-injured-since-2020-245'],
  },
];

export const createChart = async (dispatch: Dispatch, spec: ChartSpec, suffix = ''): Promise<Chart> => {
  const created = await call<Chart>(dispatch, 'charts:create', {
    type: spec.type,
    factIds: spec.factIds ?? [],
    indicator: spec.indicator ?? null,
    title: suffix ? `${spec.title} ${suffix}` : spec.title,
  });
  if (!spec.options && !spec.caption) return created;
  return call<Chart>(dispatch, 'charts:save', { chart: { ...created, options: spec.options ?? {}, caption: spec.caption ?? '' } });
};

const FILLER = [
  'Mine action in the liberated territories is the precondition for everything else the government plans there: roads, water, schools and the return of displaced families.',
  'Survey teams report that contamination is densest along the former line of contact, where minefields were laid in depth and seldom recorded.',
  'The national agency coordinates clearance, survey, risk education and victim assistance, and has expanded its operational capacity every year since 2021.',
  'Donors have so far preferred in-kind support, such as equipment and training, to direct financial contributions to the national programme.',
  'Clearance is slow, expensive and dangerous work: a single deminer clears only a few dozen square metres of difficult ground on a good day.',
  'Agricultural land, irrigation canals and village approaches are prioritised, so that families can return to homes they left three decades ago.',
  'Risk education reaches schools, farmers and shepherds, but casualty data show that adults working the land remain the group most at risk.',
  'International partners point to the quality of the national information management system, which records every task from survey to handover.',
  'Our engagement so far has been technical; a modest multi-year contribution would give us a seat at the coordination table and visible results.',
  'The figures below come from official statements and press reports; where sources disagree, the text gives the range rather than a single number.',
  'Mechanical assets and mine detection dogs have raised productivity, yet manual teams still carry most of the work in wooded and built-up areas.',
  'Victim assistance remains underfunded: survivors need prostheses, rehabilitation and work, often for the rest of their lives.',
  'Any support should be earmarked to clearly defined tasks, with reporting that lets our parliament follow the land released per euro spent.',
  'Regional cooperation, including the exchange of minefield records, would save lives faster than any increase in the number of teams.',
  'The programme publishes monthly figures; we should ask for access to the underlying task data as a condition of any contribution.',
  'Neighbouring donors have signalled interest in a pooled fund, which would lower the reporting burden on the national agency.',
];

const SECTION_THEMES = ['Summary and bottom line', 'The human cost', 'The scale of contamination', 'Who pays for demining', 'Incidents since the ceasefire', 'Victims over three decades'];

/** Fact inlines per section of a chapter: 7+7+7+7+6+6 = 40. */
const FACTS_PER_SECTION = [7, 7, 7, 7, 6, 6];

export interface ReportPlan {
  /** Whole chapters (six sections, six charts, 40 fact inlines each). */
  chapters: number;
  /** Sections of one more chapter, 0-5 (fine-tunes long reports). */
  extraSections: number;
  /** Filler sentences per paragraph (tunes the page count). */
  sentencesPerParagraph: number;
  /** Paragraphs per section (each carries one or two of the section's fact inlines). */
  paragraphsPerSection: number;
}

export interface BuiltReport {
  report: Report;
  factInlines: number;
  chartBlocks: number;
  paragraphs: number;
  plan: ReportPlan;
}

export interface Library {
  facts: Fact[];
  indicators: Indicator[];
}

/** A report of `plan.chapters` chapters; `charts[c]` are the six charts of chapter c. */
export const composeReport = (base: Report, library: Library, charts: Chart[][], plan: ReportPlan, title: string): BuiltReport => {
  const valued = library.facts.filter((fact) => fact.value !== null && fact.indicator);
  const label = new Map(library.indicators.map((indicator) => [indicator.key, indicator.label]));
  let factCursor = 0;
  let fillerCursor = 0;
  let factInlines = 0;
  let chartBlocks = 0;
  let paragraphs = 0;
  const sections: Section[] = [];
  for (let chapter = 0; chapter < plan.chapters + (plan.extraSections > 0 ? 1 : 0); chapter++) {
    SECTION_THEMES.forEach((theme, s) => {
      if (chapter === plan.chapters && s >= plan.extraSections) return;
      const blocks: Block[] = [];
      const factCount = FACTS_PER_SECTION[s] ?? 6;
      const paragraphCount = Math.max(plan.paragraphsPerSection, Math.ceil(factCount / 2));
      let factsLeft = factCount;
      for (let p = 0; p < paragraphCount; p++) {
        const content: Inline[] = [];
        const factsHere = Math.ceil(factsLeft / (paragraphCount - p));
        for (let i = 0; i < plan.sentencesPerParagraph; i++) {
          content.push({ kind: 'text', text: `${FILLER[fillerCursor++ % FILLER.length]} ` });
          if (i < factsHere) {
            const fact = valued[factCursor++ % valued.length]!;
            content.push({ kind: 'text', text: `${label.get(fact.indicator ?? '') ?? 'The figure'}: ` });
            content.push({ kind: 'fact', factId: fact.id });
            content.push({ kind: 'text', text: '. ' });
            factInlines++;
          }
        }
        factsLeft -= Math.min(factsHere, plan.sentencesPerParagraph);
        if (p === 0 && s === 1) content.push({ kind: 'text', text: 'See ' }, { kind: 'figure-ref', chartId: charts[chapter]![s]!.id }, { kind: 'text', text: '.' });
        blocks.push({ kind: 'paragraph', content });
        paragraphs++;
        if (p === 0) {
          const chart = charts[chapter]![s]!;
          blocks.push({ kind: 'chart', chartId: chart.id, width: CHART_SPECS[s]!.width });
          chartBlocks++;
        }
      }
      sections.push({ id: `sec-bench-${chapter + 1}-${s + 1}`, heading: plan.chapters + plan.extraSections > 1 ? `${chapter + 1}.${s + 1} ${theme}` : theme, blocks });
    });
  }
  const report: Report = {
    ...base,
    title,
    subtitle: 'Benchmark briefing: mine action in Azerbaijan and the case for a multi-year contribution',
    recipient: 'Head of Mission',
    author: 'Political Section',
    date: '2026-02-20',
    reference: 'BN-BENCH-001',
    marking: 'OFFICIAL',
    fields: { ...base.fields, subject: 'Humanitarian demining support', place: 'Baku', meetingDate: '2026-02-24' },
    sections,
  };
  return { report, factInlines, chartBlocks, paragraphs, plan };
};

/** Creates the charts for `chapters` chapters (reusing those already made). */
export const ensureChapterCharts = async (dispatch: Dispatch, charts: Chart[][], chapters: number): Promise<void> => {
  while (charts.length < chapters) {
    const chapter: Chart[] = [];
    for (const spec of CHART_SPECS) chapter.push(await createChart(dispatch, spec, charts.length === 0 ? '' : `(${charts.length + 1})`));
    charts.push(chapter);
  }
};

/** An edit as a user makes it: one paragraph's text changes (used for the preview latency). */
export const editReport = (report: Report, n: number): Report => {
  const sections = structuredClone(report.sections);
  const block = sections[0]?.blocks.find((candidate) => candidate.kind === 'paragraph');
  if (block && block.kind === 'paragraph') block.content.unshift({ kind: 'text', text: `Edit ${n}: ` });
  return { ...report, sections };
};
