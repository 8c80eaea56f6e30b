import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateWindow, OrderedFacts, passesFilter, type FactFilter } from '../../../../electron/core/library/fact-filter';
import { toDayRange } from '../../../../electron/shared/partial-date';
import { makeFact } from '../../../helpers/entities';

const TAGS = ['Aghdam', 'Fuzuli', 'funding', 'casualties', 'Shusha'];
const SOURCES = ['s1', 's2', 's3'];
const INDICATORS = ['casualties-since-2020', 'contaminated-area'];
const DATES = ['2021', '2023-05', '2023-05-17', '2024-12-31', '2025', '2025-02'];
const PUBLISHED: Record<string, string | null> = { s1: '2024-03-01', s2: null, s3: '2025' };

const factArbitrary = fc.record({
  tags: fc.subarray(TAGS),
  sourceId: fc.constantFrom(...SOURCES),
  indicator: fc.option(fc.constantFrom(...INDICATORS), { nil: null }),
  asOf: fc.option(fc.constantFrom(...DATES), { nil: null }),
});

const filterArbitrary = fc.record({
  tags: fc.subarray(TAGS, { maxLength: 2 }),
  sourceIds: fc.subarray(SOURCES, { maxLength: 2 }),
  indicators: fc.subarray(INDICATORS, { maxLength: 1 }),
  from: fc.option(fc.constantFrom(...DATES), { nil: null }),
  to: fc.option(fc.constantFrom(...DATES), { nil: null }),
  hasConflict: fc.boolean(),
});

describe('OrderedFacts', () => {
  it('keeps exactly the facts the plain filter keeps, in the same order', () => {
    fc.assert(
      fc.property(fc.array(factArbitrary, { maxLength: 60 }), filterArbitrary, (specs, spec) => {
        const facts = specs.map((fields, i) => makeFact({ id: `f${i}`, ...fields }));
        const conflicting = new Set(facts.filter((_, i) => i % 3 === 0).map((fact) => fact.id));
        const filter: FactFilter = {
          tags: new Set(spec.tags),
          sourceIds: new Set(spec.sourceIds),
          indicators: new Set(spec.indicators),
          window: dateWindow(spec.from, spec.to),
          hasConflict: spec.hasConflict,
        };
        const inConflict = (id: string) => conflicting.has(id);
        const expected = facts.filter((fact) => passesFilter(fact, filter, PUBLISHED[fact.sourceId] ?? null, inConflict));
        const actual = new OrderedFacts(facts, (id) => PUBLISHED[id] ?? null).filter(filter, inConflict);
        expect(actual.map((fact) => fact.id)).toEqual(expected.map((fact) => fact.id));
      }),
      { numRuns: 400 },
    );
  });

  it('leaves out facts with no known date when a date range is asked for, and matches any of several tags', () => {
    const facts = [
      makeFact({ id: 'dated', sourceId: 's2', asOf: '2023-05', tags: ['Aghdam'] }),
      makeFact({ id: 'undated', sourceId: 's2', asOf: null, tags: ['Fuzuli'] }),
      makeFact({ id: 'published', sourceId: 's1', asOf: null, tags: ['funding'] }),
    ];
    const ordered = new OrderedFacts(facts, (id) => PUBLISHED[id] ?? null);
    const none = { tags: new Set<string>(), sourceIds: new Set<string>(), indicators: new Set<string>(), hasConflict: false };
    const ids = (filter: FactFilter) => ordered.filter(filter, () => false).map((fact) => fact.id);
    expect(ids({ ...none, window: { start: -Infinity, end: Infinity } })).toEqual(['dated', 'published']);
    expect(ids({ ...none, window: toDayRange('2024')! })).toEqual(['published']);
    expect(ids({ ...none, window: null, tags: new Set(['Aghdam', 'Fuzuli']) })).toEqual(['dated', 'undated']);
  });
});
