import type { Fact, Source } from '../../shared/entities';
import { toDayRange, type DayRange } from '../../shared/partial-date';

/**
 * Two figures for the same indicator conflict when their values differ and their dates could
 * describe the same moment. Reports a few days or weeks apart routinely quote a cumulative figure
 * differently (388 vs 415 casualties in December 2025), so periods within this tolerance count
 * as the same time; figures years apart are a time series, not a disagreement.
 */
export const CONFLICT_TOLERANCE_DAYS = 92;

export interface ConflictGroup {
  indicator: string;
  /** Every fact of the indicator involved in a disagreement, newest first. */
  factIds: string[];
  /** The figure with the latest known date; null when none of them is dated. */
  newestFactId: string | null;
  values: number[];
}

/**
 * When a fact has no as-of date, the figure was true at some point up to its source's
 * publication; when neither is known, it could be any time.
 */
const periodOf = (fact: Fact, published: string | null): DayRange | null => {
  if (fact.asOf) return toDayRange(fact.asOf);
  if (published) {
    const range = toDayRange(published);
    return range ? { start: -Infinity, end: range.end } : null;
  }
  return null;
};

/** The date a figure stands for: its as-of date, else its source's publication date. */
export const effectiveDate = (fact: Fact, published: string | null): string | null => fact.asOf ?? published;

/** The facts that can take part in a conflict (a figure with an indicator), by indicator. */
export const figuresByIndicator = (facts: Iterable<Fact>): Map<string, Fact[]> => {
  const byIndicator = new Map<string, Fact[]>();
  for (const fact of facts) {
    if (fact.indicator === null || fact.value === null) continue;
    const list = byIndicator.get(fact.indicator) ?? [];
    list.push(fact);
    byIndicator.set(fact.indicator, list);
  }
  return byIndicator;
};

/** The conflict among one indicator's figures, or null when they agree. */
export const conflictForIndicator = (indicator: string, list: readonly Fact[], publishedBySource: ReadonlyMap<string, string | null>): ConflictGroup | null => {
  // Periods are worked out once per fact, not once per pair: an indicator may hold thousands
  // of figures, and the pair loop below must stay plain arithmetic.
  const count = list.length;
  const starts = new Float64Array(count);
  const ends = new Float64Array(count);
  for (let index = 0; index < count; index += 1) {
    const fact = list[index]!;
    const period = periodOf(fact, publishedBySource.get(fact.sourceId) ?? null);
    starts[index] = period ? period.start - CONFLICT_TOLERANCE_DAYS : -Infinity;
    ends[index] = period ? period.end : Infinity;
  }
  // Pairs are visited in order of start, so a scan stops at the first figure that starts after
  // this one ends (figures from other years are never compared), and once a figure is flagged
  // only the figures not flagged yet are visited (`nextOpen` skips the rest): at 100,000 facts,
  // where thousands of an indicator's figures overlap, 2 s → well under 0.1 s.
  const order = Array.from({ length: count }, (_, index) => index).sort((a, b) => (starts[a]! < starts[b]! ? -1 : starts[a]! > starts[b]! ? 1 : a - b));
  const flagged = new Uint8Array(count);
  const skipTo = Int32Array.from({ length: count + 1 }, (_, position) => position);
  const nextOpen = (position: number): number => {
    let at = position;
    while (skipTo[at] !== at) {
      skipTo[at] = skipTo[skipTo[at]!]!;
      at = skipTo[at]!;
    }
    return at;
  };
  const flag = (position: number): void => {
    flagged[order[position]!] = 1;
    skipTo[position] = position + 1;
  };
  const disagree = (i: number, j: number): boolean => list[i]!.value !== list[j]!.value && list[i]!.unit === list[j]!.unit;
  for (let oi = 0; oi < count; oi += 1) {
    const i = order[oi]!;
    // starts[i] <= starts[j] <= ends[j]: the periods overlap exactly when j starts before i ends.
    let oj = oi + 1;
    if (!flagged[i]) {
      for (; oj < count && starts[order[oj]!]! <= ends[i]!; oj += 1) {
        if (!disagree(i, order[oj]!)) continue;
        flag(oi);
        if (!flagged[order[oj]!]) flag(oj);
        oj += 1;
        break;
      }
      if (!flagged[i]) continue;
    }
    for (oj = nextOpen(oj); oj < count && starts[order[oj]!]! <= ends[i]!; oj = nextOpen(oj + 1)) {
      if (disagree(i, order[oj]!)) flag(oj);
    }
  }
  const involved = list.filter((_, index) => flagged[index]);
  if (involved.length === 0) return null;
  const published = (fact: Fact) => publishedBySource.get(fact.sourceId) ?? null;
  // comparePartialDatesDescending, with each date parsed once rather than once per comparison.
  const keyed = involved.map((fact) => {
    const range = toDayRange(effectiveDate(fact, published(fact)) ?? '');
    return { fact, end: range?.end ?? -Infinity, start: range?.start ?? -Infinity };
  });
  const ordered = keyed.sort((left, right) => right.end - left.end || right.start - left.start).map((entry) => entry.fact);
  return {
    indicator,
    factIds: ordered.map((fact) => fact.id),
    newestFactId: effectiveDate(ordered[0]!, published(ordered[0]!)) ? ordered[0]!.id : null,
    values: [...new Set(ordered.map((fact) => fact.value as number))],
  };
};

export const sortConflictGroups = (groups: ConflictGroup[]): ConflictGroup[] => groups.sort((left, right) => left.indicator.localeCompare(right.indicator));

export const findConflicts = (facts: readonly Fact[], sources: readonly Source[]): ConflictGroup[] => {
  const publishedBySource = new Map(sources.map((source) => [source.id, source.published]));
  const groups: ConflictGroup[] = [];
  for (const [indicator, list] of figuresByIndicator(facts)) {
    const group = conflictForIndicator(indicator, list, publishedBySource);
    if (group) groups.push(group);
  }
  return sortConflictGroups(groups);
};

export const conflictingFactIds = (groups: readonly ConflictGroup[]): Set<string> =>
  new Set(groups.flatMap((group) => group.factIds));
