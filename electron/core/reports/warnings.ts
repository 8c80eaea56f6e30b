import type { ReportWarning } from '../../shared/contract/reports';
import type { Chart, Report } from '../../shared/entities';
import { toDayRange } from '../../shared/partial-date';
import { formattingLocale } from '../export/report-text';
import { figureWarning, type FigureLookups, type FigurePlacement } from './figure-warnings';
import { chartPlacements, factReferences } from './report-walk';
import { textWarnings } from './text-warnings';

export interface WarningLookups extends FigureLookups {
  chart: (id: string) => Chart | undefined;
}

const DAY_MS = 86_400_000;

/**
 * What should be fixed before the report is sent (issue 11): one entry per cited fact, in figures,
 * with everything that is wrong with it; one per chart, and one per section and problem in the
 * text. In reading order, each tied to the section where it first occurs, none repeated. Entries
 * the author has answered carry that decision (kept with the report) and are not counted.
 */
export const reportWarnings = (report: Report, lookups: WarningLookups): ReportWarning[] => {
  const placements = new Map<string, FigurePlacement>();
  const place = (factId: string, sectionId: string, chartId: string | null) => {
    const known = placements.get(factId);
    if (!known) placements.set(factId, { sectionId, chartId, inText: chartId === null });
    else if (chartId === null) known.inText = true;
  };
  for (const reference of factReferences(report)) place(reference.factId, reference.sectionId, null);

  const chartWarnings: Omit<ReportWarning, 'decision'>[] = [];
  const seenCharts = new Set<string>();
  for (const placement of chartPlacements(report)) {
    if (seenCharts.has(placement.chartId)) continue;
    seenCharts.add(placement.chartId);
    const base = { sectionId: placement.sectionId, factId: null, chartId: placement.chartId, otherFactId: null, issues: [], actions: [] };
    const chart = lookups.chart(placement.chartId);
    if (!chart) {
      chartWarnings.push({ ...base, key: `missing-chart:${placement.chartId}`, kind: 'missing-chart', severity: 'error', message: 'A chart in this report was deleted from the library.' });
      continue;
    }
    if (!chart.altText.trim()) chartWarnings.push({ ...base, key: `chart-no-alt:${chart.id}`, kind: 'chart-no-alt', severity: 'check', message: `Chart “${chart.title}” has no alt text for readers who cannot see it.` });
    for (const factId of chart.factIds) place(factId, placement.sectionId, chart.id);
  }

  const context = {
    lookups,
    cited: new Set(placements.keys()),
    locale: formattingLocale(report.language),
    reportDay: toDayRange(report.date)?.end ?? Date.now() / DAY_MS,
    staleAfterMonths: report.staleAfterMonths,
  };
  const figures = [...placements].flatMap(([factId, placement]) => figureWarning(factId, placement, context) ?? []);

  const order = new Map(report.sections.map((section, index) => [section.id, index]));
  const decisions = new Map(report.figureDecisions.map((decision) => [decision.warningKey, decision]));
  // A stable sort keeps reading order within a section: text problems, figures, then charts.
  return [...textWarnings(report), ...figures, ...chartWarnings]
    .map((warning, index) => ({ warning, index, section: order.get(warning.sectionId ?? '') ?? Infinity }))
    .sort((left, right) => left.section - right.section || left.index - right.index)
    .map(({ warning }) => ({ ...warning, decision: decisions.get(warning.key) ?? null }));
};
