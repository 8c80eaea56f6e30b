import { z } from 'zod';
import { figureDecisionSchema, idSchema, reportSchema, revisionSchema, templateSchema } from '../entities';
import { defineChannel } from './define';
import { factViewSchema } from './library';

export const reportSummarySchema = z.object({
  id: idSchema,
  title: z.string(),
  template: templateSchema,
  updatedAt: z.string(),
  sectionCount: z.number().int(),
  citedFacts: z.number().int(),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;

/**
 * What a warning is about. `figure` is one entry per cited fact, gathering all that is wrong with
 * it (issue 11: no more one line per fact and problem, repeated); the rest concern the text.
 */
export const warningKindSchema = z.enum(['figure', 'missing-fact', 'missing-chart', 'chart-no-alt', 'empty-section', 'template-prompt', 'unsourced-figure']);
export const figureIssueSchema = z.enum(['superseded', 'newer-figure', 'conflict', 'no-source', 'no-quote', 'old']);
export const warningActionSchema = z.enum(['use-newer', 'cite-both', 'not-comparable', 'dismiss']);
export type WarningAction = z.infer<typeof warningActionSchema>;
export const reportWarningSchema = z.object({
  /** Stable while the warning is the same; a decision answers the warning with this key. */
  key: z.string(),
  kind: warningKindSchema,
  /** Errors must be fixed (a deleted fact, sources disagreeing); the rest asks for a second look. */
  severity: z.enum(['error', 'check']),
  sectionId: idSchema.nullable(),
  factId: idSchema.nullable(),
  chartId: idSchema.nullable(),
  /** The newer or disagreeing figure the entry offers. */
  otherFactId: idSchema.nullable(),
  issues: z.array(figureIssueSchema),
  /** In figures: "409 people (…, undated) — newer figure: 415 people as of 31 Dec 2025 (…)". */
  message: z.string(),
  actions: z.array(warningActionSchema),
  /** The author's recorded answer; a decided warning is listed apart and not counted. */
  decision: figureDecisionSchema.nullable(),
});
export type ReportWarning = z.infer<typeof reportWarningSchema>;

export const renderOptionsSchema = z
  .object({
    /** Overrides of the report's own settings, chosen in the export dialog. */
    citationStyle: z.enum(['chicago', 'apa']).optional(),
    pageSize: z.enum(['A4', 'LETTER']).optional(),
    tableOfContents: z.boolean().optional(),
    evidenceAnnex: z.boolean().optional(),
  })
  .strict();

const renderedSchema = z.object({
  /** The PDF, base64-encoded so it crosses IPC and HTTP the same way. */
  pdfBase64: z.string(),
  pageCount: z.number().int(),
  byteLength: z.number().int(),
  warnings: z.array(reportWarningSchema),
});

export const reportChannels = {
  'reports:list': defineChannel(z.undefined(), z.array(reportSummarySchema)),
  'reports:get': defineChannel(z.object({ id: idSchema }).strict(), reportSchema),
  /** A new report from a template: the genre's headings, guidance text and header fields. */
  'reports:create': defineChannel(z.object({ template: templateSchema, title: z.string().max(500).optional() }).strict(), reportSchema),
  /**
   * The report as the sender has it, with the revision it last saw: required here (not defaulted
   * as in the store), so a caller cannot skip the check; a stale one is refused as CONFLICT and a
   * deleted report as NOT_FOUND, never re-created (issue 13 §2).
   */
  'reports:save': defineChannel(z.object({ report: reportSchema.extend({ revision: revisionSchema }) }).strict(), reportSchema),
  'reports:duplicate': defineChannel(z.object({ id: idSchema }).strict(), reportSchema),
  /**
   * "Keep my version as a copy" after a refused save (issue 13 §2): the report as the sender has
   * it becomes a new report, in one step, whether the original was changed or deleted meanwhile.
   */
  'reports:save-copy': defineChannel(z.object({ report: reportSchema }).strict(), reportSchema),
  'reports:delete': defineChannel(z.object({ id: idSchema }).strict(), z.object({ undoToken: idSchema })),
  /** The facts a report refers to, as they are now in the library (the text stays live). */
  'reports:facts': defineChannel(z.object({ ids: z.array(idSchema).max(10_000) }).strict(), z.object({ facts: z.array(factViewSchema), missing: z.array(idSchema) })),
  'reports:warnings': defineChannel(z.object({ report: reportSchema }).strict(), z.array(reportWarningSchema)),
  /** Renders a report (saved or not) to PDF: the preview and the export use this same path. */
  'reports:render': defineChannel(z.object({ report: reportSchema, options: renderOptionsSchema.default({}) }).strict(), renderedSchema),
  /** Electron: asks where to save with the system dialog and writes there. Browser mode: UNSUPPORTED (the page downloads instead). */
  'export:save-pdf': defineChannel(
    z.object({ report: reportSchema, options: renderOptionsSchema.default({}) }).strict(),
    z.object({ saved: z.boolean(), path: z.string().nullable() }),
  ),
  /** Electron: opens a file this session exported, in the system's viewer. */
  'export:open': defineChannel(z.object({ path: z.string().max(4096) }).strict(), z.object({ opened: z.boolean() })),
} as const;
