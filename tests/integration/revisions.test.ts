import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../helpers/open-test-app';

/**
 * Issue 13 §2 "Two tabs, one report": a save carries the revision its sender last saw; a save
 * against a stale revision is refused and changes nothing on disk, and a late save of a deleted
 * item never brings it back.
 */
let app: TestApp;
beforeEach(async () => {
  app = await openTestApp();
});
afterEach(() => app.close());

const refusedWithoutWriting = async (channel: Parameters<TestApp['dispatch']>[0], input: unknown, code: string, message: RegExp) => {
  const before = app.storeText();
  const result = await app.dispatch(channel, input);
  expect(result).toMatchObject({ ok: false, error: { code } });
  if (!result.ok) expect(result.error.message).toMatch(message);
  expect(app.storeText()).toBe(before);
};

describe('reports:save', () => {
  it('bumps the revision on each save and refuses a save against a stale one', async () => {
    const opened = await app.call('reports:create', { template: 'briefing-note', title: 'Mines' });
    expect(opened.revision).toBe(1);
    const renamed = await app.call('reports:save', { report: { ...opened, title: 'Renamed in tab A' } });
    expect(renamed.revision).toBe(2);
    await refusedWithoutWriting('reports:save', { report: { ...opened, subtitle: 'typed in tab B' } }, 'CONFLICT', /report was changed in another window since you opened it/);
    expect((await app.call('reports:get', { id: opened.id })).title).toBe('Renamed in tab A');
  });

  it('never brings back a deleted report', async () => {
    const opened = await app.call('reports:create', { template: 'briefing-note', title: 'Doomed' });
    await app.call('reports:delete', { id: opened.id });
    await refusedWithoutWriting('reports:save', { report: { ...opened, title: 'late autosave' } }, 'NOT_FOUND', /was deleted/);
    expect((await app.call('reports:list')).some((report) => report.id === opened.id)).toBe(false);
  });

  it('refuses a save that does not say which revision it saw', async () => {
    const opened = await app.call('reports:create', { template: 'briefing-note' });
    const { revision: _revision, ...withoutRevision } = opened;
    await refusedWithoutWriting('reports:save', { report: withoutRevision }, 'INVALID_INPUT', /revision/);
  });
});

describe('charts:save', () => {
  it('refuses a stale revision and never brings back a deleted chart', async () => {
    const facts = await app.call('facts:search', { limit: 2 });
    const chart = await app.call('charts:create', { type: 'bar-horizontal', factIds: facts.items.map((fact) => fact.id) });
    const saved = await app.call('charts:save', { chart: { ...chart, title: 'First' } });
    expect(saved.revision).toBe(chart.revision + 1);
    await refusedWithoutWriting('charts:save', { chart: { ...chart, title: 'Stale' } }, 'CONFLICT', /chart was changed in another window/);
    await app.call('charts:delete', { id: chart.id });
    await refusedWithoutWriting('charts:save', { chart: { ...saved, title: 'Late' } }, 'NOT_FOUND', /was deleted/);
  });
});

describe('facts:update', () => {
  it('refuses a stale revision and a deleted fact', async () => {
    const [fact] = (await app.call('facts:search', { limit: 1 })).items;
    const first = await app.call('facts:update', { id: fact!.id, revision: fact!.revision, changes: { note: 'first' } });
    expect(first.revision).toBe(fact!.revision + 1);
    await refusedWithoutWriting('facts:update', { id: fact!.id, revision: fact!.revision, changes: { note: 'stale' } }, 'CONFLICT', /fact was changed in another window/);
    await app.call('facts:delete', { id: fact!.id });
    await refusedWithoutWriting('facts:update', { id: fact!.id, revision: first.revision, changes: { note: 'late' } }, 'NOT_FOUND', /was deleted/);
  });
});

describe('sources:update', () => {
  it('refuses a stale revision and a deleted source', async () => {
    const [source] = await app.call('sources:list');
    const first = await app.call('sources:update', { id: source!.id, revision: source!.revision, changes: { note: 'first' } });
    expect(first.revision).toBe(source!.revision + 1);
    await refusedWithoutWriting('sources:update', { id: source!.id, revision: source!.revision, changes: { note: 'stale' } }, 'CONFLICT', /source was changed in another window/);
    await app.call('sources:delete', { id: source!.id });
    await refusedWithoutWriting('sources:update', { id: source!.id, revision: first.revision, changes: { note: 'late' } }, 'NOT_FOUND', /was deleted/);
  });
});

describe('other changes move the revision too', () => {
  it('an undone deletion comes back at a new revision, so a save from before the deletion is still refused', async () => {
    const opened = await app.call('reports:create', { template: 'briefing-note', title: 'Back again' });
    const { undoToken } = await app.call('reports:delete', { id: opened.id });
    await app.call('trash:restore', { undoToken });
    await refusedWithoutWriting('reports:save', { report: { ...opened, title: 'late' } }, 'CONFLICT', /changed in another window/);
  });
});

describe('bundle:import', () => {
  it('moves on the revision of each fact it replaces, so a form opened before the import cannot save over it', async () => {
    const [fact] = (await app.call('facts:search', { limit: 1 })).items;
    const bundle = await app.call('bundle:export', { factIds: [fact!.id] });
    await app.call('bundle:import', { bundle: { ...bundle, facts: bundle.facts.map((item) => ({ ...item, note: 'from the bundle' })) } });
    const { fact: imported } = await app.call('facts:get', { id: fact!.id });
    expect(imported).toMatchObject({ note: 'from the bundle', revision: fact!.revision + 1 });
    await refusedWithoutWriting('facts:update', { id: fact!.id, revision: fact!.revision, changes: { note: 'stale form' } }, 'CONFLICT', /changed in another window/);
  });
});

describe('reports:save-copy', () => {
  it('keeps the refused text as a new report, whether the original was changed or deleted', async () => {
    const opened = await app.call('reports:create', { template: 'briefing-note', title: 'Shared' });
    await app.call('reports:save', { report: { ...opened, title: 'Renamed elsewhere' } });
    const mine = { ...opened, subtitle: 'my paragraph' };
    const copy = await app.call('reports:save-copy', { report: mine });
    expect(copy).toMatchObject({ title: 'Shared (my version)', subtitle: 'my paragraph', revision: 1 });
    expect(copy.id).not.toBe(opened.id);
    expect((await app.call('reports:get', { id: opened.id })).title).toBe('Renamed elsewhere');
    await app.call('reports:delete', { id: opened.id });
    const again = await app.call('reports:save-copy', { report: mine });
    expect((await app.call('reports:get', { id: again.id })).subtitle).toBe('my paragraph');
  });
});
