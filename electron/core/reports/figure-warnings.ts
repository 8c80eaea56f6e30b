import type { ReportWarning, WarningAction } from '../../shared/contract/reports';
import type { Fact, Indicator, Source } from '../../shared/entities';
import { formatPartialDate, toDayRange } from '../../shared/partial-date';
import { figurePeriod, isCumulativeIndicator, relateFigures } from '../library/figure-periods';
import { factValue } from '../export/report-text';

export interface FigureLookups {
  fact: (id: string) => Fact | undefined;
  source: (id: string) => Source | undefined;
  indicator: (key: string) => Indicator | undefined;
  /** The indicator's current (not superseded) figures in the library. */
  figuresOf: (indicator: string) => readonly Fact[];
}

/** Where a fact is cited: its first place, and whether the text (not only a chart) uses it. */
export interface FigurePlacement {
  sectionId: string;
  chartId: string | null;
  inText: boolean;
}

export interface FigureContext {
  lookups: FigureLookups;
  /** Every fact the report cites, in its text, key figures or charts. */
  cited: ReadonlySet<string>;
  locale: string;
  /** The report's date, in days since 1970, and how old a figure may be before it is flagged. */
  reportDay: number;
  staleAfterMonths: number;
}

const DAYS_PER_MONTH = 30.44;
/** A chain of supersessions longer than this is a cycle in the data, not a history. */
const MAX_SUPERSESSIONS = 50;

/** Cut at a word boundary with an ellipsis, so a warning never ends mid-word ("…at abo"). */
export const clip = (text: string, max: number): string => {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.(]+$/, '')}…`;
};

/** How a busy reader recognises a source: its outlet, else who relayed it, else its title. */
const sourceName = (source: Source | undefined): string => {
  if (!source) return 'source deleted';
  return clip((source.outlet?.trim() || source.via?.trim() || source.title).replace(/\s+/g, ' '), 140);
};

/** "409 people" through the printing formatter; a fact without a figure by its statement. */
const figureText = (fact: Fact, locale: string): string => (fact.value === null ? `“${clip(fact.statement, 80)}”` : factValue(fact, locale, { qualifier: fact.qualifier }));

const dateText = (fact: Fact, source: Source | undefined): string => {
  if (fact.asOf) return `as of ${formatPartialDate(fact.asOf)}`;
  if (source?.published) return `published ${formatPartialDate(source.published)}`;
  return 'undated';
};

/** "415 people as of 31 Dec 2025 (Mine action as a humanitarian challenge in Azerbaijan)" */
const describeOther = (other: Fact, context: FigureContext): string => {
  const source = context.lookups.source(other.sourceId);
  const date = dateText(other, source);
  return `${figureText(other, context.locale)} ${date === 'undated' ? '(undated, ' : `${date} (`}${sourceName(source)})`;
};

/** The end of a chain of "superseded by", or undefined when the chain is broken or loops. */
const latestReplacement = (fact: Fact, lookups: FigureLookups): Fact | undefined => {
  let current: Fact | undefined = fact;
  for (let hops = 0; current?.supersededBy && hops < MAX_SUPERSESSIONS; hops += 1) current = lookups.fact(current.supersededBy);
  return current && current !== fact && !current.supersededBy ? current : undefined;
};

interface Comparison {
  conflict: Fact | undefined;
  newer: Fact | undefined;
  /** The report also cites a later figure of the indicator: this one is history, shown on purpose. */
  partOfSeries: boolean;
}

/**
 * The fact set against its indicator's other figures. A figure for the same period with another
 * value is a conflict; a later one is a newer figure, unless the report already cites it (then
 * the report shows the series on purpose). For an undated figure, the latest dated one is offered.
 */
const compareWithIndicator = (fact: Fact, context: FigureContext): Comparison => {
  const { lookups } = context;
  if (fact.indicator === null || fact.value === null) return { conflict: undefined, newer: undefined, partOfSeries: false };
  const cumulative = isCumulativeIndicator(fact.indicator, lookups.indicator(fact.indicator));
  const periodOf = (figure: Fact) => figurePeriod(figure, lookups.source(figure.sourceId)?.published ?? null, cumulative);
  const own = periodOf(fact);
  const ownEnd = own?.end ?? -Infinity;
  let conflict: Fact | undefined;
  let newer: Fact | undefined;
  let citesLater = false;
  for (const other of lookups.figuresOf(fact.indicator)) {
    if (other.id === fact.id || other.value === null || other.unit !== fact.unit) continue;
    const period = periodOf(other);
    const later = period !== null && period.end > ownEnd;
    // A later figure the report already cites makes this one part of a series it shows.
    if (later && context.cited.has(other.id)) citesLater = true;
    if (other.value === fact.value) continue;
    if (relateFigures(own, period) === 'same-period') conflict ??= other;
    else if (later && !context.cited.has(other.id) && period.end > (newer ? periodOf(newer)!.end : ownEnd)) newer = other;
  }
  return { conflict, newer: citesLater ? undefined : newer, partOfSeries: citesLater };
};

/**
 * One entry for a cited fact, naming it in figures, with everything that should be checked
 * before it goes to a donor; null when there is nothing.
 */
export const figureWarning = (factId: string, placement: FigurePlacement, context: FigureContext): ReportWarning | null => {
  const { lookups } = context;
  const base = { sectionId: placement.sectionId, factId, chartId: placement.chartId, decision: null };
  const fact = lookups.fact(factId);
  if (!fact) {
    return { ...base, key: `missing-fact:${factId}`, kind: 'missing-fact', severity: 'error', otherFactId: null, issues: [], message: 'A cited fact was deleted from the library: remove it or insert another.', actions: [] };
  }
  const source = lookups.source(fact.sourceId);
  const issues: ReportWarning['issues'] = [];
  const details: string[] = [];
  let other: Fact | undefined;

  const replacement = latestReplacement(fact, lookups);
  const { conflict, newer, partOfSeries } = compareWithIndicator(fact, context);
  if (replacement) {
    issues.push('superseded');
    other = replacement;
    details.push(`newer figure: ${describeOther(replacement, context)}`);
  } else if (conflict) {
    issues.push('conflict');
    other = conflict;
    details.push(`sources disagree for the same period: ${describeOther(conflict, context)}`);
  } else if (newer) {
    issues.push('newer-figure');
    other = newer;
    details.push(`${fact.asOf || source?.published ? 'newer' : 'dated'} figure: ${describeOther(newer, context)}`);
  }
  const period = toDayRange(fact.asOf ?? source?.published ?? '');
  if (period && !partOfSeries) {
    const months = Math.floor((context.reportDay - period.end) / DAYS_PER_MONTH);
    if (months > context.staleAfterMonths) {
      issues.push('old');
      details.push(`${months} months older than the report (the limit is ${context.staleAfterMonths})`);
    }
  }
  if (!source) {
    issues.push('no-source');
    details.push('its source was deleted');
  }
  if (!fact.quote.trim()) {
    issues.push('no-quote');
    details.push('no quote from its source');
  }
  if (issues.length === 0) return null;

  const actions: WarningAction[] = [];
  if (other && (issues.includes('superseded') || issues.includes('newer-figure')) && placement.inText) actions.push('use-newer');
  if (other) actions.push('cite-both', 'not-comparable');
  actions.push('dismiss');
  return {
    ...base,
    key: `figure:${fact.id}:${other?.id ?? '-'}`,
    kind: 'figure',
    severity: issues.includes('conflict') || issues.includes('no-source') ? 'error' : 'check',
    otherFactId: other?.id ?? null,
    issues,
    message: `${figureText(fact, context.locale)} (${sourceName(source)}, ${dateText(fact, source).replace(/^as of /, '')}) — ${details.join('; ')}`,
    actions,
  };
};
