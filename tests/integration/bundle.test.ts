import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Bundle } from '../../electron/shared/contract/library';
import { openTestApp, type TestApp } from '../helpers/open-test-app';

let source: TestApp;
let target: TestApp;
beforeEach(async () => {
  source = await openTestApp();
  target = await openTestApp({ seedDir: 'tests/fixtures/seeds' });
});
afterEach(() => {
  source.close();
  target.close();
});

const validBundle = async (): Promise<Bundle> => structuredClone(await source.call('bundle:export', {}));

/** Sends a bundle as the renderer would: JSON text parsed on the other side. */
const importText = (app: TestApp, text: string) => app.dispatch('bundle:import', { bundle: JSON.parse(text) });

describe('library bundles', () => {
  it('round-trips the whole library into another one, merging by id', async () => {
    const bundle = await validBundle();
    const first = await target.call('bundle:import', { bundle });
    expect(first.sources.added).toBe(5);
    expect(first.facts.added).toBe(bundle.facts.length);
    const second = await target.call('bundle:import', { bundle });
    expect(second.facts).toEqual({ added: 0, updated: bundle.facts.length });
    const conflicts = await target.call('conflicts:list');
    expect(conflicts.map((conflict) => conflict.indicator)).toContain('foreign-funding-share');
  });

  it('exports a selection with just the sources and indicators it needs', async () => {
    const { items } = await source.call('facts:search', { query: 'hectares' });
    const bundle = await source.call('bundle:export', { factIds: [items[0]!.id] });
    expect(bundle.facts).toHaveLength(1);
    expect(bundle.sources.map((item) => item.id)).toEqual([items[0]!.sourceId]);
  });

  it('keeps HTML and script in text as literal text', async () => {
    const bundle = await validBundle();
    bundle.sources[0]!.title = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    bundle.facts[0]!.note = 'javascript:alert(3)';
    await target.call('bundle:import', { bundle });
    const stored = await target.call('sources:get', { id: bundle.sources[0]!.id });
    expect(stored.title).toBe('<script>alert(1)</script><img src=x onerror=alert(2)>');
  });

  const hostile: [string, (bundle: Bundle) => string, RegExp][] = [
    ['a wrong type', (bundle) => JSON.stringify({ ...bundle, facts: [{ ...bundle.facts[0], value: '388' }] }), /facts\.0\.value/],
    ['a missing field', (bundle) => JSON.stringify({ ...bundle, sources: [{ ...bundle.sources[0], title: undefined }] }), /sources\.0\.title/],
    ['a __proto__ key at the top', (bundle) => JSON.stringify(bundle).replace('{', '{"__proto__":{"polluted":true},'), /__proto__/],
    ['a __proto__ key inside a fact', (bundle) => JSON.stringify(bundle).replace('"facts":[{', '"facts":[{"__proto__":{"isAdmin":true},'), /__proto__/],
    ['a 10 MB string', (bundle) => JSON.stringify({ ...bundle, facts: [{ ...bundle.facts[0], statement: 'x'.repeat(10 * 1024 * 1024) }] }), /facts\.0\.statement.*(big|long|characters)/i],
    ['a fact whose source is nowhere', (bundle) => JSON.stringify({ ...bundle, sources: bundle.sources.slice(1), facts: bundle.facts }), /source .* is neither in the bundle nor in the library/],
    ['a quote not in its source', (bundle) => JSON.stringify({ ...bundle, facts: [{ ...bundle.facts[0], quote: 'invented words' }] }), /quote is not in the text/],
    ['a duplicate id', (bundle) => JSON.stringify({ ...bundle, facts: [bundle.facts[0], bundle.facts[0]] }), /appears twice/],
    ['a foreign format', (bundle) => JSON.stringify({ ...bundle, format: 'something-else' }), /format/],
    ['a javascript: URL', (bundle) => JSON.stringify({ ...bundle, sources: [{ ...bundle.sources[0], url: 'javascript:alert(1)' }, ...bundle.sources.slice(1)] }), /sources\.0\.url/],
  ];

  it.each(hostile)('refuses %s whole, says why, and changes nothing', async (_, make, reason) => {
    const bundle = await validBundle();
    const before = target.storeText();
    const result = await importText(target, make(bundle));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.message).toMatch(/refused and nothing was imported/);
    expect(result.error.message).toMatch(reason);
    expect(result.error.message.length).toBeLessThan(2000);
    expect(target.storeText()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});
