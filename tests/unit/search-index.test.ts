import { describe, expect, it } from 'vitest';
import { FactSearchIndex, SYNC_INDEX_LIMIT } from '../../electron/core/library/search-index';
import type { Fact, Source } from '../../electron/shared/entities';
import { makeFact, makeSource } from '../helpers/entities';

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
});
