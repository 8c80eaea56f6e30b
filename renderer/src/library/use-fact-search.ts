import { useCallback, useEffect, useState } from 'react';
import type { FactQuery, FactView } from '../../../electron/shared/contract/library';
import type { ApiError } from '../../../electron/shared/result';
import { useApi } from '../api/api-context';

const PAGE = 200;

interface Loaded {
  key: string;
  error: ApiError | null;
  total: number;
  items: FactView[];
  indexing: boolean;
  loadingMore: boolean;
}

export interface FactSearch {
  /** True while the results on screen are for an older query (they stay shown meanwhile). */
  loading: boolean;
  /** Nothing has loaded yet for any query. */
  initial: boolean;
  error: ApiError | null;
  total: number;
  items: FactView[];
  /** The host is still indexing a large library: text matches are complete but in date order, not by relevance. */
  indexing: boolean;
  loadMore: () => void;
  retry: () => void;
}

/**
 * Runs facts:search for the query; `version` changes after every library change so the list
 * follows edits. Responses for a superseded query are dropped, never shown.
 */
export const useFactSearch = (query: FactQuery, version: number): FactSearch => {
  const api = useApi();
  const [attempt, setAttempt] = useState(0);
  const key = `${JSON.stringify(query)}#${version}#${attempt}`;
  const [state, setState] = useState<Loaded | null>(null);

  useEffect(() => {
    let active = true;
    void api.call('facts:search', { ...query, limit: PAGE, offset: 0 }).then((result) => {
      if (!active) return;
      setState(
        result.ok
          ? { key, error: null, total: result.value.total, items: result.value.items, indexing: result.value.indexing, loadingMore: false }
          : { key, error: result.error, total: 0, items: [], indexing: false, loadingMore: false },
      );
    });
    return () => {
      active = false;
    };
    // `key` captures the query, the library version and retries.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the query object is compared through `key`
  }, [api, key]);

  const loadMore = useCallback(() => {
    if (!state || state.key !== key || state.loadingMore || state.items.length >= state.total) return;
    const offset = state.items.length;
    setState({ ...state, loadingMore: true });
    void api.call('facts:search', { ...query, limit: PAGE, offset }).then((result) => {
      setState((current) => {
        if (!current || current.key !== key) return current;
        if (!result.ok) return { ...current, loadingMore: false, error: result.error };
        return { ...current, loadingMore: false, total: result.value.total, items: [...current.items, ...result.value.items] };
      });
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the query object is compared through `key`
  }, [api, key, state]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);

  return {
    loading: state?.key !== key,
    initial: state === null,
    error: state?.error ?? null,
    total: state?.total ?? 0,
    items: state?.items ?? [],
    indexing: state?.indexing ?? false,
    loadMore,
    retry,
  };
};
