import { describe, expect, it } from 'vitest';
import type { Fact, Indicator, Source } from '../../../../electron/shared/entities';
import fc from 'fast-check';
import { findConflicts } from '../../../../electron/core/library/conflicts';
import { figurePeriod, isCumulativeIndicator, relateFigures } from '../../../../electron/core/library/figure-periods';
import { makeFact, makeSource } from '../../../helpers/entities';

const source = (id: string, published: string | null): Source => makeSource({ id, title: id, outlet: id, published });
const fact = (id: string, sourceId: string, value: number | null, asOf: string | null, indicator: string | null = 'casualties', unit = 'people', supersededBy: string | null = null): Fact =>
  makeFact({ id, sourceId, statement: id, value, unit, asOf, indicator, supersededBy });
/** A running total, as its label says, and a stock measured at a time. */
const indicators: Indicator[] = [
  { key: 'casualties', label: 'Mine casualties since the November 2020 ceasefire', unit: 'people' },
  { key: 'share', label: 'Foreign assistance as a share of demining resources', unit: '%' },
];
const conflicts = (facts: Fact[], sources: Source[]) => findConflicts(facts, sources, indicators);

describe('cumulative indicators', () => {
  it('are read from the label: “since”, “to date”', () => {
    expect(isCumulativeIndicator('casualties', indicators[0])).toBe(true);
    expect(isCumulativeIndicator('victims', { label: 'Mine victims in Azerbaijan to date' })).toBe(true);
    expect(isCumulativeIndicator('share', indicators[1])).toBe(false);
  });

  it('compare by their end date: a year and its last day are the same count, its middle is not', () => {
    const year = figurePeriod({ asOf: '2025' }, null, true);
    expect(relateFigures(year, figurePeriod({ asOf: '2025-12-31' }, null, true))).toBe('same-period');
    expect(relateFigures(year, figurePeriod({ asOf: '2025-06' }, null, true))).toBe('series');
    // A stock measured "in 2025" and "in June 2025" may be the same measurement.
    expect(relateFigures(figurePeriod({ asOf: '2025' }, null, false), figurePeriod({ asOf: '2025-06' }, null, false))).toBe('same-period');
  });

  it('end no later than their publication: “December 2025” in a text of 24 December ends on the 24th', () => {
    expect(figurePeriod({ asOf: '2025-12' }, '2025-12-24', true)).toEqual(figurePeriod({ asOf: '2025-12-24' }, null, true));
  });
});

describe('conflict finder', () => {
  it('a running total counted to different days is a series, not a conflict (302 → 388 → 415)', () => {
    // The National Interest (published 24 Dec 2025): 388 "since November 2020"; the Mine action
    // page: 415 "until 31 December 2025"; Enveroglu, May 2023: 302.
    const sources = [source('tni', '2025-12-24'), source('mine-action', null), source('enveroglu', '2023-05-27')];
    const facts = [fact('f302', 'enveroglu', 302, '2023-05'), fact('f388', 'tni', 388, '2025-12'), fact('f415', 'mine-action', 415, '2025-12-31')];
    expect(conflicts(facts, sources)).toEqual([]);
  });

  it('flags different values counted to the same day, newest first', () => {
    const sources = [source('a', null), source('b', null)];
    const groups = conflicts([fact('f409', 'a', 409, '2025-12-31'), fact('f415', 'b', 415, '2025-12-31'), fact('f302', 'a', 302, '2023-05')], sources);
    expect(groups).toEqual([{ indicator: 'casualties', factIds: ['f409', 'f415'], newestFactId: 'f409', values: [409, 415] }]);
  });

  it('two undated figures that differ disagree; an undated figure is not set against a dated one', () => {
    const sources = [source('a', null), source('b', null)];
    expect(conflicts([fact('x', 'a', 4.8, null, 'share', '%'), fact('y', 'b', 4.9, null, 'share', '%')], sources)).toEqual([
      { indicator: 'share', factIds: ['x', 'y'], newestFactId: null, values: [4.8, 4.9] },
    ]);
    expect(conflicts([fact('undated', 'a', 409, null), fact('dated', 'b', 415, '2025-12-31')], sources)).toEqual([]);
  });

  it('a superseded figure was already judged and takes no part', () => {
    const sources = [source('a', null)];
    expect(conflicts([fact('old', 'a', 382, null, 'casualties', 'people', 'new'), fact('other', 'a', 409, null), fact('new', 'a', 415, '2025-12-31')], sources)).toEqual([]);
  });

  it('ignores equal values, different indicators, different units and qualitative facts', () => {
    const sources = [source('a', null)];
    expect(
      conflicts(
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

  it('flags exactly the facts a comparison of every pair flags', () => {
    // The rule stated plainly, pair by pair: the finder visits pairs in order of start instead.
    const naive = (facts: Fact[], sources: Source[]) => {
      const published = new Map(sources.map((s) => [s.id, s.published]));
      const labels = new Map(indicators.map((indicator) => [indicator.key, indicator]));
      const flagged = new Set<string>();
      for (const a of facts) {
        for (const b of facts) {
          if (a === b || a.indicator === null || a.value === null || b.value === null || a.indicator !== b.indicator || a.value === b.value || a.unit !== b.unit) continue;
          if (a.supersededBy || b.supersededBy) continue;
          const cumulative = isCumulativeIndicator(a.indicator, labels.get(a.indicator));
          const pa = figurePeriod(a, published.get(a.sourceId) ?? null, cumulative);
          const pb = figurePeriod(b, published.get(b.sourceId) ?? null, cumulative);
          if (relateFigures(pa, pb) === 'same-period') flagged.add(a.id).add(b.id);
        }
      }
      return flagged;
    };
    const date = fc.option(fc.tuple(fc.integer({ min: 2019, max: 2026 }), fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined })).map(([y, m]) => (m ? `${y}-${String(m).padStart(2, '0')}` : String(y))), { nil: null });
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            value: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
            asOf: date,
            source: fc.constantFrom('a', 'b', 'c'),
            indicator: fc.constantFrom('casualties', 'share'),
            unit: fc.constantFrom('people', '%'),
            superseded: fc.boolean(),
          }),
          { maxLength: 25 },
        ),
        (rows) => {
          const sources = [source('a', '2024-06-01'), source('b', null), source('c', '2021')];
          const facts = rows.map((row, i) => fact(`f${i}`, row.source, row.value, row.asOf, row.indicator, row.unit, row.superseded && i % 3 === 0 ? 'f0' : null));
          const found = new Set(conflicts(facts, sources).flatMap((group) => group.factIds));
          expect(found).toEqual(naive(facts, sources));
        },
      ),
      { numRuns: 500 },
    );
  });
});
