import type { Fact, Indicator, Source } from '../../shared/entities';
import { toDayRange } from '../../shared/partial-date';
import { figurePeriod, isCumulativeIndicator } from './figure-periods';

/**
 * Issue 11: a time series is not a conflict. Two figures for one indicator conflict only when they
 * describe the same period and differ; figures for different as-of dates are points of a series.
 * An undated figure cannot be placed in time, so it is compared only with the other undated ones.
 * A superseded figure was already judged by the user (the newer one replaces it), so it takes no
 * further part. See figure-periods.ts for what "the same period" means.
 */
export interface ConflictGroup {
  indicator: string;
  /** Every fact of the indicator involved in a disagreement, newest first. */
  factIds: string[];
  /** The figure with the latest known date; null when none of them is dated. */
  newestFactId: string | null;
  values: number[];
}

/** The date a figure stands for: its as-of date, else its source's publication date. */
export const effectiveDate = (fact: Fact, published: string | null): string | null => fact.asOf ?? published;

/** The facts that can take part in a conflict (a current figure with an indicator), by indicator. */
export const figuresByIndicator = (facts: Iterable<Fact>): Map<string, Fact[]> => {
  const byIndicator = new Map<string, Fact[]>();
  for (const fact of facts) {
    if (fact.indicator === null || fact.value === null || fact.supersededBy !== null) continue;
    const list = byIndicator.get(fact.indicator) ?? [];
    list.push(fact);
    byIndicator.set(fact.indicator, list);
  }
  return byIndicator;
};

/** The conflict among one indicator's figures, or null when they agree. */
export const conflictForIndicator = (
  indicator: string,
  list: readonly Fact[],
  publishedBySource: ReadonlyMap<string, string | null>,
  cumulative: boolean,
): ConflictGroup | null => {
  // Periods are worked out once per fact, not once per pair: an indicator may hold thousands
  // of figures, and the pair loop below must stay plain arithmetic.
  const count = list.length;
  const starts = new Float64Array(count);
  const ends = new Float64Array(count);
  // Undated figures sit together far before every dated one (a point no day range reaches), so
  // the one sweep below compares them with each other and never with a dated figure.
  const UNDATED = -1e12;
  for (let index = 0; index < count; index += 1) {
    const fact = list[index]!;
    const period = figurePeriod(fact, publishedBySource.get(fact.sourceId) ?? null, cumulative);
    starts[index] = period ? period.start : UNDATED;
    ends[index] = period ? period.end : UNDATED;
  }
  // Pairs are visited in order of start, so a scan stops at the first figure that starts after
  // this one ends (figures from other years are never compared), and once a figure is flagged
  // only the figures not flagged yet are visited (`nextOpen` skips the rest), so a library where
  // thousands of an indicator's figures overlap is not scanned pair by pair (see `npm run bench`).
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

export const findConflicts = (facts: readonly Fact[], sources: readonly Source[], indicators: readonly Indicator[]): ConflictGroup[] => {
  const publishedBySource = new Map(sources.map((source) => [source.id, source.published]));
  const labels = new Map(indicators.map((indicator) => [indicator.key, indicator]));
  const groups: ConflictGroup[] = [];
  for (const [indicator, list] of figuresByIndicator(facts)) {
    const group = conflictForIndicator(indicator, list, publishedBySource, isCumulativeIndicator(indicator, labels.get(indicator)));
    if (group) groups.push(group);
  }
  return sortConflictGroups(groups);
};

export const conflictingFactIds = (groups: readonly ConflictGroup[]): Set<string> =>
  new Set(groups.flatMap((group) => group.factIds));
