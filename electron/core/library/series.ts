import type { SeriesPoint } from '../../shared/contract/library';
import type { Fact, Indicator, Source } from '../../shared/entities';
import { figurePeriod, isCumulativeIndicator } from './figure-periods';

/**
 * The dated figures of a fact's indicator in time order (issue 11: figures for different dates
 * are a series, shown as such, not a conflict). Empty unless there are two dated figures or more.
 * One point per period: figures that disagree for the same period are the conflict view's business.
 */
export const seriesFor = (
  fact: Fact,
  lookups: { figuresOf: (indicator: string) => readonly Fact[]; source: (id: string) => Source | undefined; indicator: (key: string) => Indicator | undefined },
): SeriesPoint[] => {
  if (fact.indicator === null || fact.value === null) return [];
  const cumulative = isCumulativeIndicator(fact.indicator, lookups.indicator(fact.indicator));
  const figures = lookups.figuresOf(fact.indicator).some((figure) => figure.id === fact.id) ? lookups.figuresOf(fact.indicator) : [...lookups.figuresOf(fact.indicator), fact];
  const points = figures.flatMap((figure) => {
    const source = lookups.source(figure.sourceId);
    const date = figure.asOf ?? source?.published ?? null;
    const period = figurePeriod(figure, source?.published ?? null, cumulative);
    if (!date || !period || figure.value === null || figure.unit !== fact.unit) return [];
    return [{ end: period.end, point: { factId: figure.id, value: figure.value, unit: figure.unit, date, source: source?.outlet?.trim() || source?.title || 'source deleted' } }];
  });
  const byPeriod = new Map<number, (typeof points)[number]>();
  // The fact itself wins its period; otherwise the first figure found does.
  for (const entry of points) if (!byPeriod.has(entry.end) || entry.point.factId === fact.id) byPeriod.set(entry.end, entry);
  const ordered = [...byPeriod.values()].sort((left, right) => left.end - right.end).map((entry) => entry.point);
  return ordered.length >= 2 ? ordered : [];
};
