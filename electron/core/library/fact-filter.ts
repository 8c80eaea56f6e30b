import type { Fact } from '../../shared/entities';
import { toDayRange, type DayRange } from '../../shared/partial-date';
import { effectiveDate } from './conflicts';

export interface FactFilter {
  tags: ReadonlySet<string>;
  sourceIds: ReadonlySet<string>;
  indicators: ReadonlySet<string>;
  /** Facts whose effective date (as-of, else the source's publication) overlaps this range. */
  window: DayRange | null;
  hasConflict: boolean;
}

/** The date range a from/to pair of partial dates asks for (either end may be open); null for neither. */
export const dateWindow = (from: string | null | undefined, to: string | null | undefined): DayRange | null => {
  const start = from ? toDayRange(from) : null;
  const end = to ? toDayRange(to) : null;
  return start || end ? { start: start?.start ?? -Infinity, end: end?.end ?? Infinity } : null;
};

/** Whether `fact` passes `filter` (tags: any of them; the other criteria: all). */
export const passesFilter = (fact: Fact, filter: FactFilter, published: string | null, inConflict: (id: string) => boolean): boolean => {
  if (filter.tags.size && !fact.tags.some((tag) => filter.tags.has(tag))) return false;
  if (filter.sourceIds.size && !filter.sourceIds.has(fact.sourceId)) return false;
  if (filter.indicators.size && !(fact.indicator && filter.indicators.has(fact.indicator))) return false;
  if (filter.hasConflict && !inConflict(fact.id)) return false;
  if (filter.window) {
    const date = effectiveDate(fact, published);
    const range = date ? toDayRange(date) : null;
    if (!range || !(range.start <= filter.window.end && filter.window.start <= range.end)) return false;
  }
  return true;
};

/**
 * The library in its default order, with what the filters read laid out in arrays in that order.
 * Filtering 100,000 facts object by object visits them in date order, not in the order they sit
 * in memory, and that cost several times the work itself; read from arrays it is only the work
 * (`npm run bench` times it). Built once per state of the library, with the default order.
 */
export class OrderedFacts {
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  private readonly sourceIds: string[];
  private readonly indicators: (string | null)[];
  /** Positions of the facts carrying each tag. */
  private readonly tagged = new Map<string, number[]>();

  constructor(
    readonly facts: readonly Fact[],
    publishedOf: (sourceId: string) => string | null,
  ) {
    const count = facts.length;
    this.starts = new Float64Array(count).fill(Number.NaN);
    this.ends = new Float64Array(count).fill(Number.NaN);
    this.sourceIds = new Array<string>(count);
    this.indicators = new Array<string | null>(count);
    for (let position = 0; position < count; position += 1) {
      const fact = facts[position]!;
      const date = effectiveDate(fact, publishedOf(fact.sourceId));
      const range = date ? toDayRange(date) : null;
      if (range) {
        this.starts[position] = range.start;
        this.ends[position] = range.end;
      }
      this.sourceIds[position] = fact.sourceId;
      this.indicators[position] = fact.indicator;
      for (const tag of fact.tags) {
        let positions = this.tagged.get(tag);
        if (!positions) this.tagged.set(tag, (positions = []));
        positions.push(position);
      }
    }
  }

  /** The facts passing `filter`, in the default order (what `passesFilter` keeps, checked by a test). */
  filter(filter: FactFilter, inConflict: (id: string) => boolean): Fact[] {
    const count = this.facts.length;
    let withTag: Uint8Array | null = null;
    if (filter.tags.size) {
      withTag = new Uint8Array(count);
      for (const tag of filter.tags) for (const position of this.tagged.get(tag) ?? []) withTag[position] = 1;
    }
    const window = filter.window;
    const out: Fact[] = [];
    for (let position = 0; position < count; position += 1) {
      if (withTag && !withTag[position]) continue;
      if (filter.sourceIds.size && !filter.sourceIds.has(this.sourceIds[position]!)) continue;
      if (filter.indicators.size) {
        const indicator = this.indicators[position];
        if (!indicator || !filter.indicators.has(indicator)) continue;
      }
      // NaN (no known date) fails both comparisons.
      if (window && !(this.starts[position]! <= window.end && window.start <= this.ends[position]!)) continue;
      const fact = this.facts[position]!;
      if (filter.hasConflict && !inConflict(fact.id)) continue;
      out.push(fact);
    }
    return out;
  }
}
