import { describe, expect, it } from 'vitest';
import { createDispatch, type Handlers } from '../../../electron/core/dispatch';
import { DossierError } from '../../../electron/core/errors';
import { joinHandlerGroups } from '../../../electron/core/handler-groups';

const status = {
  dataDir: '/data',
  store: { state: 'ready' as const, path: '/data/dossier.json', schemaVersion: 3 },
  lastWrite: { state: 'idle' as const, at: null, message: null },
  counts: { sources: 1, facts: 2, reports: 0, charts: 0, conflicts: 0 },
  libraryPatches: { active: true, requested: true, mismatches: [], summary: 'Library speed-ups on (versions checked).' },
};

const handlersWith = (overrides: Partial<Handlers>): Handlers =>
  ({ 'app:status': () => status, 'store:start-fresh': () => status, ...overrides }) as Handlers;

describe('dispatch', () => {
  it('refuses a channel that is not declared', async () => {
    const dispatch = createDispatch(handlersWith({}));
    expect(await dispatch('facts:drop-all', {})).toEqual({ ok: false, error: expect.objectContaining({ code: 'UNKNOWN_CHANNEL' }) });
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await dispatch('toString', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('refuses malformed input before the handler runs', async () => {
    let called = false;
    const dispatch = createDispatch(handlersWith({ 'app:status': () => ((called = true), status) }));
    const result = await dispatch('app:status', { unexpected: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(called).toBe(false);
  });

  it('returns the handler value in the envelope', async () => {
    const dispatch = createDispatch(handlersWith({}));
    expect(await dispatch('app:status', undefined)).toEqual({ ok: true, value: status });
  });

  it('turns a DossierError into its code and message', async () => {
    const dispatch = createDispatch(
      handlersWith({
        'app:status': () => {
          throw new DossierError('STORE_UNAVAILABLE', 'The library is not open.');
        },
      }),
    );
    expect(await dispatch('app:status', undefined)).toEqual({ ok: false, error: { code: 'STORE_UNAVAILABLE', message: 'The library is not open.' } });
  });

  it('hides unexpected errors behind INTERNAL, reporting them to the host', async () => {
    const seen: unknown[] = [];
    const dispatch = createDispatch(
      handlersWith({
        'app:status': () => {
          throw new Error('secret stack detail');
        },
      }),
      (error) => seen.push(error),
    );
    const result = await dispatch('app:status', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('secret stack detail');
    expect(seen).toHaveLength(1);
  });

  it('refuses a handler result that breaks the output schema', async () => {
    const dispatch = createDispatch(handlersWith({ 'app:status': () => ({ ...status, counts: null }) as never }));
    expect(await dispatch('app:status', undefined)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('handler registration', () => {
  it('refuses a channel named by two handler groups instead of letting the last one win', () => {
    const first = { 'app:status': () => status };
    const second = { 'app:status': () => ({ ...status, dataDir: '/other' }) };
    expect(() => joinHandlerGroups(first, second)).toThrow(/app:status has two handlers/);
    expect(Object.keys(joinHandlerGroups(first, { 'backups:list': () => [] }))).toEqual(['app:status', 'backups:list']);
  });
});
