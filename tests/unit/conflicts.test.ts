import { describe, expect, it } from 'vitest';
import type { Fact, Source } from '../../electron/shared/entities';
import fc from 'fast-check';
import { CONFLICT_TOLERANCE_DAYS, findConflicts } from '../../electron/core/library/conflicts';
import { toDayRange } from '../../electron/shared/partial-date';
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

  it('flags exactly the facts a comparison of every pair flags', () => {
    // The rule stated plainly, pair by pair: the finder visits pairs in order of start instead.
    const period = (f: Fact, published: string | null) => {
      if (f.asOf) return toDayRange(f.asOf);
      const range = published ? toDayRange(published) : null;
      return range ? { start: -Infinity, end: range.end } : null;
    };
    const naive = (facts: Fact[], sources: Source[]) => {
      const published = new Map(sources.map((s) => [s.id, s.published]));
      const flagged = new Set<string>();
      for (const a of facts) {
        for (const b of facts) {
          if (a === b || a.indicator === null || a.value === null || b.value === null || a.indicator !== b.indicator || a.value === b.value || a.unit !== b.unit) continue;
          const pa = period(a, published.get(a.sourceId) ?? null);
          const pb = period(b, published.get(b.sourceId) ?? null);
          const [sa, ea] = pa ? [pa.start - CONFLICT_TOLERANCE_DAYS, pa.end] : [-Infinity, Infinity];
          const [sb, eb] = pb ? [pb.start - CONFLICT_TOLERANCE_DAYS, pb.end] : [-Infinity, Infinity];
          if (sa <= eb && sb <= ea) flagged.add(a.id).add(b.id);
        }
      }
      return flagged;
    };
    const date = fc.option(fc.tuple(fc.integer({ min: 2019, max: 2026 }), fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined })).map(([y, m]) => (m ? `${y}-${String(m).padStart(2, '0')}` : String(y))), { nil: null });
    fc.assert(
      fc.property(
        fc.array(fc.record({ value: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }), asOf: date, source: fc.constantFrom('a', 'b', 'c'), indicator: fc.constantFrom('x', 'y'), unit: fc.constantFrom('people', '%') }), { maxLength: 25 }),
        (rows) => {
          const sources = [source('a', '2024-06-01'), source('b', null), source('c', '2021')];
          const facts = rows.map((row, i) => fact(`f${i}`, row.source, row.value, row.asOf, row.indicator, row.unit));
          const found = new Set(findConflicts(facts, sources).flatMap((group) => group.factIds));
          expect(found).toEqual(naive(facts, sources));
        },
      ),
      { numRuns: 500 },
    );
  });
});
