import type { Fact, Indicator, Source } from '../../shared/entities';
import type { StoreDocument } from '../store/document';
import type { Store } from '../store/store';
import { conflictingFactIds, findConflicts, type ConflictGroup } from './conflicts';
import { FactSearchIndex } from './search-index';

/**
 * Derived views of the library (lookups, the search index, conflicts), kept in step with the
 * store. Every change goes through `change`, which tells this state what was touched, so the
 * search index is updated fact by fact rather than rebuilt.
 */
export class LibraryState {
  private document: StoreDocument | null = null;
  private sources = new Map<string, Source>();
  private facts = new Map<string, Fact>();
  private indicators = new Map<string, Indicator>();
  private conflicts: ConflictGroup[] | null = null;
  private conflicting: Set<string> | null = null;
  private readonly index = new FactSearchIndex(
    (id) => this.sources.get(id),
    (key) => this.indicators.get(key),
  );

  constructor(private readonly store: Store) {}

  /** The current document, rebuilding everything derived if the store's document was replaced. */
  current(): StoreDocument {
    const document = this.store.read();
    if (document !== this.document) {
      this.document = document;
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

  conflictGroups(): ConflictGroup[] {
    const document = this.current();
    this.conflicts ??= findConflicts(document.facts, document.sources);
    return this.conflicts;
  }

  isInConflict(factId: string): boolean {
    this.conflicting ??= conflictingFactIds(this.conflictGroups());
    return this.conflicting.has(factId);
  }

  search(query: string): string[] {
    this.current();
    return this.index.search(query);
  }

  /**
   * Applies `apply` to the document and persists it. `touched` names the facts whose index
   * entries must be refreshed (or removed, when they are gone afterwards).
   */
  async change<T>(apply: (document: StoreDocument) => { result: T; touchedFacts: Iterable<string>; touchedSources?: Iterable<string> }): Promise<T> {
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
    this.refreshLookups();
    const factIds = new Set(touchedFacts);
    for (const sourceId of touchedSources) {
      for (const fact of this.facts.values()) if (fact.sourceId === sourceId) factIds.add(fact.id);
    }
    for (const id of factIds) {
      const fact = this.facts.get(id);
      if (fact) this.index.upsert(fact);
      else this.index.remove(id);
    }
  }
}
