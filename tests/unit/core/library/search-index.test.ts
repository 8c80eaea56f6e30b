import { describe, expect, it } from 'vitest';
import { FactSearchIndex, SYNC_INDEX_LIMIT } from '../../../../electron/core/library/search-index';
import { createScanMatcher } from '../../../../electron/core/library/search-scan';
import { loadSeedLibrary } from '../../../../electron/adapters/store/seed-files';
import type { Fact, Source } from '../../../../electron/shared/entities';
import { makeFact, makeSource } from '../../../helpers/entities';

const source: Source = makeSource({ id: 's', type: 'report', title: 'Jordan Daily report', outlet: 'Jordan Daily' });
const fact = (id: string, statement: string, tags: string[] = []): Fact => makeFact({ id, sourceId: 's', statement, tags });

describe('fact search index', () => {
  const make = () => new FactSearchIndex(() => source, () => undefined);
  const ids = (index: FactSearchIndex, query: string) => index.search(query).ids;

  it('matches word prefixes as the user types, all words required', () => {
    const index = make();
    index.rebuild([fact('a', 'Cleared 166,000 hectares of land'), fact('b', 'Casualties since the ceasefire')]);
    expect(ids(index, 'hect')).toEqual(['a']);
    expect(ids(index, 'cas cease')).toEqual(['b']);
    expect(ids(index, 'hect cease')).toEqual([]);
  });

  it('searches source names and tags', () => {
    const index = make();
    index.rebuild([fact('a', 'x', ['funding'])]);
    expect(ids(index, 'jord')).toEqual(['a']);
    expect(ids(index, 'fund')).toEqual(['a']);
  });

  it('follows edits and removals', () => {
    const index = make();
    index.rebuild([fact('a', 'alpha')]);
    index.upsert(fact('a', 'bravo'));
    index.upsert(fact('c', 'charlie'));
    expect(ids(index, 'alph')).toEqual([]);
    expect(ids(index, 'brav')).toEqual(['a']);
    index.remove('a');
    expect(ids(index, 'brav')).toEqual([]);
    expect(ids(index, 'char')).toEqual(['c']);
  });

  it('matches one-letter words whole, and prefixes from the second letter', () => {
    const index = make();
    index.rebuild([fact('a', 'Plan B for the clearance'), fact('b', 'Budget cut')]);
    expect(ids(index, 'b')).toEqual(['a']);
    expect(ids(index, 'bu')).toEqual(['b']);
  });

  it('answers while a large library is indexed in the background, then from the index, edits included', async () => {
    const index = make();
    const many = Array.from({ length: SYNC_INDEX_LIMIT + 1 }, (_, i) => fact(`f${i}`, i % 2 ? `Hectares cleared in ${i}` : `Casualties in ${i}`, i === 7 ? ['Ağdam'] : []));
    index.rebuild(many);
    expect(index.ready).toBe(false);
    const scanned = index.search('hect');
    expect(scanned.ranked).toBe(false);
    expect(scanned.ids).toHaveLength(Math.floor((SYNC_INDEX_LIMIT + 1) / 2));
    expect(index.search('ağd').ids).toEqual(['f7']);
    expect(index.search('casualties 4').ids).toEqual(['f4']);
    // Edits during the build reach the index once it is ready.
    index.upsert(fact('f1', 'Renamed survey'));
    index.remove('f3');
    index.upsert(fact('new', 'Hectares surveyed'));
    expect(index.search('renamed').ids).toEqual(['f1']);
    await index.whenReady();
    expect(index.ready).toBe(true);
    const indexed = index.search('hect');
    expect(indexed.ranked).toBe(true);
    expect(new Set(indexed.ids)).toEqual(new Set([...scanned.ids.filter((id) => id !== 'f1' && id !== 'f3'), 'new']));
    expect(index.search('renamed').ids).toEqual(['f1']);
    expect(index.search('ağd').ids).toEqual(['f7']);
  });

  it('finds with the index exactly what the scan finds, for one word or several, before and after edits', () => {
    const seeded = loadSeedLibrary();
    const sources = new Map(seeded.sources.map((item) => [item.id, item]));
    const indicators = new Map(seeded.indicators.map((item) => [item.key, item]));
    const index = new FactSearchIndex((id) => sources.get(id), (key) => indicators.get(key));
    index.rebuild(seeded.facts);
    const texts = new Map(
      seeded.facts.map((item) => {
        const source = sources.get(item.sourceId);
        const indicator = item.indicator ? indicators.get(item.indicator) : undefined;
        const fields = [item.statement, item.quote, [source?.title, source?.outlet, source?.via].filter(Boolean).join(' '), item.tags.join(' '), [item.indicator, indicator?.label].filter(Boolean).join(' '), item.value === null ? '' : String(item.value)];
        return [item.id, fields.join('\n').toLowerCase()] as const;
      }),
    );
    const scanned = (query: string) => {
      const matches = createScanMatcher(query);
      return new Set([...texts].filter(([, text]) => matches(text)).map(([id]) => id));
    };
    const queries = ['mine', 'mine cas', 'mine casualties 2020', 'cas 2020 ceasefire', 'hect', 'foreign fund', 'jordan 4', '4.9', 'azerbaijan mine victims', 'ana', 'a', 'zzz mine'];
    for (const query of queries) expect(new Set(ids(index, query)), query).toEqual(scanned(query));
    // Word matches kept from those queries must not outlive an edit.
    const first = seeded.facts[0]!;
    const renamed = { ...first, statement: 'Zebrafish survey of the minefield' };
    index.upsert(renamed);
    texts.set(first.id, texts.get(first.id)!.replace(first.statement.toLowerCase(), renamed.statement.toLowerCase()));
    for (const query of [...queries, 'zebrafish mine']) expect(new Set(ids(index, query)), query).toEqual(scanned(query));
    expect(ids(index, 'zebrafish mine')).toEqual([first.id]);
    const gone = seeded.facts.find((item) => scanned('mine cas').has(item.id) && item.id !== first.id)!;
    index.remove(gone.id);
    texts.delete(gone.id);
    for (const query of queries) expect(new Set(ids(index, query)), `${query} after a removal`).toEqual(scanned(query));
  });
});
