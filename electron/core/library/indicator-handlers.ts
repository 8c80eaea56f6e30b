import type { Indicator } from '../../shared/entities';
import type { LibraryContext } from './library-context';

const MAX_KEY = 80;

/** A readable key from a label ("Mine casualties since 2020" → "mine-casualties-since-2020"); letters of any script stay. */
export const keyFromLabel = (label: string): string =>
  label
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_KEY)
    .replace(/-+$/, '') || 'indicator';

const sameLabel = (left: string, right: string): boolean => left.trim().localeCompare(right.trim(), undefined, { sensitivity: 'accent' }) === 0;

export const createIndicatorHandlers = ({ state }: LibraryContext) => ({
  'indicators:create': ({ label, unit }: { label: string; unit: string | null }) =>
    state.change((document) => {
      const existing = document.indicators.find((indicator) => sameLabel(indicator.label, label));
      if (existing) return { result: existing, touchedFacts: [] };
      const base = keyFromLabel(label);
      const taken = new Set(document.indicators.map((indicator) => indicator.key));
      let key = base;
      for (let suffix = 2; taken.has(key); suffix += 1) key = `${base}-${suffix}`;
      const indicator: Indicator = { key, label: label.trim(), unit: unit?.trim() || null };
      document.indicators.push(indicator);
      return { result: indicator, touchedFacts: [] };
    }),
});
