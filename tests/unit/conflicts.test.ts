import { describe, expect, it } from 'vitest';
import type { Fact, Source } from '../../electron/shared/entities';
import { findConflicts } from '../../electron/core/library/conflicts';
import { makeFact, makeSource } from '../helpers/entities';

const source = (id: string, published: string | null): Source => makeSource({ id, title: id, outlet: id, published });
const fact = (id: string, sourceId: string, value: number | null, asOf: string | null, indicator: string | null = 'casualties', unit = 'people'): Fact =>
  makeFact({ id, sourceId, statement: id, value, unit, asOf, indicator });

describe('conflict finder', () => {
  it('flags different values for the same indicator at overlapping times, newest first', () => {
    const sources = [source('a', '2025-12-24'), source('b', null)];
    const groups = findConflicts([fact('f388', 'a', 388, '2025-12'), fact('f415', 'b', 415, '2025-12-31')], sources);
    expect(groups).toEqual([{ indicator: 'casualties', factIds: ['f415', 'f388'], newestFactId: 'f415', values: [415, 388] }]);
  });

  it('treats figures years apart as a series, not a conflict', () => {
    const sources = [source('a', null)];
    expect(findConflicts([fact('old', 'a', 302, '2023-05'), fact('new', 'a', 415, '2025-12-31')], sources)).toEqual([]);
  });

  it('ignores equal values, different indicators, different units and qualitative facts', () => {
    const sources = [source('a', null)];
    expect(
      findConflicts(
        [
          fact('one', 'a', 3400, null),
          fact('two', 'a', 3400, null),
          fact('three', 'a', 11667, null, 'area', 'km²'),
          fact('four', 'a', 14.2, null, 'area', '%'),
          fact('five', 'a', null, null),
          fact('six', 'a', 12, null, null),
        ],
        sources,
      ),
    ).toEqual([]);
  });

  it('an undated figure overlaps every time up to its publication; newest is null when none is dated', () => {
    const sources = [source('a', '2024-01-01'), source('b', null)];
    const groups = findConflicts([fact('early', 'a', 1, null), fact('undated', 'b', 2, null), fact('later', 'a', 3, '2025-06')], sources);
    expect(groups[0]!.factIds).toEqual(['later', 'early', 'undated']);
    expect(findConflicts([fact('x', 'b', 4.8, null), fact('y', 'b', 4.9, null)], sources)[0]!.newestFactId).toBeNull();
  });
});
