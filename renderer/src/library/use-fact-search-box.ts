import { useMemo, useState } from 'react';
import type { FactQuery } from '../../../electron/shared/contract/library';
import { useDebouncedValue } from './use-debounced-value';
import { useFactSearch, type FactSearch } from './use-fact-search';

/** What narrows the search besides the typed text. Memoise it: a new object is a new search. */
export type FactFilters = Omit<FactQuery, 'query' | 'limit' | 'offset'>;

export interface FactSearchBox {
  text: string;
  setText: (text: string) => void;
  /** The typed text once typing has paused: what the list is, or is about to be, for. */
  debounced: string;
  search: FactSearch;
  /** The results on screen are for an older search until the typed text has been searched. */
  pending: boolean;
}

export const useFactSearchBox = (filters: FactFilters, delayMs: number): FactSearchBox => {
  const [text, setText] = useState('');
  const debounced = useDebouncedValue(text, delayMs);
  const query = useMemo(() => ({ query: debounced.trim().slice(0, 500), ...filters }), [debounced, filters]);
  const search = useFactSearch(query, 0);
  return { text, setText, debounced, search, pending: search.loading || text !== debounced };
};
