/**
 * The library at 100,000 facts, as the user meets it: a store file of that size on disk, opened by
 * openApp, and every figure taken through the real dispatch ('facts:search', 'library:facets'),
 * with views, filters and conflict badges, not the bare index.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../../electron/adapters/app/open-app';
import { STORE_FILE_NAME } from '../../electron/adapters/store/json-store';
import type { LibraryFile } from '../../electron/core/store/library-file';
import type { Fact } from '../../electron/shared/entities';
import { call } from './fixtures';
import { median } from './stats';

const PLACES = ['Aghdam', 'Fuzuli', 'Jabrayil', 'Zangilan', 'Gubadli', 'Lachin', 'Kalbajar', 'Shusha', 'Khojavend', 'Tartar', 'Barda', 'Agdere'];

/**
 * The worst case: the 63 seeded statements and quotes repeated (each with its own number, place
 * and year), so every common word of the seed is in thousands of facts: "Azerbaijan" in nearly
 * all of them, "mine" in most.
 */
const repeatedLibrary = (seeded: LibraryFile, count: number): LibraryFile => {
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
      asOf: template.asOf ?? `${year}-0${1 + (index % 9)}`,
      tags: [...template.tags, place],
      indicator: template.indicator,
    });
  }
  return { ...seeded, facts };
};

/** A deterministic PRNG (mulberry32), so every run searches the same library. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/**
 * A varied library: each fact is a run of 10–30 consecutive words taken at random from the five
 * seed documents, so words occur as often as they do in those texts rather than once per copy of
 * a seeded statement; tags, places, years and indicators as in the seed.
 */
const variedLibrary = (seeded: LibraryFile, count: number): LibraryFile => {
  const words = seeded.sources.flatMap((source) => source.text.split(/\s+/).filter(Boolean));
  const next = random(2026);
  const facts: Fact[] = [];
  for (let index = 0; index < count; index += 1) {
    const template = seeded.facts[index % seeded.facts.length]!;
    const length = 10 + Math.floor(next() * 21);
    const start = Math.floor(next() * Math.max(1, words.length - length));
    const text = words.slice(start, start + length).join(' ');
    const place = PLACES[Math.floor(next() * PLACES.length)]!;
    const year = 2000 + Math.floor(next() * 26);
    facts.push({
      ...template,
      id: `fact-bench-${index}`,
      statement: `${text} (${place}, ${year})`,
      quote: text,
      quoteStart: null,
      value: template.value === null ? null : Math.round(next() * 100_000),
      asOf: `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}`,
      tags: [...template.tags, place],
    });
  }
  return { ...seeded, facts };
};

export type SearchCorpus = 'repeated' | 'varied';

export interface SearchBench {
  corpus: SearchCorpus;
  facts: number;
  storeMb: number;
  /** openApp on the 100k store: read, parse, validate. */
  openMs: number;
  /** The first 'facts:search' after opening (the empty query: the list the Library shows first). */
  firstListMs: number;
  /** The first typed query after opening. */
  firstQueryMs: number;
  /** Typed queries answered before the index is ready (a scan of the facts). */
  scanQueryMedianMs: number;
  /** From the end of openApp until queries are answered by the index, or null if not within 3 minutes. */
  indexMs: number | null;
  /** 'facts:search' with no text (newest first), warm. */
  listMedianMs: number;
  /** Typed prefix queries, as the search box sends them (one per word typed, debounced). */
  queryMedianMs: number;
  queryP95Ms: number;
  /** A tag filter plus a date range, no text. */
  filterMedianMs: number;
  /** The first query after a fact was edited. */
  afterEditMs: number;
  /** How many distinct typed queries the median and p95 are over. */
  typedQueries: number;
  facetsMs: number;
}

const PHRASES = ['casualties agh', 'hectares', 'landmine fuzuli', 'foreign funding', 'anama', 'remaining', 'survey', 'donations', 'mine clearance', 'ceasefire'];
/**
 * What the search box sends while these are typed: every prefix from two letters on (the box
 * waits 120 ms after the last key, so a typist sends fewer). Each is asked once: repeats would be
 * answered from the host's cache of recent queries.
 */
const TYPED = [...new Set(PHRASES.flatMap((phrase) => Array.from({ length: phrase.length - 1 }, (_, i) => phrase.slice(0, i + 2).trimEnd())))];
/** First queries, asked while the index is still being built. */
const EARLY = ['ca', 'mine', 'anama', 'hectares'];

const timedCall = async (dispatch: Awaited<ReturnType<typeof openApp>>['dispatch'], channel: string, input: unknown): Promise<number> => {
  const started = performance.now();
  await call(dispatch, channel, input);
  return performance.now() - started;
};

export const benchSearch = async (seeded: LibraryFile, count: number, corpus: SearchCorpus): Promise<SearchBench> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dossier-bench-search-'));
  try {
    const text = JSON.stringify(corpus === 'repeated' ? repeatedLibrary(seeded, count) : variedLibrary(seeded, count));
    writeFileSync(join(dataDir, STORE_FILE_NAME), text);
    let started = performance.now();
    const app = await openApp(dataDir);
    const openMs = performance.now() - started;
    const { dispatch } = app;
    const opened = performance.now();
    const firstListMs = await timedCall(dispatch, 'facts:search', { limit: 50 });
    const firstQueryMs = await timedCall(dispatch, 'facts:search', { query: 'casualties', limit: 50 });
    const scans: number[] = [];
    for (const query of EARLY) scans.push(await timedCall(dispatch, 'facts:search', { query, limit: 50 }));
    let indexMs: number | null = null;
    while (performance.now() - opened < 180_000) {
      const probe = await call<{ indexing: boolean }>(dispatch, 'facts:search', { query: 'zzzq', limit: 1 });
      if (!probe.indexing) {
        indexMs = performance.now() - opened;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const list: number[] = [];
    const queries: number[] = [];
    const filters: number[] = [];
    const slowest: [string, number][] = [];
    for (const query of TYPED) {
      const took = await timedCall(dispatch, 'facts:search', { query, limit: 50 });
      queries.push(took);
      slowest.push([query, Math.round(took)]);
    }
    if (process.env.DOSSIER_BENCH_VERBOSE) console.error(slowest.sort((a, b) => b[1] - a[1]).slice(0, 12));
    for (let round = 0; round < 3; round += 1) {
      list.push(await timedCall(dispatch, 'facts:search', { limit: 50 }));
      filters.push(await timedCall(dispatch, 'facts:search', { tags: ['Aghdam'], from: `${2020 + round}`, to: '2024', limit: 50 }));
    }
    // After an edit: the first list and query pay for what the edit made stale (conflicts, order).
    const template = seeded.facts.find((fact) => fact.indicator === 'casualties-since-2020')!;
    await call(dispatch, 'facts:create', { sourceId: template.sourceId, statement: `${template.statement} (re-entered)`, value: 1, unit: template.unit, asOf: template.asOf, quote: template.quote, tags: template.tags, indicator: template.indicator, supersededBy: null, note: '' });
    const afterEditMs = await timedCall(dispatch, 'facts:search', { query: 'casualties', limit: 50 });
    started = performance.now();
    await call(dispatch, 'library:facets', undefined);
    const facetsMs = performance.now() - started;
    await app.store.flush();
    queries.sort((left, right) => left - right);
    return {
      corpus,
      facts: count,
      storeMb: Math.round(text.length / 104857.6) / 10,
      openMs,
      firstListMs,
      firstQueryMs,
      scanQueryMedianMs: median(scans),
      indexMs,
      listMedianMs: median(list),
      queryMedianMs: median(queries),
      queryP95Ms: queries[Math.floor(queries.length * 0.95)]!,
      filterMedianMs: median(filters),
      afterEditMs,
      typedQueries: queries.length,
      facetsMs,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
};
