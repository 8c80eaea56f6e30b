import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { isPrefixTerm, queryWords } from '../../electron/core/library/search-scan';
import { scoreWord } from '../../electron/core/library/search-word-scores';
import { loadSeedDocument } from '../../electron/core/node/seeds';

/**
 * scoreWord must give what MiniSearch's own `search(word)` gives: the same facts, in the same
 * order, with the same scores (to the last bit on an index without removals).
 */

const FIELDS = ['statement', 'quote', 'source', 'tags'] as const;
const BOOST = { statement: 2, tags: 1.5 };
const boosts = FIELDS.map((field) => [field, (BOOST as Record<string, number>)[field] ?? 1] as const);

type Doc = { id: string } & Record<(typeof FIELDS)[number], string>;

/** Facts cut from the seed documents' text: real words, many shared prefixes, varied lengths. */
const corpus = (): Doc[] => {
  const seeded = loadSeedDocument();
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

  it('after removals and replacements, still finds exactly the facts MiniSearch finds', () => {
    const index = build(docs);
    for (const doc of docs.slice(0, 400)) index.discard(doc.id);
    for (const doc of docs.slice(400, 500)) index.replace({ ...doc, statement: `${doc.statement} demining` });
    for (const word of ['de', 'demi', 'mine', 'mi', 'azer', 'a', 'casualties']) {
      const expected = index.search(word).map((result) => result.id).sort();
      const actual = scoreWord(index as MiniSearch<unknown>, word, { boosts, prefix: isPrefixTerm(word) })!;
      expect([...actual.ids].sort(), word).toEqual(expected);
      expect(actual.ids.some((id) => Number(id.slice(1)) < 400), word).toBe(false);
    }
  });

  it('declines (null) an index whose internals it does not know, so the caller asks MiniSearch', () => {
    expect(scoreWord({ search: () => [] } as unknown as MiniSearch<unknown>, 'mine', { boosts, prefix: true })).toBeNull();
  });
});
