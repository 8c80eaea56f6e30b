import { LibraryState } from '../../electron/core/library/library-state';
import type { StoreDocument } from '../../electron/core/store/document';
import type { Store } from '../../electron/core/store/store';
import type { Fact } from '../../electron/shared/entities';
import { median } from './stats';

const WORDS = ['casualties', 'hectares', 'landmines', 'clearance', 'funding', 'Karabakh', 'Aghdam', 'survey', 'victims', 'contamination', 'donor', 'ceasefire', 'released', 'explosive', 'remnants'];

/** A library of `count` facts over the seeded sources, with varied realistic words. */
const syntheticLibrary = (seeded: StoreDocument, count: number): StoreDocument => {
  const template = seeded.facts[0]!;
  const facts: Fact[] = [];
  for (let index = 0; index < count; index += 1) {
    const word = (offset: number) => WORDS[(index * 7 + offset * 13) % WORDS.length]!;
    facts.push({
      ...template,
      id: `fact-bench-${index}`,
      sourceId: seeded.sources[index % seeded.sources.length]!.id,
      statement: `${index} ${word(1)} recorded in ${word(2)} district ${index % 97} (${word(3)})`,
      quote: `In district ${index % 97}, ${index} ${word(1)} and ${word(4)} were reported.`,
      quoteStart: null,
      value: index,
      tags: [word(5), word(6)],
      indicator: `indicator-${index % 40}`,
    });
  }
  return { ...seeded, facts };
};

/** A store that holds a document in memory only: the search index is what is measured here. */
const memoryStore = (document: StoreDocument): Store => ({
  path: ':memory:',
  state: () => ({ state: 'ready', path: ':memory:', schemaVersion: document.schemaVersion }),
  lastWrite: () => ({ state: 'idle', at: null, message: null }),
  read: () => document,
  mutate: async (change) => change(document),
  startFresh: async () => {},
  backups: async () => [],
  backupProblem: () => null,
  restoreBackup: async () => {},
  flush: async () => {},
});

export interface SearchBench {
  facts: number;
  buildMs: number;
  queryMedianMs: number;
  queryP95Ms: number;
  conflictsMs: number;
}

/** Builds the real search index over `count` facts and times typed prefix queries against it. */
export const benchSearch = (seeded: StoreDocument, count: number): SearchBench => {
  const document = syntheticLibrary(seeded, count);
  const state = new LibraryState(memoryStore(document));
  let started = performance.now();
  state.current();
  const buildMs = performance.now() - started;
  const queries = ['cas', 'casu', 'casualties agh', 'hect', 'land kara', 'fund', 'district 4', 'rem', 'survey ceas', 'donor'];
  const times: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    for (const query of queries) {
      started = performance.now();
      state.search(query);
      times.push(performance.now() - started);
    }
  }
  started = performance.now();
  state.conflictGroups();
  const conflictsMs = performance.now() - started;
  times.sort((left, right) => left - right);
  return { facts: count, buildMs, queryMedianMs: median(times), queryP95Ms: times[Math.floor(times.length * 0.95)]!, conflictsMs };
};
