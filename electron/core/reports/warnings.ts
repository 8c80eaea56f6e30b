import type { ReportWarning } from '../../shared/contract/reports';
import type { Chart, Fact, Report, Source } from '../../shared/entities';
import { toDayRange } from '../../shared/partial-date';
import { chartPlacements, factReferences } from './report-walk';

/** Cut at a word boundary with an ellipsis, so a warning never ends mid-word ("…at abo"). */
const clip = (text: string, max: number): string => {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
};

export interface WarningLookups {
  fact: (id: string) => Fact | undefined;
  source: (id: string) => Source | undefined;
  chart: (id: string) => Chart | undefined;
  isInConflict: (factId: string) => boolean;
}

const DAY_MS = 86_400_000;

const monthsBetween = (earlierDay: number, laterDay: number): number => (laterDay - earlierDay) / 30.44;

/**
 * What should be fixed before the report is sent, each tied to the place it occurs. One warning
 * per fact and problem, at its first use.
 */
export const reportWarnings = (report: Report, lookups: WarningLookups): ReportWarning[] => {
  const warnings: ReportWarning[] = [];
  const seen = new Set<string>();
  const add = (warning: ReportWarning) => {
    const key = `${warning.kind}:${warning.factId ?? ''}:${warning.chartId ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    warnings.push(warning);
  };
  const reportDay = toDayRange(report.date)?.end ?? Date.now() / DAY_MS;

  const checkFact = (factId: string, sectionId: string, chartId: string | null) => {
    const fact = lookups.fact(factId);
    const base = { sectionId, factId, chartId };
    if (!fact) return add({ ...base, kind: 'missing-fact', message: 'A referenced fact was deleted from the library.' });
    const label = `“${clip(fact.statement, 80)}”`;
    if (!lookups.source(fact.sourceId)) add({ ...base, kind: 'no-source', message: `${label} has no source.` });
    if (!fact.quote.trim()) add({ ...base, kind: 'no-quote', message: `${label} has no quote from its source.` });
    if (fact.supersededBy) add({ ...base, kind: 'superseded', message: `${label} is superseded by a newer figure.` });
    if (lookups.isInConflict(fact.id)) add({ ...base, kind: 'conflict', message: `Sources disagree on ${label}.` });
    const asOf = fact.asOf ?? lookups.source(fact.sourceId)?.published ?? null;
    const range = asOf ? toDayRange(asOf) : null;
    if (!range) add({ ...base, kind: 'stale', message: `${label} has no as-of date.` });
    else if (monthsBetween(range.end, reportDay) > report.staleAfterMonths) {
      add({ ...base, kind: 'stale', message: `${label} is as of ${asOf}, older than ${report.staleAfterMonths} months.` });
    }
  };

  for (const reference of factReferences(report)) checkFact(reference.factId, reference.sectionId, null);
  for (const placement of chartPlacements(report)) {
    const chart = lookups.chart(placement.chartId);
    if (!chart) {
      add({ kind: 'missing-chart', sectionId: placement.sectionId, factId: null, chartId: placement.chartId, message: 'A chart in this report was deleted.' });
      continue;
    }
    if (!chart.altText.trim()) add({ kind: 'chart-no-alt', sectionId: placement.sectionId, factId: null, chartId: chart.id, message: `Chart “${chart.title}” has no alt text.` });
    for (const factId of chart.factIds) checkFact(factId, placement.sectionId, chart.id);
  }
  return warnings;
};
