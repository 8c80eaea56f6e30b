import type MiniSearch from 'minisearch';

/**
 * One query word's matches and scores, computed the way MiniSearch 7.2's `search(word)` computes
 * them (exact term, then every longer term it begins when prefix search is on, field by field,
 * BM25+ with the index's field lengths, weighted by field boost and prefix distance), without
 * what `search` builds for each match and we do not use (match and term lists, result objects,
 * stored fields). A word that begins most terms of a 100,000-fact library matches most facts, and
 * those objects were most of the quarter of a second such a word took.
 *
 * Same scores, added in the same order, so the same floating-point values; ties keep the order in
 * which MiniSearch first meets each fact (its sort is stable). An index with discarded documents
 * not yet vacuumed is left to MiniSearch (null): it drops their postings as it meets them and
 * counts them out of a term's frequency from then on, so its scores there depend on the search
 * history. (search-index.ts removes documents instead of discarding them, so this does not arise.)
 *
 * This reads MiniSearch's internal index (the version is pinned in package.json); when its shape
 * is not the one expected, `scoreWord` returns null and the caller asks MiniSearch itself.
 */

type FieldPostings = Map<number, Map<number, number>>;

interface Internals {
  _index: { get(term: string): FieldPostings | undefined; atPrefix(prefix: string): Iterable<[string, FieldPostings]> };
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _fieldLength: Map<number, number[]>;
  _documentIds: Map<number, unknown>;
  _documentCount: number;
  _nextId: number;
  _dirtCount: number;
}

export interface WordScoreOptions {
  /** Field name → boost, in the order MiniSearch iterates fields (its `fields` option). */
  boosts: ReadonlyArray<readonly [string, number]>;
  prefix: boolean;
}

export interface WordScores {
  /** Matching document ids, best first. */
  ids: string[];
  scores: number[];
  /** The same matches by MiniSearch's internal number, and each number's score (0: no match), for phrases. */
  internal?: { numbers: number[]; scoreOf: Float64Array };
}

/** MiniSearch's defaults (`bm25` and `weights.prefix`), which the index does not override. */
const K = 1.2;
const B = 0.7;
const D = 0.5;
const PREFIX_WEIGHT = 0.375;

const looksLikeMiniSearch7 = (index: Partial<Internals>): index is Internals =>
  typeof index._index?.get === 'function' &&
  typeof index._index.atPrefix === 'function' &&
  typeof index._fieldIds === 'object' &&
  Array.isArray(index._avgFieldLength) &&
  index._fieldLength instanceof Map &&
  index._documentIds instanceof Map &&
  typeof index._documentCount === 'number' &&
  typeof index._nextId === 'number' &&
  typeof index._dirtCount === 'number';

/** Which documents are live and their field lengths, by MiniSearch's number: arrays, not map lookups per posting. */
interface Tables {
  nextId: number;
  documentCount: number;
  live: Uint8Array;
  /** By field id, then document number. */
  lengths: Float64Array[];
}

const tablesByIndex = new WeakMap<object, Tables>();

/** Built once per state of the index: any add moves `_nextId`, any removal `_documentCount`. */
const tablesOf = (index: Internals): Tables => {
  const known = tablesByIndex.get(index);
  if (known && known.nextId === index._nextId && known.documentCount === index._documentCount) return known;
  const size = index._nextId + 1;
  const live = new Uint8Array(size);
  const lengths = Object.values(index._fieldIds).map(() => new Float64Array(size));
  for (const docId of index._documentIds.keys()) live[docId] = 1;
  for (const [docId, perField] of index._fieldLength) {
    for (let field = 0; field < perField.length; field += 1) if (lengths[field]) lengths[field]![docId] = perField[field]!;
  }
  const tables = { nextId: index._nextId, documentCount: index._documentCount, live, lengths };
  tablesByIndex.set(index, tables);
  return tables;
};

export const scoreWord = (search: MiniSearch<unknown>, word: string, options: WordScoreOptions): WordScores | null => {
  const index = search as unknown as Partial<Internals>;
  if (!looksLikeMiniSearch7(index) || index._dirtCount !== 0) return null;
  const { live, lengths } = tablesOf(index);
  const scores = new Float64Array(index._nextId + 1);
  const seen = new Uint8Array(index._nextId + 1);
  const order: number[] = [];
  const documentCount = index._documentCount;

  let stale = false;
  const add = (postings: FieldPostings | undefined, weight: number): void => {
    if (!postings || stale) return;
    for (const [field, boost] of options.boosts) {
      const fieldId = index._fieldIds[field];
      if (fieldId === undefined) continue;
      const frequencies = postings.get(fieldId);
      if (!frequencies) continue;
      const matching = frequencies.size;
      const inverseFrequency = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5));
      const average = index._avgFieldLength[fieldId]!;
      const fieldLengths = lengths[fieldId];
      if (!fieldLengths) continue;
      for (const [docId, termFrequency] of frequencies) {
        if (!live[docId]) {
          stale = true; // a posting MiniSearch would drop as it scores: leave the word to it
          return;
        }
        const fieldLength = fieldLengths[docId]!;
        const raw = inverseFrequency * (D + (termFrequency * (K + 1)) / (termFrequency + K * (1 - B + (B * fieldLength) / average)));
        // MiniSearch's product, in its order: termWeight * termBoost * fieldBoost * docBoost * rawScore.
        const weighted = weight * 1 * boost * 1 * raw;
        if (seen[docId]) {
          scores[docId] = scores[docId]! + weighted;
        } else {
          seen[docId] = 1;
          scores[docId] = weighted;
          order.push(docId);
        }
      }
    }
  };

  add(index._index.get(word), 1);
  if (options.prefix) {
    for (const [term, postings] of index._index.atPrefix(word)) {
      const distance = term.length - word.length;
      if (!distance) continue;
      add(postings, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance));
    }
  }
  if (stale) return null;
  // Array#sort is stable: equal scores keep the order of first match, as in MiniSearch.
  order.sort((left, right) => scores[right]! - scores[left]!);
  return { ids: order.map((docId) => String(index._documentIds.get(docId))), scores: order.map((docId) => scores[docId]!), internal: { numbers: order, scoreOf: scores } };
};
