import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FactInput } from '../../electron/shared/contract/library';
import { findConflicts } from '../../electron/core/library/conflicts';
import { openTestApp, type TestApp } from '../helpers/open-test-app';
import { revisionOf } from '../helpers/revisions';

let app: TestApp;
beforeEach(async () => {
  app = await openTestApp();
});
afterEach(() => app.close());

const jordanDaily = 'src-jordan-daily-undated';

const newFact = (overrides: Partial<FactInput> = {}): FactInput => ({
  sourceId: jordanDaily,
  statement: 'Minefield maps submitted by Armenia were only 25% accurate',
  value: 25,
  unit: '%',
  asOf: null,
  quote: 'The maps Armenia eventually submitted under international pressure were only “25 percent accurate,” he added.',
  tags: ['maps'],
  indicator: 'test-map-accuracy',
  supersededBy: null,
  note: '',
  ...overrides,
});

describe('search and filters', () => {
  it('matches prefixes across statement, quote, source and tags', async () => {
    const hectares = await app.call('facts:search', { query: 'hect' });
    expect(hectares.items.map((fact) => fact.value)).toContain(166000);
    const byOutlet = await app.call('facts:search', { query: 'jordan' });
    expect(byOutlet.total).toBeGreaterThan(3);
    expect(byOutlet.items.every((fact) => fact.sourceId === jordanDaily)).toBe(true);
    expect((await app.call('facts:search', { query: 'zzzzqqq' })).total).toBe(0);
  });

  it('filters by tag, source, indicator, date range and conflict', async () => {
    const all = await app.call('facts:search', { limit: 1000 });
    const byTag = await app.call('facts:search', { tags: ['funding'], limit: 1000 });
    expect(byTag.total).toBeGreaterThan(0);
    expect(byTag.items.every((fact) => fact.tags.includes('funding'))).toBe(true);
    const bySource = await app.call('facts:search', { sourceIds: [jordanDaily], limit: 1000 });
    expect(bySource.items.every((fact) => fact.sourceId === jordanDaily)).toBe(true);
    const casualties = await app.call('facts:search', { indicators: ['casualties-since-2020'] });
    expect(casualties.items.map((fact) => fact.value).sort()).toEqual([302, 382, 388, 409, 415]);
    const in2023 = await app.call('facts:search', { from: '2023-01', to: '2023-12', indicators: ['casualties-since-2020'] });
    expect(in2023.items.map((fact) => fact.value)).toEqual([302]);
    const conflicted = await app.call('facts:search', { hasConflict: true, limit: 1000 });
    expect(conflicted.total).toBeGreaterThan(0);
    expect(conflicted.total).toBeLessThan(all.total);
    expect(conflicted.items.every((fact) => fact.inConflict)).toBe(true);
  });

  it('opens a fact with its source text and the quote located in it', async () => {
    const { items } = await app.call('facts:search', { query: '4.9' });
    const fact = items.find((item) => item.value === 4.9)!;
    const detail = await app.call('facts:get', { id: fact.id });
    expect(detail.source.text.slice(detail.fact.quoteStart!, detail.fact.quoteStart! + detail.fact.quote.length)).toBe(detail.fact.quote);
    expect(detail.conflict?.entries.map((entry) => entry.value).sort()).toEqual([4.8, 4.9]);
  });
});

describe('conflicts', () => {
  it('show on first start: only the undated foreign-funding shares disagree; the casualty counts are a series', async () => {
    // Read from the texts: the Embassy release gives 4.8% and the Mine action page 4.9%, neither
    // dated. The casualty counts (302 in May 2023, 388 by 24 Dec 2025, 415 to 31 Dec 2025) are
    // running totals counted to different days, and the undated 382 and 409 are superseded.
    const conflicts = await app.call('conflicts:list');
    expect(conflicts.map((conflict) => conflict.indicator)).toEqual(['foreign-funding-share']);
    expect(conflicts[0]!.entries.map((entry) => entry.value).sort()).toEqual([4.8, 4.9]);
    expect(conflicts[0]!.newestFactId).toBeNull();
    const status = await app.call('app:status');
    expect(status.counts.conflicts).toBe(1);
  });
});

describe('series', () => {
  it('a fact of a dated series shows the series in time order; an undated one none', async () => {
    // Read from the texts: Enveroglu (May 2023) 302, The National Interest via AzerNews
    // (December 2025) 388, the Mine action page 415 "until 31 December 2025".
    const { series } = await app.call('facts:get', { id: 'fact-tni-casualties-since-2020-388' });
    expect(series.map((point) => [point.value, point.date])).toEqual([
      [302, '2023-05'],
      [388, '2025-12'],
      [415, '2025-12-31'],
    ]);
    expect(series[1]!.source).toBe('AzerNews');
    expect((await app.call('facts:get', { id: 'fact-embassy-foreign-funding-4-8' })).series).toEqual([]);
  });
});

describe('conflicts after edits', () => {
  /** What a fresh scan of the stored library finds, in the shape 'conflicts:list' gives. */
  const fresh = () => {
    const document = app.store.read();
    return findConflicts(document.facts, document.sources, document.indicators).map((group) => ({ indicator: group.indicator, factIds: group.factIds, newestFactId: group.newestFactId }));
  };
  const listed = async () =>
    (await app.call('conflicts:list')).map((conflict) => ({ indicator: conflict.indicator, factIds: conflict.entries.map((entry) => entry.factId), newestFactId: conflict.newestFactId }));

  it('are kept up to date indicator by indicator, equal to a fresh scan after every kind of edit', async () => {
    expect(await listed()).toEqual(fresh());
    const casualties = (await app.call('facts:search', { indicators: ['casualties-since-2020'] })).items;
    const victims = (await app.call('facts:search', { indicators: ['cumulative-victims'] })).items;
    // A value edit that ends a disagreement, then one that starts it again.
    for (const fact of victims) await app.call('facts:update', { id: fact.id, revision: fact.revision, changes: { value: 3500 } });
    expect((await listed()).some((conflict) => conflict.indicator === 'cumulative-victims')).toBe(false);
    expect(await listed()).toEqual(fresh());
    await app.call('facts:update', { id: victims[0]!.id, revision: revisionOf(app, 'facts', victims[0]!.id), changes: { value: 3400 } });
    expect(await listed()).toEqual(fresh());
    // A fact moved to another indicator leaves one conflict and may join another.
    await app.call('facts:update', { id: casualties[0]!.id, revision: revisionOf(app, 'facts', casualties[0]!.id), changes: { indicator: 'cumulative-victims' } });
    expect(await listed()).toEqual(fresh());
    // A new figure, a deletion, its undo.
    await app.call('facts:create', newFact({ indicator: 'casualties-since-2020', value: 999, asOf: '2025-12' }));
    expect(await listed()).toEqual(fresh());
    const { undoToken } = await app.call('facts:delete', { id: casualties[1]!.id });
    expect(await listed()).toEqual(fresh());
    await app.call('trash:restore', { undoToken });
    expect(await listed()).toEqual(fresh());
    // A source's publication date dates its undated facts: its facts' indicators are looked at again.
    await app.call('sources:update', { id: jordanDaily, revision: revisionOf(app, 'sources', jordanDaily), changes: { published: '2019-01-01' } });
    expect(await listed()).toEqual(fresh());
    // Deleting a source takes its facts and their conflicts along.
    await app.call('sources:delete', { id: jordanDaily });
    expect(await listed()).toEqual(fresh());
  });
});

describe('editing facts and sources', () => {
  it('adds, edits and deletes a fact; undo brings it back', async () => {
    const created = await app.call('facts:create', newFact());
    expect(created.quoteStart).toBeGreaterThan(0);
    const edited = await app.call('facts:update', { id: created.id, revision: revisionOf(app, 'facts', created.id), changes: { statement: 'Quixotic maps only 25 % accurate', tags: ['maps', 'maps', ' Armenia '] } });
    expect(edited).toMatchObject({ statement: 'Quixotic maps only 25 % accurate', tags: ['maps', 'Armenia'], createdAt: created.createdAt });
    expect(app.storeText()).toContain('Quixotic maps only 25 % accurate');
    const facets = await app.call('library:facets');
    expect(facets.indicators.map((indicator) => indicator.key)).toContain('test-map-accuracy');

    const { undoToken } = await app.call('facts:delete', { id: created.id });
    expect((await app.fail('facts:get', { id: created.id })).code).toBe('NOT_FOUND');
    expect((await app.call('facts:search', { query: 'quixo' })).total).toBe(0);
    await app.call('trash:restore', { undoToken });
    expect((await app.call('facts:get', { id: created.id })).fact.statement).toBe('Quixotic maps only 25 % accurate');
    expect((await app.call('facts:search', { query: 'quixo' })).total).toBe(1);
  });

  it('creates an indicator from the label the user typed; the same label again is the same indicator', async () => {
    const created = await app.call('indicators:create', { label: '  Mine casualties in Qəbələ since 2024 ', unit: 'people' });
    expect(created).toEqual({ key: 'mine-casualties-in-qəbələ-since-2024', label: 'Mine casualties in Qəbələ since 2024', unit: 'people' });
    expect(await app.call('indicators:create', { label: 'mine casualties in qəbələ since 2024', unit: null })).toEqual(created);
    const fact = await app.call('facts:create', newFact({ indicator: created.key }));
    expect(fact.indicator).toBe(created.key);
    const facets = await app.call('library:facets');
    expect(facets.indicators.find((indicator) => indicator.key === created.key)?.label).toBe('Mine casualties in Qəbələ since 2024');
    expect((await app.fail('indicators:create', { label: '   ' })).code).toBe('INVALID_INPUT');
  });

  it.each([
    ['a value that is not a number', { value: 'twenty-five' }, /value/],
    ['a quote that is not in the source', { quote: 'Words nobody wrote.' }, /quote is not in the text/],
    ['an unknown source', { sourceId: 'src-nowhere' }, /no source/],
    ['a malformed as-of date', { asOf: '25/12/2025' }, /asOf/],
    ['an unknown field', { colour: 'red' }, /colour/],
  ])('refuses %s with a clear message and stores nothing', async (_, change, message) => {
    const before = app.storeText();
    const error = await app.fail('facts:create', { ...newFact(), ...change });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(message);
    expect(app.storeText()).toBe(before);
  });

  it('deleting a source takes its facts along, and one undo restores both', async () => {
    const before = (await app.call('facts:search', { sourceIds: [jordanDaily] })).total;
    const deleted = await app.call('sources:delete', { id: jordanDaily });
    expect(deleted.facts).toBe(before);
    expect((await app.call('facts:search', { sourceIds: [jordanDaily] })).total).toBe(0);
    await app.call('trash:restore', { undoToken: deleted.undoToken });
    expect((await app.call('facts:search', { sourceIds: [jordanDaily] })).total).toBe(before);
  });

  it('refuses a source text that would orphan a quote', async () => {
    const error = await app.fail('sources:update', { id: jordanDaily, revision: revisionOf(app, 'sources', jordanDaily), changes: { text: 'Something else entirely.' } });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('no longer contains the quotes') });
    const source = await app.call('sources:update', { id: jordanDaily, revision: revisionOf(app, 'sources', jordanDaily), changes: { title: 'Renamed <b>title</b>' } });
    expect(source.title).toBe('Renamed <b>title</b>');
    expect((await app.call('facts:search', { query: 'renamed' })).total).toBeGreaterThan(0);
  });
});

describe('importing a document', () => {
  it('proposes every figure once from a text that repeats itself, and adds only what is accepted', async () => {
    const paragraph = 'Foreign assistance has accounted for only 4,9% of the resources. Over 11,667 square kilometres remain contaminated.';
    const proposal = await app.call('import:propose', { fileName: 'repeat.txt', content: `${paragraph}\n${paragraph}\n` });
    expect(proposal.candidates.map((candidate) => [candidate.value, candidate.unit])).toEqual([
      [4.9, '%'],
      [11667, 'km²'],
    ]);
    expect(proposal.duplicatesCollapsed).toBe(2);
    const before = (await app.call('app:status')).counts.facts;
    expect((await app.call('app:status')).counts.facts).toBe(before);

    const [first] = proposal.candidates;
    const committed = await app.call('import:commit', {
      source: proposal.source,
      facts: [{ statement: first!.statement, value: first!.value, unit: first!.unit, asOf: null, quote: first!.quote, tags: [], indicator: null, supersededBy: null, note: '' }],
    });
    expect(committed.facts).toHaveLength(1);
    expect((await app.call('app:status')).counts.facts).toBe(before + 1);
    expect((await app.call('facts:get', { id: committed.facts[0]!.id })).source.origin).toBe('repeat.txt');
  });

  it('keeps HTML script out of the text and markup as plain text', async () => {
    const html = '<html><head><title>Press &amp; release</title><script>alert("pwned")</script></head><body><p>Since 2020, <b>409</b> casualties were recorded.</p><p>&lt;img src=x onerror=alert(1)&gt;</p></body></html>';
    const proposal = await app.call('import:propose', { fileName: 'page.html', content: html });
    expect(proposal.source.title).toBe('Press & release');
    expect(proposal.source.text).not.toContain('alert("pwned")');
    expect(proposal.source.text).toContain('<img src=x onerror=alert(1)>');
    expect(proposal.candidates.map((candidate) => candidate.value)).toContain(409);
  });

  it('refuses an import whose candidate quote is not in the text, adding nothing', async () => {
    const proposal = await app.call('import:propose', { fileName: 'a.txt', content: 'There were 12 incidents.' });
    const before = app.storeText();
    const error = await app.fail('import:commit', {
      source: proposal.source,
      facts: [{ statement: 'x', value: 1, unit: null, asOf: null, quote: 'not in the text', tags: [], indicator: null, supersededBy: null, note: '' }],
    });
    expect(error.message).toMatch(/Fact 1: The quote is not in the text/);
    expect(app.storeText()).toBe(before);
  });
});
