import MiniSearch from 'minisearch';
import type { Fact, Indicator, Source } from '../../shared/entities';
import { createScanMatcher, isPrefixTerm, queryWords } from './search-scan';
import { cacheTermsWhileFilling } from './search-build';
import { libraryPatchesActive } from '../../patches/versions';
import { scoreWord, type WordScores } from '../../patches/minisearch-word-scores';

interface IndexedFact {
  id: string;
  statement: string;
  quote: string;
  source: string;
  tags: string;
  indicator: string;
  value: string;
}

const FIELDS = ['statement', 'quote', 'source', 'tags', 'indicator', 'value'] as const;
const BOOST: Partial<Record<(typeof FIELDS)[number], number>> = { statement: 2, tags: 1.5, indicator: 1.5 };
/** Each field's boost in field order, as MiniSearch applies them. */
const BOOST_ORDER = FIELDS.map((field) => [field, BOOST[field] ?? 1] as const);

/** A word's matches, best first, with their scores; `lookup` is built when a phrase needs it. */
interface WordHits extends WordScores {
  lookup?: Map<string, number>;
}

const fromResults = (results: readonly { id: unknown; score: number }[]): WordHits => ({
  ids: results.map((result) => String(result.id)),
  scores: results.map((result) => result.score),
});

/**
 * `hits`' score for the i-th match of `base` (undefined: not a match). When both words were
 * scored by scoreWord, by MiniSearch's number in a table; otherwise by id in a map built once.
 */
const scoreLookup = (hits: WordHits, base: WordHits): ((i: number) => number | undefined) => {
  const numbers = base.internal?.numbers;
  const table = hits.internal?.scoreOf;
  if (numbers && table) {
    return (i) => {
      const score = table[numbers[i]!]!;
      return score > 0 ? score : undefined;
    };
  }
  hits.lookup ??= new Map(hits.ids.map((id, i) => [id, hits.scores[i]!] as const));
  const lookup = hits.lookup;
  return (i) => lookup.get(base.ids[i]!);
};

/** Libraries up to this size are indexed at once; larger ones in the background (see `rebuild`). */
export const SYNC_INDEX_LIMIT = 5_000;
/** Facts indexed between two turns of the event loop during a background build. */
const CHUNK_SIZE = 250;
const RECENT_QUERIES = 16;
/** Words whose matches are kept: a broad word's can hold every fact (a few MB at 100,000). */
const RECENT_WORDS = 4;

/**
 * Full-text search over facts (statement, quote, source, tags, indicator), prefix-matching as the
 * user types, every word required. Kept up to date fact by fact.
 *
 * Indexing a large library takes too long for the host to spend in one go (it also
 * answers every other request). So a large library is indexed in chunks between requests, and
 * until that index is ready a query is answered by scanning the facts for the same word prefixes
 * (`search-scan.ts`): the same matches, in the caller's default order instead of by relevance.
 * Edits made while the index is being built are applied to it when it is ready.
 */
export class FactSearchIndex {
  private index: MiniSearch<IndexedFact> | null = null;
  private readonly documents = new Map<string, IndexedFact>();
  private generation = 0;
  private building: Promise<void> | null = null;
  /** Facts changed while a background build ran: re-applied from `documents` when it ends. */
  private readonly changedDuringBuild = new Set<string>();
  /** Lower-cased text of each fact for the scan, while the index is being built. */
  private readonly scanText = new Map<string, string>();
  /** The last queries' answers (typing, backspacing and paging repeat them), emptied on any change. */
  private readonly recent = new Map<string, { ids: string[]; ranked: boolean }>();
  /** Each recent query word's matching fact ids and scores (see `ranked`), emptied on any change. */
  private readonly wordHits = new Map<string, WordHits>();

  private static create() {
    return new MiniSearch<IndexedFact>({
      fields: [...FIELDS],
      storeFields: [],
      searchOptions: { prefix: isPrefixTerm, combineWith: 'AND', boost: BOOST },
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

  /** Replaces the whole index: at once for a small library, in the background for a large one. */
  rebuild(facts: readonly Fact[]): void {
    this.generation += 1;
    this.documents.clear();
    this.changedDuringBuild.clear();
    this.scanText.clear();
    this.forgetAnswers();
    for (const fact of facts) this.documents.set(fact.id, this.toDocument(fact));
    if (facts.length <= SYNC_INDEX_LIMIT) {
      this.index = FactSearchIndex.create();
      const done = libraryPatchesActive() ? cacheTermsWhileFilling(this.index) : () => undefined;
      try {
        this.index.addAll([...this.documents.values()]);
      } finally {
        done();
      }
      this.building = null;
      return;
    }
    this.index = null;
    const generation = this.generation;
    const next = FactSearchIndex.create();
    const done = libraryPatchesActive() ? cacheTermsWhileFilling(next) : () => undefined;
    const indexed = new Map(this.documents);
    const filled = next.addAllAsync([...indexed.values()], { chunkSize: CHUNK_SIZE });
    void filled.then(done, done);
    this.building = filled.then(() => {
      if (generation !== this.generation) return; // replaced by a newer rebuild meanwhile
      for (const id of this.changedDuringBuild) {
        const document = this.documents.get(id);
        const before = indexed.get(id);
        if (before && next.has(id)) next.remove(before);
        if (document) next.add(document);
      }
      this.changedDuringBuild.clear();
      this.scanText.clear();
      this.forgetAnswers();
      this.index = next;
      this.building = null;
    });
  }

  private forgetAnswers(): void {
    this.recent.clear();
    this.wordHits.clear();
  }

  /** Resolves when the index (not the scan) answers queries. */
  async whenReady(): Promise<void> {
    while (this.building) await this.building;
  }

  get ready(): boolean {
    return this.index !== null;
  }

  /*
   * Changes remove the document as it was indexed (MiniSearch's `remove`), never `discard`: a
   * discarded fact leaves postings that MiniSearch drops only as a search meets them, so the same
   * word scored twice could rank facts differently. With none left behind, a word's matches and
   * scores are a function of the index's contents, which the word cache and patches/minisearch-word-scores.ts
   * rely on.
   */
  upsert(fact: Fact): void {
    const document = this.toDocument(fact);
    const before = this.documents.get(fact.id);
    this.documents.set(fact.id, document);
    this.scanText.delete(fact.id);
    this.forgetAnswers();
    if (!this.index) {
      this.changedDuringBuild.add(fact.id);
      return;
    }
    if (before && this.index.has(fact.id)) this.index.remove(before);
    this.index.add(document);
  }

  remove(id: string): void {
    const before = this.documents.get(id);
    this.documents.delete(id);
    this.scanText.delete(id);
    this.forgetAnswers();
    if (!this.index) this.changedDuringBuild.add(id);
    else if (before && this.index.has(id)) this.index.remove(before);
  }

  /**
   * Matching fact ids: best match first from the index; while it is being built, every match in
   * no particular order (`ranked: false`), for the caller to put in its default order.
   */
  search(query: string): { ids: string[]; ranked: boolean } {
    const known = this.recent.get(query);
    if (known) return known;
    const answer = this.index ? { ids: this.ranked(this.index, query), ranked: true } : { ids: this.scan(query), ranked: false };
    this.recent.set(query, answer);
    if (this.recent.size > RECENT_QUERIES) this.recent.delete(this.recent.keys().next().value as string);
    return answer;
  }

  /**
   * The index's answer, word by word: each word is searched on its own (its matches kept for the
   * next queries), the facts matching every word are kept, and they are ranked by the sum of their
   * scores for each word, as MiniSearch's AND does. A phrase typed word by word ("mine",
   * "mine cl", "mine clearance") then searches only its last word each time: a word found in most
   * of a large library is slow to score.
   */
  private ranked(index: MiniSearch<IndexedFact>, query: string): string[] {
    const lists = queryWords(query)
      .map((word) => this.hitsOf(index, word))
      .sort((left, right) => left.ids.length - right.ids.length);
    const [narrowest, ...others] = lists;
    if (!narrowest) return [];
    if (others.length === 0) return narrowest.ids;
    const lookups = others.map((other) => scoreLookup(other, narrowest));
    const scored: { id: string; score: number }[] = [];
    candidates: for (let i = 0; i < narrowest.ids.length; i += 1) {
      let total = narrowest.scores[i]!;
      for (const scoreOf of lookups) {
        const more = scoreOf(i);
        if (more === undefined) continue candidates;
        total += more;
      }
      scored.push({ id: narrowest.ids[i]!, score: total });
    }
    return scored.sort((left, right) => right.score - left.score).map((entry) => entry.id);
  }

  private hitsOf(index: MiniSearch<IndexedFact>, word: string): WordHits {
    let hits = this.wordHits.get(word);
    if (hits) {
      this.wordHits.delete(word);
    } else {
      const fast = libraryPatchesActive() ? scoreWord(index as MiniSearch<unknown>, word, { boosts: BOOST_ORDER, prefix: isPrefixTerm(word) }) : null;
      hits = fast ?? fromResults(index.search(word));
      if (this.wordHits.size >= RECENT_WORDS) this.wordHits.delete(this.wordHits.keys().next().value as string);
    }
    this.wordHits.set(word, hits);
    return hits;
  }

  private scan(query: string): string[] {
    const matches = createScanMatcher(query);
    const ids: string[] = [];
    for (const document of this.documents.values()) {
      let text = this.scanText.get(document.id);
      if (text === undefined) {
        text = FIELDS.map((field) => document[field]).join('\n').toLowerCase();
        this.scanText.set(document.id, text);
      }
      if (matches(text)) ids.push(document.id);
    }
    return ids;
  }
}
