import { chartSchema, type Chart } from '../../shared/entities';
import type { ChartRender } from '../../shared/contract/charts';
import { DossierError } from '../errors';
import { nextRevision } from '../revisions';
import type { LibraryState } from '../library/library-state';
import { buildChartModel, sourceLine } from './chart-model';
import type { ChartDrawer } from './chart-ports';
import { chartFrameSize, type ChartColumn, type PageSize } from '../../shared/domain/chart-frame';

interface ChartContext {
  state: LibraryState;
  now: () => Date;
  newId: (prefix: string) => string;
  charts: ChartDrawer;
}

/** The model of a chart against the library as it is now; deleted facts are reported, not fatal. */
export const modelChart = (state: LibraryState, chart: Chart) => {
  const document = state.current();
  const facts = new Map(chart.factIds.flatMap((id) => {
    const fact = state.fact(id);
    return fact ? [[id, fact] as const] : [];
  }));
  return buildChartModel(chart, { facts, sources: new Map(document.sources.map((source) => [source.id, source])), indicators: document.indicators });
};

export type ChartSizing = { width: number; height: number } | { fit: { pageSize: PageSize; column: ChartColumn } };

export const renderChart = async (state: LibraryState, renderer: ChartDrawer, chart: Chart, sizing: ChartSizing, numbers: Record<string, number>): Promise<ChartRender> => {
  const model = modelChart(state, chart);
  const size = 'fit' in sizing ? chartFrameSize({ ...sizing.fit, type: model.type, categoryCount: model.categories.length }) : sizing;
  const line = sourceLine(model, numbers) || model.sourceSummary;
  return {
    svg: await renderer.renderSvg(model, { ...size, sourceLine: line }),
    ...size,
    altText: model.altText,
    draftedAltText: model.draftedAltText,
    sourceLine: line,
    citedFactIds: model.citedFactIds,
    missingFactIds: model.missingFactIds,
    warnings: model.warnings,
    paletteWarnings: model.paletteWarnings.map((warning) => warning.message),
  };
};

export const createChartHandlers = ({ state, now, newId, charts }: ChartContext) => {
  const requireChart = (id: string): Chart => {
    const chart = state.current().charts.find((candidate) => candidate.id === id);
    if (!chart) throw new DossierError('NOT_FOUND', `There is no chart with id ${id}; it may have been deleted.`);
    return chart;
  };
  return {
    'charts:list': () =>
      state.current().charts.map((chart) => ({ id: chart.id, type: chart.type, title: chart.title, updatedAt: chart.updatedAt, indicator: chart.indicator, factCount: chart.factIds.length })),
    'charts:get': ({ id }: { id: string }) => requireChart(id),
    'charts:create': ({ type, factIds, indicator, title }: { type: Chart['type']; factIds: string[]; indicator: string | null; title?: string }) =>
      state.change((document) => {
        let ids = factIds;
        if (indicator) {
          if (!state.indicator(indicator)) throw new DossierError('INVALID_INPUT', `There is no indicator ${indicator}.`);
          ids = document.facts.filter((fact) => fact.indicator === indicator && fact.value !== null).map((fact) => fact.id);
        }
        const missing = ids.find((id) => !state.fact(id));
        if (missing) throw new DossierError('INVALID_INPUT', `There is no fact with id ${missing}.`);
        if (ids.length === 0) throw new DossierError('INVALID_INPUT', 'Pick at least one fact with a figure, or an indicator that has some.');
        const timestamp = now().toISOString();
        const defaultTitle = indicator ? (state.indicator(indicator)?.label ?? indicator) : (state.fact(ids[0]!)?.statement ?? 'Chart');
        const chart = chartSchema.parse({
          id: newId('chart'),
          type,
          title: (title?.trim() || defaultTitle).slice(0, 500),
          subtitle: '',
          factIds: ids,
          indicator,
          options: {},
          altText: '',
          caption: '',
          revision: 1,
          createdAt: timestamp,
          updatedAt: timestamp,
        });
        document.charts.push(chart);
        return { result: chart, touchedFacts: [] };
      }),
    'charts:save': ({ chart }: { chart: Chart }) =>
      state.change((document) => {
        const index = document.charts.findIndex((candidate) => candidate.id === chart.id);
        const stored = document.charts[index];
        const revision = nextRevision('chart', stored, chart.revision);
        document.charts[index] = chartSchema.parse({ ...chart, revision, updatedAt: now().toISOString(), createdAt: stored!.createdAt });
        return { result: document.charts[index]!, touchedFacts: [] };
      }),
    'charts:delete': ({ id }: { id: string }) =>
      state.change((document) => {
        const chart = requireChart(id);
        const undoToken = newId('undo');
        document.charts = document.charts.filter((candidate) => candidate.id !== id);
        document.trash.push({ id: undoToken, deletedAt: now().toISOString(), sources: [], facts: [], reports: [], charts: [chart] });
        return { result: { undoToken }, touchedFacts: [] };
      }),
    'charts:render': ({ chart, width, height, fit, citationNumbers }: { chart: Chart; width: number; height: number; fit?: { pageSize: PageSize; column: ChartColumn }; citationNumbers: Record<string, number> }) =>
      renderChart(state, charts, chart, fit ? { fit } : { width, height }, citationNumbers),
  };
};
