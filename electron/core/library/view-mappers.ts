import type { ConflictView, FactView } from '../../shared/contract/library';
import type { Fact, Indicator, Source } from '../../shared/entities';
import type { ConflictGroup } from './conflicts';

export const toSourceRef = (source: Source | undefined) => ({
  id: source?.id ?? 'missing',
  title: source?.title ?? '(source deleted)',
  outlet: source?.outlet ?? null,
  published: source?.published ?? null,
});

export const toFactView = (fact: Fact, source: Source | undefined, inConflict: boolean): FactView => ({
  ...fact,
  source: toSourceRef(source),
  inConflict,
  superseded: fact.supersededBy !== null,
});

export const toConflictView = (
  group: ConflictGroup,
  factOf: (id: string) => Fact | undefined,
  sourceOf: (id: string) => Source | undefined,
  indicatorOf: (key: string) => Indicator | undefined,
): ConflictView => {
  const indicator = indicatorOf(group.indicator);
  return {
    indicator: group.indicator,
    label: indicator?.label ?? group.indicator,
    unit: indicator?.unit ?? null,
    newestFactId: group.newestFactId,
    entries: group.factIds.flatMap((id) => {
      const fact = factOf(id);
      if (!fact) return [];
      return [{ factId: id, value: fact.value, unit: fact.unit, asOf: fact.asOf, superseded: fact.supersededBy !== null, source: toSourceRef(sourceOf(fact.sourceId)) }];
    }),
  };
};
