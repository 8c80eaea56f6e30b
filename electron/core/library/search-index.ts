import MiniSearch from 'minisearch';
import type { Fact, Indicator, Source } from '../../shared/entities';

interface IndexedFact {
  id: string;
  statement: string;
  quote: string;
  source: string;
  tags: string;
  indicator: string;
  value: string;
}

/**
 * Full-text search over facts (statement, quote, source, tags, indicator), prefix-matching as the
 * user types. Kept up to date fact by fact: rebuilding at 100k facts takes seconds (FIELD-NOTES).
 */
export class FactSearchIndex {
  private index = FactSearchIndex.create();

  private static create() {
    return new MiniSearch<IndexedFact>({
      fields: ['statement', 'quote', 'source', 'tags', 'indicator', 'value'],
      storeFields: [],
      searchOptions: { prefix: true, combineWith: 'AND', boost: { statement: 2, tags: 1.5, indicator: 1.5 } },
    });
  }

  constructor(
    private readonly sourceOf: (id: string) => Source | undefined,
    private readonly indicatorOf: (key: string) => Indicator | undefined,
  ) {}

  private toDocument(fact: Fact): IndexedFact {
    const source = this.sourceOf(fact.sourceId);
    const indicator = fact.indicator ? this.indicatorOf(fact.indicator) : undefined;
    return {
      id: fact.id,
      statement: fact.statement,
      quote: fact.quote,
      source: [source?.title, source?.outlet, source?.via].filter(Boolean).join(' '),
      tags: fact.tags.join(' '),
      indicator: [fact.indicator, indicator?.label].filter(Boolean).join(' '),
      value: fact.value === null ? '' : String(fact.value),
    };
  }

  rebuild(facts: readonly Fact[]): void {
    this.index = FactSearchIndex.create();
    this.index.addAll(facts.map((fact) => this.toDocument(fact)));
  }

  upsert(fact: Fact): void {
    if (this.index.has(fact.id)) this.index.replace(this.toDocument(fact));
    else this.index.add(this.toDocument(fact));
  }

  remove(id: string): void {
    if (this.index.has(id)) this.index.discard(id);
  }

  /** Fact ids best match first. */
  search(query: string): string[] {
    return this.index.search(query).map((result) => String(result.id));
  }
}
