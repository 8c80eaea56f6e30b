import { z } from 'zod';
import { chartSchema, chartTypeSchema, idSchema, revisionSchema } from '../entities';
import { defineChannel } from './define';

export const chartRenderSchema = z.object({
  svg: z.string(),
  width: z.number(),
  height: z.number(),
  /** The user's alt text when set, else one drafted from the data. */
  altText: z.string(),
  draftedAltText: z.string(),
  sourceLine: z.string(),
  citedFactIds: z.array(idSchema),
  missingFactIds: z.array(idSchema),
  warnings: z.array(z.string()),
  paletteWarnings: z.array(z.string()),
});
export type ChartRender = z.infer<typeof chartRenderSchema>;

export const chartSummarySchema = chartSchema.pick({ id: true, type: true, title: true, updatedAt: true, indicator: true }).extend({ factCount: z.number().int() });

export const chartChannels = {
  'charts:list': defineChannel(z.undefined(), z.array(chartSummarySchema)),
  'charts:get': defineChannel(z.object({ id: idSchema }).strict(), chartSchema),
  /** A sensible chart at once: from picked facts, or from an indicator's series over time. */
  'charts:create': defineChannel(
    z
      .object({
        type: chartTypeSchema,
        factIds: z.array(idSchema).max(500).default([]),
        indicator: z.string().max(200).nullable().default(null),
        title: z.string().max(500).optional(),
      })
      .strict(),
    chartSchema,
  ),
  /** Like reports:save: the revision last seen is required; stale is CONFLICT, deleted is NOT_FOUND. */
  'charts:save': defineChannel(z.object({ chart: chartSchema.extend({ revision: revisionSchema }) }).strict(), chartSchema),
  'charts:delete': defineChannel(z.object({ id: idSchema }).strict(), z.object({ undoToken: idSchema })),
  /** Renders a chart (saved or being edited) to SVG, as the preview and the PDF show it. */
  'charts:render': defineChannel(
    z
      .object({
        chart: chartSchema,
        width: z.number().int().min(120).max(2400).default(640),
        height: z.number().int().min(80).max(2400).default(360),
        /**
         * Size it as the page will (shared/domain/chart-frame.ts), from the chart's own model:
         * the preview of a report column. Overrides width and height.
         */
        fit: z.object({ pageSize: z.enum(['A4', 'LETTER']), column: z.enum(['full', 'half']) }).strict().optional(),
        /** Citation numbers of the report the chart sits in, for its source line. */
        citationNumbers: z.record(idSchema, z.number().int().min(1)).default({}),
      })
      .strict(),
    chartRenderSchema,
  ),
} as const;
