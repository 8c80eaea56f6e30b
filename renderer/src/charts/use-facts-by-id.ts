import { useEffect, useState } from 'react';
import type { FactView } from '../../../electron/shared/contract/library';
import { useApi } from '../api/api-context';

/** At most this many facts are looked up one by one (labels, derived values); more is rare. */
export const MAX_LOOKUPS = 120;

export type FactLookup = ReadonlyMap<string, FactView | 'missing'>;

/**
 * The facts a chart points at, for naming them in the editor. A fact the library no longer has
 * is 'missing'; ids not answered yet are absent. Answers already known are kept across changes.
 */
export const useFactsById = (ids: readonly string[]): FactLookup => {
  const api = useApi();
  const [known, setKnown] = useState<ReadonlyMap<string, FactView | 'missing'>>(new Map());
  const wanted = ids.slice(0, MAX_LOOKUPS);
  const key = wanted.join('|');

  useEffect(() => {
    let active = true;
    const todo = key ? key.split('|').filter((id) => !known.has(id)) : [];
    if (todo.length === 0) return;
    void Promise.all(
      todo.map(async (id) => {
        const result = await api.call('facts:get', { id });
        return [id, result.ok ? result.value.fact : result.error.code === 'NOT_FOUND' ? 'missing' : null] as const;
      }),
    ).then((entries) => {
      if (!active) return;
      setKnown((current) => {
        const next = new Map(current);
        for (const [id, value] of entries) if (value) next.set(id, value);
        return next;
      });
    });
    return () => {
      active = false;
    };
    // `known` is read to skip ids already answered; changes to it alone need no new lookups.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);

  return known;
};

/** A short name for a fact in selects and lists: value, unit, outlet. */
export const factShortName = (fact: FactView | 'missing' | undefined, id: string): string => {
  if (fact === 'missing') return `Deleted fact (${id})`;
  if (!fact) return id;
  const value = fact.value === null ? 'no figure' : `${fact.value.toLocaleString('en-GB')}${fact.unit ? (fact.unit === '%' ? '%' : ` ${fact.unit}`) : ''}`;
  return `${value} · ${fact.source.outlet ?? fact.source.title}`;
};
