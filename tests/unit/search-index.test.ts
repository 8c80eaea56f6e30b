import { describe, expect, it } from 'vitest';
import { FactSearchIndex } from '../../electron/core/library/search-index';
import type { Fact, Source } from '../../electron/shared/entities';
import { makeFact, makeSource } from '../helpers/entities';

const source: Source = makeSource({ id: 's', type: 'report', title: 'Jordan Daily report', outlet: 'Jordan Daily' });
const fact = (id: string, statement: string, tags: string[] = []): Fact => makeFact({ id, sourceId: 's', statement, tags });

describe('fact search index', () => {
  const make = () => new FactSearchIndex(() => source, () => undefined);

  it('matches word prefixes as the user types, all words required', () => {
    const index = make();
    index.rebuild([fact('a', 'Cleared 166,000 hectares of land'), fact('b', 'Casualties since the ceasefire')]);
    expect(index.search('hect')).toEqual(['a']);
    expect(index.search('cas cease')).toEqual(['b']);
    expect(index.search('hect cease')).toEqual([]);
  });

  it('searches source names and tags', () => {
    const index = make();
    index.rebuild([fact('a', 'x', ['funding'])]);
    expect(index.search('jord')).toEqual(['a']);
    expect(index.search('fund')).toEqual(['a']);
  });

  it('follows edits and removals', () => {
    const index = make();
    index.rebuild([fact('a', 'alpha')]);
    index.upsert(fact('a', 'bravo'));
    index.upsert(fact('c', 'charlie'));
    expect(index.search('alph')).toEqual([]);
    expect(index.search('brav')).toEqual(['a']);
    index.remove('a');
    expect(index.search('brav')).toEqual([]);
    expect(index.search('char')).toEqual(['c']);
  });
});
