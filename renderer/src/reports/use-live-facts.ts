import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FactView } from '../../../electron/shared/contract/library';
import { useApi } from '../api/api-context';

export interface LiveFacts {
  /** The facts as they are now in the library, by id. */
  facts: ReadonlyMap<string, FactView>;
  /** Ids the library no longer has (deleted facts still referenced by the report). */
  missing: ReadonlySet<string>;
  /** A fact the picker already holds: shown at once, without a round trip. */
  remember: (fact: FactView) => void;
}

/**
 * The live values of the facts a report cites (reports:facts). Chips show the library's value
 * now, not a copy; new ids are fetched as they appear, everything again when the editor opens.
 */
export const useLiveFacts = (ids: readonly string[]): LiveFacts => {
  const api = useApi();
  const [facts, setFacts] = useState<ReadonlyMap<string, FactView>>(new Map());
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());
  const requested = useRef(new Set<string>());

  const unique = useMemo(() => [...new Set(ids)].sort(), [ids]);
  const wanted = unique.join(' ');

  useEffect(() => {
    const needed = wanted === '' ? [] : wanted.split(' ').filter((id) => !requested.current.has(id));
    if (needed.length === 0) return;
    for (const id of needed) requested.current.add(id);
    void api.call('reports:facts', { ids: needed }).then((result) => {
      if (!result.ok) {
        // Try again on the next change rather than leaving chips blank for good.
        for (const id of needed) requested.current.delete(id);
        return;
      }
      setFacts((current) => {
        const next = new Map(current);
        for (const fact of result.value.facts) next.set(fact.id, fact);
        return next;
      });
      setMissing((current) => {
        const next = new Set(current);
        for (const id of needed) next.delete(id);
        for (const id of result.value.missing) next.add(id);
        return next;
      });
    });
  }, [api, wanted]);

  const remember = useCallback((fact: FactView) => {
    requested.current.add(fact.id);
    setFacts((current) => (current.get(fact.id) === fact ? current : new Map(current).set(fact.id, fact)));
  }, []);

  return { facts, missing, remember };
};
