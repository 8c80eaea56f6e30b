import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../electron/shared/contract';
import type { ApiError } from '../../../electron/shared/result';
import { useApi } from '../api/api-context';

export type FactDetailValue = ChannelOutput<'facts:get'>;

export type FactDetailState =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'error'; error: ApiError; retry: () => void }
  | { kind: 'loaded'; value: FactDetailValue; refreshing: boolean };

/** The selected fact with its full source text and conflict comparison (facts:get). */
export const useFactDetail = (id: string | null, version: number): FactDetailState => {
  const api = useApi();
  const [attempt, setAttempt] = useState(0);
  const key = `${id}#${version}#${attempt}`;
  const [state, setState] = useState<{ key: string; id: string; value: FactDetailValue | null; error: ApiError | null } | null>(null);

  useEffect(() => {
    if (id === null) return;
    let active = true;
    void api.call('facts:get', { id }).then((result) => {
      if (!active) return;
      setState(result.ok ? { key, id, value: result.value, error: null } : { key, id, value: null, error: result.error });
    });
    return () => {
      active = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` covers id, version and retries
  }, [api, key]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);

  if (id === null) return { kind: 'none' };
  if (state && state.key === key) {
    return state.value ? { kind: 'loaded', value: state.value, refreshing: false } : { kind: 'error', error: state.error!, retry };
  }
  // Keep showing what is on screen while the next fact loads (a local call takes milliseconds;
  // a "Loading…" flash on every arrow key would be worse). Callers act only on a fact whose id
  // matches the selection, so a stale one is never edited or deleted.
  if (state?.value) return { kind: 'loaded', value: state.value, refreshing: true };
  return { kind: 'loading' };
};
