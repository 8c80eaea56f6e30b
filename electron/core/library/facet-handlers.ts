import type { LibraryContext } from './library-context';
import { toConflictView } from './view-mappers';

export const createFacetHandlers = ({ state }: LibraryContext) => ({
  'library:facets': () => {
    const document = state.current();
    const tags = new Map<string, number>();
    const indicators = new Map<string, number>();
    const sources = new Map<string, number>();
    for (const fact of document.facts) {
      for (const tag of fact.tags) tags.set(tag, (tags.get(tag) ?? 0) + 1);
      if (fact.indicator) indicators.set(fact.indicator, (indicators.get(fact.indicator) ?? 0) + 1);
      sources.set(fact.sourceId, (sources.get(fact.sourceId) ?? 0) + 1);
    }
    return {
      tags: [...tags].map(([tag, count]) => ({ tag, count })).sort((left, right) => right.count - left.count || left.tag.localeCompare(right.tag)),
      indicators: document.indicators
        .map((indicator) => ({ ...indicator, count: indicators.get(indicator.key) ?? 0 }))
        .filter((indicator) => indicator.count > 0)
        .sort((left, right) => left.label.localeCompare(right.label)),
      sources: document.sources.map((source) => ({ id: source.id, title: source.title, outlet: source.outlet, count: sources.get(source.id) ?? 0 })),
    };
  },
  'conflicts:list': () =>
    state.conflictGroups().map((group) =>
      toConflictView(group, (id) => state.fact(id), (id) => state.source(id), (key) => state.indicator(key)),
    ),
});
