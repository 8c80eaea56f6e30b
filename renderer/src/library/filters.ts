import type { FactQuery } from '../../../electron/shared/contract/library';

/** What the filter pane holds; the search text lives in the top bar and joins it in toQuery. */
export interface Filters {
  tags: string[];
  sourceIds: string[];
  indicators: string[];
  from: string | null;
  to: string | null;
  hasConflict: boolean;
}

export const noFilters: Filters = { tags: [], sourceIds: [], indicators: [], from: null, to: null, hasConflict: false };

export const countActiveFilters = (filters: Filters): number =>
  filters.tags.length + filters.sourceIds.length + filters.indicators.length + (filters.from ? 1 : 0) + (filters.to ? 1 : 0) + (filters.hasConflict ? 1 : 0);

export const toQuery = (filters: Filters, text: string): FactQuery => ({
  query: text.trim().slice(0, 500),
  tags: filters.tags,
  sourceIds: filters.sourceIds,
  indicators: filters.indicators,
  from: filters.from,
  to: filters.to,
  hasConflict: filters.hasConflict,
});

export const toggle = (list: string[], item: string): string[] => (list.includes(item) ? list.filter((entry) => entry !== item) : [...list, item]);
