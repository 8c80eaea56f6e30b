import type { Fact, Source } from '../../shared/entities';
import { comparePartialDatesDescending, toDayRange, type DayRange } from '../../shared/partial-date';

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

const effectiveDate = (fact: Fact, published: string | null): string | null => fact.asOf ?? published;

export const findConflicts = (facts: readonly Fact[], sources: readonly Source[]): ConflictGroup[] => {
  const publishedBySource = new Map(sources.map((source) => [source.id, source.published]));
  const byIndicator = new Map<string, Fact[]>();
  for (const fact of facts) {
    if (fact.indicator === null || fact.value === null) continue;
    const list = byIndicator.get(fact.indicator) ?? [];
    list.push(fact);
    byIndicator.set(fact.indicator, list);
  }

  const groups: ConflictGroup[] = [];
  for (const [indicator, list] of byIndicator) {
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
    const flagged = new Uint8Array(count);
    for (let i = 0; i < count; i += 1) {
      const left = list[i]!;
      for (let j = i + 1; j < count; j += 1) {
        if (flagged[i] && flagged[j]) continue;
        const right = list[j]!;
        if (left.value === right.value || left.unit !== right.unit) continue;
        if (starts[i]! <= ends[j]! && starts[j]! <= ends[i]!) {
          flagged[i] = 1;
          flagged[j] = 1;
        }
      }
    }
    const involved = new Set<Fact>(list.filter((_, index) => flagged[index]));
    if (involved.size === 0) continue;
    const ordered = [...involved].sort((left, right) =>
      comparePartialDatesDescending(
        effectiveDate(left, publishedBySource.get(left.sourceId) ?? null),
        effectiveDate(right, publishedBySource.get(right.sourceId) ?? null),
      ),
    );
    groups.push({
      indicator,
      factIds: ordered.map((fact) => fact.id),
      newestFactId: effectiveDate(ordered[0]!, publishedBySource.get(ordered[0]!.sourceId) ?? null) ? ordered[0]!.id : null,
      values: [...new Set(ordered.map((fact) => fact.value as number))],
    });
  }
  return groups.sort((left, right) => left.indicator.localeCompare(right.indicator));
};

export const conflictingFactIds = (groups: readonly ConflictGroup[]): Set<string> =>
  new Set(groups.flatMap((group) => group.factIds));
