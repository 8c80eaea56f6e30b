import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../electron/shared/contract';
import type { ApiError } from '../../../electron/shared/result';
import { useApi } from '../api/api-context';

export type Facets = ChannelOutput<'library:facets'>;
export type SourceSummaries = ChannelOutput<'sources:list'>;

export type Loadable<T> = { kind: 'loading' } | { kind: 'error'; error: ApiError } | { kind: 'loaded'; value: T };

/** Tags, indicators and sources with their counts, for the filter pane; refetched per library version. */
export const useFacets = (version: number): Loadable<Facets> => {
  const api = useApi();
  const [state, setState] = useState<Loadable<Facets>>({ kind: 'loading' });
  useEffect(() => {
    let active = true;
    void api.call('library:facets').then((result) => {
      if (active) setState(result.ok ? { kind: 'loaded', value: result.value } : { kind: 'error', error: result.error });
    });
    return () => {
      active = false;
    };
  }, [api, version]);
  return state;
};

/** Every source with its fact count, for the source picker. */
export const useSources = (version: number): Loadable<SourceSummaries> => {
  const api = useApi();
  const [state, setState] = useState<Loadable<SourceSummaries>>({ kind: 'loading' });
  useEffect(() => {
    let active = true;
    void api.call('sources:list').then((result) => {
      if (active) setState(result.ok ? { kind: 'loaded', value: result.value } : { kind: 'error', error: result.error });
    });
    return () => {
      active = false;
    };
  }, [api, version]);
  return state;
};
