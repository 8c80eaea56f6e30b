import { z } from 'zod';
import { chartSchema, factSchema, indicatorSchema, reportSchema, sourceSchema } from '../../shared/entities';

export const CURRENT_SCHEMA_VERSION = 4;

/** A deleted entity kept so the user can undo the delete. */
export const trashEntrySchema = z
  .object({
    id: z.string().min(1).max(80),
    deletedAt: z.iso.datetime(),
    sources: z.array(sourceSchema),
    facts: z.array(factSchema),
    reports: z.array(reportSchema),
    charts: z.array(chartSchema),
  })
  .strict();

export const libraryFileSchema = z
  .object({
    schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
    sources: z.array(sourceSchema),
    facts: z.array(factSchema),
    indicators: z.array(indicatorSchema),
    reports: z.array(reportSchema),
    charts: z.array(chartSchema),
    trash: z.array(trashEntrySchema),
  })
  .strict();
export type LibraryFile = z.infer<typeof libraryFileSchema>;

export const emptyDocument = (): LibraryFile => ({
  schemaVersion: CURRENT_SCHEMA_VERSION,
  sources: [],
  facts: [],
  indicators: [],
  reports: [],
  charts: [],
  trash: [],
});
