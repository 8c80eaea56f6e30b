import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inline, Report } from '../../electron/shared/entities';
import { makeFact, makeReport, makeSource } from '../helpers/entities';
import { openTestApp, type TestApp } from '../helpers/open-test-app';

/**
 * Ids come from users (bundles, report files, chart blocks): they are data, never property names.
 * An id such as "__proto__" or "constructor" used as a key of a plain object reads or replaces
 * Object.prototype's member, and every render of a report citing it failed with INTERNAL.
 */
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).filter((name) => /^[A-Za-z0-9_-]+$/.test(name));

const SOURCE_NAMES = ['valueOf', '__lookupSetter__'];
const FACT_NAMES = PROTOTYPE_NAMES.filter((name) => !SOURCE_NAMES.includes(name));

let app: TestApp;

beforeAll(async () => {
  app = await openTestApp();
  const indicators = PROTOTYPE_NAMES.map((name) => ({ key: name, label: `Indicator ${name}`, unit: 'people' }));
  // Sources and facts share one id space in a bundle: two prototype names for sources, the rest for facts.
  const sources = SOURCE_NAMES.map((name) => makeSource({ id: name, title: `Source named ${name}`, outlet: 'Outlet', published: '2025-01-02' }));
  const facts = FACT_NAMES.map((name, i) => makeFact({ id: name, sourceId: SOURCE_NAMES[i % 2]!, statement: `Figure ${i}`, value: 100 + i, unit: 'people', indicator: name, asOf: '2024' }));
  await app.call('bundle:import', { bundle: { format: 'dossier-library-bundle', version: 1, exportedAt: '2026-01-01T00:00:00.000Z', indicators, sources, facts } });
});

afterAll(() => app.close());

describe('ids named like Object.prototype members', () => {
  it('are in the names drawn from', () => {
    expect(PROTOTYPE_NAMES).toEqual(expect.arrayContaining(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']));
  });

  it('are imported as facts, sources and indicators like any other id', async () => {
    const { facts, missing } = await app.call('reports:facts', { ids: FACT_NAMES });
    expect(missing).toEqual([]);
    expect(facts.map((fact) => fact.id).sort()).toEqual([...FACT_NAMES].sort());
    expect(facts.map((fact) => fact.source.id)).toEqual(expect.arrayContaining(SOURCE_NAMES));
    const conflicts = await app.call('conflicts:list');
    expect(Array.isArray(conflicts)).toBe(true);
  });

  it('render, warn and export in any report that cites them, in paragraphs, key figures, charts and figure references', async () => {
    const store = app.store.read();
    const seedFact = store.facts[0]!.id;
    const name = fc.constantFrom(...PROTOTYPE_NAMES);
    const factName = fc.oneof(fc.constantFrom(...FACT_NAMES), name);
    const inline = fc.oneof(
      fc.record({ kind: fc.constant('fact' as const), factId: fc.oneof(factName, fc.constant(seedFact)) }),
      fc.record({ kind: fc.constant('figure-ref' as const), chartId: name }),
      fc.record({ kind: fc.constant('text' as const), text: fc.constantFrom(' and ', ' so ', ' — ') }),
    );
    const block = fc.oneof(
      fc.record({ kind: fc.constant('paragraph' as const), content: fc.array(inline, { minLength: 1, maxLength: 6 }) }),
      fc.record({ kind: fc.constant('key-figures' as const), items: fc.array(fc.record({ factId: factName, label: fc.constant('Label') }), { minLength: 1, maxLength: 3 }) }),
      fc.record({ kind: fc.constant('chart' as const), chartId: name, width: fc.constantFrom('full' as const, 'half' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(block, { minLength: 1, maxLength: 4 }), fc.constantFrom('chicago' as const, 'apa' as const), async (blocks, style) => {
        const report: Report = makeReport({ id: 'proto-report', citationStyle: style, sections: [{ id: 'constructor', heading: 'Section', blocks: blocks as Report['sections'][number]['blocks'] }] });
        const warnings = await app.dispatch('reports:warnings', { report });
        expect(warnings.ok, JSON.stringify(warnings)).toBe(true);
        const rendered = await app.dispatch('reports:render', { report });
        expect(rendered.ok, JSON.stringify(rendered.ok ? null : rendered.error)).toBe(true);
      }),
      { numRuns: 25, seed: 1104 },
    );
  });

  it('can be cited and charted through the API', async () => {
    const chart = await app.call('charts:create', { type: 'bar-vertical', title: 'Prototype names', factIds: FACT_NAMES.slice(0, 4) });
    const content: Inline[] = [{ kind: 'fact', factId: '__proto__' }, { kind: 'figure-ref', chartId: chart.id }];
    const report = makeReport({ sections: [{ id: 's', heading: 'S', blocks: [{ kind: 'paragraph', content }, { kind: 'chart', chartId: chart.id, width: 'full' }] }] });
    const rendered = await app.call('reports:render', { report });
    expect(rendered.pageCount).toBeGreaterThan(0);
  });
});
