import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { isPrefixTerm, queryWords } from '../../../electron/core/library/search-scan';
import { scoreWord } from '../../../electron/patches/minisearch-word-scores';
import { loadSeedLibrary } from '../../../electron/adapters/store/seed-files';

/**
 * scoreWord must give what MiniSearch's own `search(word)` gives: the same facts, in the same
 * order, with the same scores, to the last bit, after any sequence of edits.
 */

const FIELDS = ['statement', 'quote', 'source', 'tags'] as const;
const BOOST = { statement: 2, tags: 1.5 };
const boosts = FIELDS.map((field) => [field, (BOOST as Record<string, number>)[field] ?? 1] as const);

type Doc = { id: string } & Record<(typeof FIELDS)[number], string>;

/** Facts cut from the seed documents' text: real words, many shared prefixes, varied lengths. */
const corpus = (): Doc[] => {
  const seeded = loadSeedLibrary();
  const words = seeded.sources.flatMap((source) => source.text.split(/\s+/).filter(Boolean));
  const docs: Doc[] = [];
  for (let i = 0; i < 3000; i += 1) {
    const start = (i * 7919) % Math.max(1, words.length - 40);
    const length = 5 + ((i * 31) % 30);
    const fact = seeded.facts[i % seeded.facts.length]!;
    docs.push({ id: `f${i}`, statement: words.slice(start, start + length).join(' '), quote: i % 3 ? fact.quote : '', source: seeded.sources[i % seeded.sources.length]!.title, tags: fact.tags.join(' ') });
  }
  return docs;
};

const build = (docs: Doc[]) => {
  const index = new MiniSearch<Doc>({ fields: [...FIELDS], storeFields: [], searchOptions: { prefix: isPrefixTerm, combineWith: 'AND', boost: BOOST } });
  index.addAll(docs);
  return index;
};

/** Every word of the corpus cut to 1, 2, 3 letters and whole: broad prefixes and exact words. */
const probes = (docs: Doc[]): string[] => {
  const all = new Set<string>();
  for (const doc of docs.slice(0, 200)) {
    for (const word of queryWords(doc.statement)) {
      for (const cut of [1, 2, 3, word.length]) all.add(word.slice(0, cut));
    }
  }
  return [...all].sort();
};

describe('scoreWord', () => {
  const docs = corpus();

  it('gives MiniSearch search results exactly: the same facts, order and scores', () => {
    const index = build(docs);
    const words = probes(docs);
    expect(words.length).toBeGreaterThan(300);
    let broad = 0;
    for (const word of words) {
      const expected = index.search(word);
      const actual = scoreWord(index as MiniSearch<unknown>, word, { boosts, prefix: isPrefixTerm(word) });
      expect(actual, word).not.toBeNull();
      expect(actual!.ids, word).toEqual(expected.map((result) => result.id));
      expect(actual!.scores, word).toEqual(expected.map((result) => result.score));
      if (expected.length > docs.length / 3) broad += 1;
    }
    expect(broad).toBeGreaterThan(5);
  });

  it('under a seeded sequence of removals, replacements and additions, gives exactly what MiniSearch gives after each edit', () => {
    // Two indexes fed the same edits: one answers with scoreWord, the other with MiniSearch's own
    // search. Edits remove the document as it was indexed (as search-index.ts does), so neither
    // search changes its index and both stay equal.
    const patched = build(docs.slice(0, 1500));
    const stock = build(docs.slice(0, 1500));
    const indexed = new Map(docs.slice(0, 1500).map((doc) => [doc.id, doc] as const));
    const words = probes(docs).filter((_word, i) => i % 7 === 0);
    let seed = 20261204;
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    let next = 1500;
    for (let step = 0; step < 120; step += 1) {
      const ids = [...indexed.keys()];
      const id = ids[random(ids.length)]!;
      const kind = random(3);
      const before = indexed.get(id)!;
      if (kind === 0) {
        patched.remove(before);
        stock.remove(before);
        indexed.delete(id);
      } else if (kind === 1) {
        const after = { ...before, statement: `${before.statement} demining ${docs[random(docs.length)]!.statement}` };
        for (const index of [patched, stock]) {
          index.remove(before);
          index.add(after);
        }
        indexed.set(id, after);
      } else {
        const added = { ...docs[next % docs.length]!, id: `n${next}` };
        next += 1;
        patched.add(added);
        stock.add(added);
        indexed.set(added.id, added);
      }
      for (const word of [words[random(words.length)]!, 'demi', 'mi']) {
        const expected = stock.search(word);
        const actual = scoreWord(patched as MiniSearch<unknown>, word, { boosts, prefix: isPrefixTerm(word) });
        expect(actual, `step ${step} ${word}`).not.toBeNull();
        expect(actual!.ids, `step ${step} ${word}`).toEqual(expected.map((result) => result.id));
        expect(actual!.scores, `step ${step} ${word}`).toEqual(expected.map((result) => result.score));
      }
    }
  });

  it('leaves an index with discarded documents to MiniSearch (null): its scores there depend on the search history', () => {
    const index = build(docs.slice(0, 500));
    for (const doc of docs.slice(0, 50)) index.discard(doc.id);
    expect(scoreWord(index as MiniSearch<unknown>, 'mine', { boosts, prefix: true })).toBeNull();
  });

  it('declines (null) an index whose internals it does not know, so the caller asks MiniSearch', () => {
    expect(scoreWord({ search: () => [] } as unknown as MiniSearch<unknown>, 'mine', { boosts, prefix: true })).toBeNull();
  });
});
