import { z } from 'zod';
import { idSchema, reportSchema, templateSchema } from '../entities';
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

export const warningKindSchema = z.enum(['superseded', 'conflict', 'no-quote', 'no-source', 'stale', 'missing-fact', 'missing-chart', 'chart-no-alt']);
export const reportWarningSchema = z.object({
  kind: warningKindSchema,
  sectionId: idSchema.nullable(),
  factId: idSchema.nullable(),
  chartId: idSchema.nullable(),
  message: z.string(),
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
  'reports:save': defineChannel(z.object({ report: reportSchema }).strict(), reportSchema),
  'reports:duplicate': defineChannel(z.object({ id: idSchema }).strict(), reportSchema),
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
