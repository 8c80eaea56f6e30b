import type { Fact, Indicator, Source } from '../../shared/entities';
import type { LibraryFile } from '../store/library-file';
import type { Store } from '../store/store';
import { conflictForIndicator, conflictingFactIds, effectiveDate, figuresByIndicator, findConflicts, sortConflictGroups, type ConflictGroup } from './conflicts';
import { dateSortKey } from '../../shared/partial-date';
import { isCumulativeIndicator } from './figure-periods';
import { FactSearchIndex } from './search-index';
import { OrderedFacts } from './fact-filter';

/**
 * Derived views of the library (lookups, the search index, conflicts), kept in step with the
 * store. Every change goes through `change`, which tells this state what was touched, so the
 * search index is updated fact by fact rather than rebuilt.
 */
/** A string's first three UTF-16 code units as one number that orders as the strings do (a missing unit counts as 0). */
export const leadingUnits = (text: string): number => {
  const unit = (index: number): number => (index < text.length ? text.charCodeAt(index) : 0);
  return (unit(0) * 65536 + unit(1)) * 65536 + unit(2);
};

export class LibraryState {
  private document: LibraryFile | null = null;
  private sources = new Map<string, Source>();
  private facts = new Map<string, Fact>();
  private indicators = new Map<string, Indicator>();
  private conflicts: ConflictGroup[] | null = null;
  /** Each indicator's conflict (absent when its figures agree); null until first asked for. */
  private conflictByIndicator: Map<string, ConflictGroup> | null = null;
  /** Indicators whose facts changed since `conflictByIndicator` was brought up to date. */
  private readonly staleIndicators = new Set<string>();
  private conflicting: Set<string> | null = null;
  /** Current figures by indicator (see figuresByIndicator), for the report warnings; built when first asked for. */
  private figures: Map<string, Fact[]> | null = null;
  private newestFirst: Fact[] | null = null;
  private orderRank: Map<string, number> | null = null;
  private ordered: OrderedFacts | null = null;
  private readonly index = new FactSearchIndex(
    (id) => this.sources.get(id),
    (key) => this.indicators.get(key),
  );

  constructor(private readonly store: Store) {}

  /** The current document, rebuilding everything derived if the store's document was replaced. */
  current(): LibraryFile {
    const document = this.store.read();
    if (document !== this.document) {
      this.document = document;
      this.conflictByIndicator = null;
      this.staleIndicators.clear();
      this.refreshLookups();
      this.index.rebuild(document.facts);
    }
    return document;
  }

  private refreshLookups(): void {
    const document = this.document!;
    this.sources = new Map(document.sources.map((source) => [source.id, source]));
    this.facts = new Map(document.facts.map((fact) => [fact.id, fact]));
    this.indicators = new Map(document.indicators.map((indicator) => [indicator.key, indicator]));
    this.conflicts = null;
    this.conflicting = null;
    this.figures = null;
    this.newestFirst = null;
    this.orderRank = null;
    this.ordered = null;
  }

  source(id: string): Source | undefined {
    this.current();
    return this.sources.get(id);
  }

  fact(id: string): Fact | undefined {
    this.current();
    return this.facts.get(id);
  }

  indicator(key: string): Indicator | undefined {
    this.current();
    return this.indicators.get(key);
  }

  /**
   * Every conflict in the library. In a large library the full scan is too slow to repeat, so after
   * an edit only the indicators it touched are examined again.
   */
  conflictGroups(): ConflictGroup[] {
    const document = this.current();
    if (!this.conflictByIndicator) {
      this.conflictByIndicator = new Map(findConflicts(document.facts, document.sources, document.indicators).map((group) => [group.indicator, group]));
      this.staleIndicators.clear();
    } else if (this.staleIndicators.size > 0) {
      const published = new Map(document.sources.map((source) => [source.id, source.published]));
      const lists = figuresByIndicator(document.facts.filter((fact) => fact.indicator !== null && this.staleIndicators.has(fact.indicator)));
      for (const indicator of this.staleIndicators) {
        const group = conflictForIndicator(indicator, lists.get(indicator) ?? [], published, isCumulativeIndicator(indicator, this.indicators.get(indicator)));
        if (group) this.conflictByIndicator.set(indicator, group);
        else this.conflictByIndicator.delete(indicator);
      }
      this.staleIndicators.clear();
    }
    this.conflicts ??= sortConflictGroups([...this.conflictByIndicator.values()]);
    return this.conflicts;
  }

  /** The current (not superseded) figures recorded for an indicator. */
  figuresOf(indicator: string): readonly Fact[] {
    const document = this.current();
    this.figures ??= figuresByIndicator(document.facts);
    return this.figures.get(indicator) ?? [];
  }

  isInConflict(factId: string): boolean {
    this.conflicting ??= conflictingFactIds(this.conflictGroups());
    return this.conflicting.has(factId);
  }

  /**
   * Every fact in the Library's default order: newest (as-of, else publication date) first, then
   * by statement. Computed once per change of the library: at 100,000 facts a sort costs a
   * noticeable fraction of a second, and the Library asks for this list whenever the search box
   * is empty.
   */
  factsNewestFirst(): readonly Fact[] {
    const document = this.current();
    if (!this.newestFirst) {
      // Ties (thousands of facts can share a date) go by the statement's characters, not by
      // Intl.Collator: collation made this sort take most of a second at 100,000 facts.
      // `lead` holds the statement's first three UTF-16 units as one number (0 past the end), so
      // most ties are decided without comparing strings; equal leads fall back to the full text.
      // A library has few distinct dates: each is parsed once.
      const keys = new Map<string | null, number>();
      const keyOf = (date: string | null): number => {
        let key = keys.get(date);
        if (key === undefined) keys.set(date, (key = dateSortKey(date)));
        return key;
      };
      const keyed = document.facts.map((fact) => ({ fact, key: keyOf(effectiveDate(fact, this.sources.get(fact.sourceId)?.published ?? null)), lead: leadingUnits(fact.statement) }));
      keyed.sort((left, right) => right.key - left.key || left.lead - right.lead || (left.fact.statement < right.fact.statement ? -1 : left.fact.statement > right.fact.statement ? 1 : 0));
      this.newestFirst = keyed.map((entry) => entry.fact);
    }
    return this.newestFirst;
  }

  /** The facts in the default order, laid out for filtering (see fact-filter.ts). */
  orderedFacts(): OrderedFacts {
    const facts = this.factsNewestFirst();
    if (!this.ordered || this.ordered.facts !== facts) this.ordered = new OrderedFacts(facts, (id) => this.sources.get(id)?.published ?? null);
    return this.ordered;
  }

  /** `facts` in the default order of `factsNewestFirst`. */
  inDefaultOrder(facts: readonly Fact[]): Fact[] {
    if (!this.orderRank) this.orderRank = new Map(this.factsNewestFirst().map((fact, rank) => [fact.id, rank]));
    const rank = this.orderRank;
    // Each fact's rank looked up once, not twice per comparison.
    const ranked = facts.map((fact) => ({ fact, rank: rank.get(fact.id) ?? 0 }));
    ranked.sort((left, right) => left.rank - right.rank);
    return ranked.map((entry) => entry.fact);
  }

  /** Matching facts, best match first (or, while a large library is still being indexed, in the default order). */
  search(query: string): Fact[] {
    this.current();
    const { ids, ranked } = this.index.search(query);
    // A plain loop: a broad word matches most of a large library, and flatMap's per-item arrays showed.
    const facts: Fact[] = [];
    for (const id of ids) {
      const fact = this.facts.get(id);
      if (fact) facts.push(fact);
    }
    return ranked ? facts : this.inDefaultOrder(facts);
  }

  /** False while a large library's index is built in the background (queries are then scanned). */
  get searchIndexed(): boolean {
    this.current();
    return this.index.ready;
  }

  /**
   * Applies `apply` to the document and persists it. `touched` names the facts whose index
   * entries must be refreshed (or removed, when they are gone afterwards).
   */
  async change<T>(apply: (document: LibraryFile) => { result: T; touchedFacts: Iterable<string>; touchedSources?: Iterable<string> }): Promise<T> {
    this.current();
    let outcome: ReturnType<typeof apply> | undefined;
    // Derived state follows the in-memory document even when the save then fails: the store
    // keeps such a change in memory and writes it with the next successful save.
    await this.store.mutate((document) => {
      outcome = apply(document);
      this.afterChange(outcome.touchedFacts, outcome.touchedSources ?? []);
    });
    return outcome!.result;
  }

  private afterChange(touchedFacts: Iterable<string>, touchedSources: Iterable<string>): void {
    const before = this.facts;
    const indicatorsBefore = this.indicators;
    this.refreshLookups();
    // A relabelled indicator may have become (or stopped being) cumulative, which changes how its
    // figures are compared: its conflicts are looked at again.
    for (const [key, indicator] of this.indicators) {
      if (isCumulativeIndicator(key, indicator) !== isCumulativeIndicator(key, indicatorsBefore.get(key))) this.staleIndicators.add(key);
    }
    const factIds = new Set(touchedFacts);
    const sourceIds = new Set(touchedSources);
    if (sourceIds.size > 0) {
      for (const fact of [...before.values(), ...this.facts.values()]) if (sourceIds.has(fact.sourceId)) factIds.add(fact.id);
    }
    for (const id of factIds) {
      // A fact's conflicts may change under the indicator it had and the one it has now.
      for (const version of [before.get(id), this.facts.get(id)]) if (version?.indicator) this.staleIndicators.add(version.indicator);
      const fact = this.facts.get(id);
      if (fact) this.index.upsert(fact);
      else this.index.remove(id);
    }
  }
}
