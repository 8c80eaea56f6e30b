import type { z } from 'zod';
import type { renderOptionsSchema } from '../../shared/contract/reports';
import { reportSchema, type Chart, type Fact, type Report, type Source, type Template } from '../../shared/entities';
import { DossierError } from '../errors';
import { nextRevision } from '../revisions';
import type { LibraryState } from '../library/library-state';
import { toFactView } from '../library/view-mappers';
import type { HostActions, ReportExporter } from './report-ports';
import { chartPlacements, factReferences } from './report-walk';
import { createReportFromTemplate } from './templates';
import { reportWarnings } from './warnings';

type RenderOptions = z.output<typeof renderOptionsSchema>;

interface ReportContext {
  state: LibraryState;
  now: () => Date;
  newId: (prefix: string) => string;
  exporter: ReportExporter;
  host: HostActions;
}

const fileNameFor = (report: Report): string =>
  `${(report.title || 'report').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 80).replace(/-$/, '') || 'report'}-${report.date}.pdf`;

export const createReportHandlers = ({ state, now, newId, exporter, host }: ReportContext) => {
  const requireReport = (id: string): Report => {
    const report = state.current().reports.find((candidate) => candidate.id === id);
    if (!report) throw new DossierError('NOT_FOUND', `There is no report with id ${id}; it may have been deleted.`);
    return report;
  };

  const lookups = () => {
    const document = state.current();
    return {
      fact: (id: string) => state.fact(id),
      source: (id: string) => state.source(id),
      chart: (id: string) => document.charts.find((chart) => chart.id === id),
      indicator: (key: string) => state.indicator(key),
      figuresOf: (indicator: string) => state.figuresOf(indicator),
    };
  };

  const render = async (report: Report, options: RenderOptions) => {
    const effective: Report = { ...report, ...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) };
    const document = state.current();
    const chartIds = new Set(chartPlacements(effective).map((placement) => placement.chartId));
    const charts = new Map<string, Chart>(document.charts.filter((chart) => chartIds.has(chart.id)).map((chart) => [chart.id, chart]));
    const factIds = new Set([...factReferences(effective).map((reference) => reference.factId), ...[...charts.values()].flatMap((chart) => chart.factIds)]);
    const facts = new Map<string, Fact>();
    const sources = new Map<string, Source>();
    for (const id of factIds) {
      const fact = state.fact(id);
      if (!fact) continue;
      facts.set(id, fact);
      const source = state.source(fact.sourceId);
      if (source) sources.set(source.id, source);
    }
    const rendered = await exporter.render({ report: effective, facts, sources, charts });
    return { rendered, warnings: reportWarnings(effective, lookups()) };
  };

  return {
    'reports:list': () =>
      state.current().reports
        .map((report) => ({
          id: report.id,
          title: report.title,
          template: report.template,
          updatedAt: report.updatedAt,
          sectionCount: report.sections.length,
          citedFacts: new Set(factReferences(report).map((reference) => reference.factId)).size,
        }))
        .sort((left, right) => right.updatedAt.localeCompare(left.updatedAt)),
    'reports:get': ({ id }: { id: string }) => requireReport(id),
    'reports:create': ({ template, title }: { template: Template; title?: string }) =>
      state.change((document) => {
        const report = createReportFromTemplate(template, { id: newId('report'), newId, now: now(), title });
        document.reports.push(report);
        return { result: report, touchedFacts: [] };
      }),
    'reports:save': ({ report }: { report: Report }) =>
      state.change((document) => {
        const index = document.reports.findIndex((candidate) => candidate.id === report.id);
        const stored = document.reports[index];
        const revision = nextRevision('report', stored, report.revision);
        document.reports[index] = reportSchema.parse({ ...report, revision, updatedAt: now().toISOString(), createdAt: stored!.createdAt });
        return { result: document.reports[index]!, touchedFacts: [] };
      }),
    'reports:duplicate': ({ id }: { id: string }) =>
      state.change((document) => {
        const original = requireReport(id);
        const timestamp = now().toISOString();
        const copy: Report = { ...structuredClone(original), id: newId('report'), title: `${original.title} (copy)`, revision: 1, createdAt: timestamp, updatedAt: timestamp };
        document.reports.push(copy);
        return { result: copy, touchedFacts: [] };
      }),
    'reports:save-copy': ({ report }: { report: Report }) =>
      state.change((document) => {
        const timestamp = now().toISOString();
        const title = `${report.title || 'Untitled report'} (my version)`.slice(0, 500);
        const copy = reportSchema.parse({ ...report, id: newId('report'), title, revision: 1, createdAt: timestamp, updatedAt: timestamp });
        document.reports.push(copy);
        return { result: copy, touchedFacts: [] };
      }),
    'reports:delete': ({ id }: { id: string }) =>
      state.change((document) => {
        const report = requireReport(id);
        const undoToken = newId('undo');
        document.reports = document.reports.filter((candidate) => candidate.id !== id);
        document.trash.push({ id: undoToken, deletedAt: now().toISOString(), sources: [], facts: [], reports: [report], charts: [] });
        return { result: { undoToken }, touchedFacts: [] };
      }),
    'reports:facts': ({ ids }: { ids: string[] }) => {
      const facts = [];
      const missing = [];
      for (const id of new Set(ids)) {
        const fact = state.fact(id);
        if (fact) facts.push(toFactView(fact, state.source(fact.sourceId), state.isInConflict(id)));
        else missing.push(id);
      }
      return { facts, missing };
    },
    'reports:warnings': ({ report }: { report: Report }) => reportWarnings(report, lookups()),
    'reports:render': async ({ report, options }: { report: Report; options: RenderOptions }) => {
      const { rendered, warnings } = await render(report, options);
      return { pdfBase64: rendered.base64, pageCount: rendered.pageCount, byteLength: rendered.bytes.byteLength, warnings };
    },
    'export:save-pdf': async ({ report, options }: { report: Report; options: RenderOptions }) => {
      if (!host.savePdf) throw new DossierError('UNSUPPORTED', 'This host has no save dialog; the page downloads the PDF instead.');
      const { rendered } = await render(report, options);
      return host.savePdf(rendered.bytes, fileNameFor(report));
    },
    'export:open': async ({ path }: { path: string }) => {
      if (!host.openPath) throw new DossierError('UNSUPPORTED', 'This host cannot open files.');
      return { opened: await host.openPath(path) };
    },
  };
};
