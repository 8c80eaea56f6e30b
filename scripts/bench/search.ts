import { LibraryState } from '../../electron/core/library/library-state';
import type { StoreDocument } from '../../electron/core/store/document';
import type { Store } from '../../electron/core/store/store';
import type { Fact } from '../../electron/shared/entities';
import { median } from './stats';

const PLACES = ['Aghdam', 'Fuzuli', 'Jabrayil', 'Zangilan', 'Gubadli', 'Lachin', 'Kalbajar', 'Shusha', 'Khojavend', 'Tartar', 'Barda', 'Agdere'];

/**
 * A library of `count` facts shaped like the seeded ones: each is a seeded statement and quote
 * with its own number, place and year, so words are as varied as in a real library.
 */
const syntheticLibrary = (seeded: StoreDocument, count: number): StoreDocument => {
  const facts: Fact[] = [];
  for (let index = 0; index < count; index += 1) {
    const template = seeded.facts[index % seeded.facts.length]!;
    const place = PLACES[index % PLACES.length]!;
    const year = 2000 + (index % 26);
    facts.push({
      ...template,
      id: `fact-bench-${index}`,
      statement: `${template.statement} (${place}, ${year}, record ${index})`,
      quote: `${template.quote} [${place} ${index}]`,
      quoteStart: null,
      value: template.value === null ? null : template.value + index,
      tags: [...template.tags, place],
      indicator: template.indicator ? `${template.indicator}-${index % 40}` : null,
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
  const queries = ['cas', 'casu', 'casualties agh', 'hect', 'landm fuz', 'foreign fund', 'anama', 'rem', 'survey', 'donat'];
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
