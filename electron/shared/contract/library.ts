import { z } from 'zod';
import { factSchema, idSchema, indicatorSchema, partialDateSchema, revisionSchema, sourceSchema } from '../entities';
import { qualifierSchema } from '../qualifiers';
import { defineChannel } from './define';

/** What a user may set on a fact; ids, quote offsets and timestamps are the core's business. */
export const factInputSchema = factSchema
  .pick({ sourceId: true, statement: true, value: true, unit: true, qualifier: true, asOf: true, quote: true, tags: true, indicator: true, supersededBy: true, note: true })
  .strict();
export type FactInput = z.input<typeof factInputSchema>;

export const sourceInputSchema = sourceSchema.omit({ id: true, revision: true, createdAt: true, updatedAt: true }).strict();
export type SourceInput = z.input<typeof sourceInputSchema>;

/**
 * The fields a partial update may carry. Not `.partial()` alone: zod keeps `.default()` values
 * there, so an update of one field would silently reset every defaulted one (note, supersededBy).
 */
const changesOf = <S extends z.ZodObject>(schema: S) =>
  z
    .object(Object.fromEntries(Object.entries(schema.shape).map(([key, field]) => [key, field instanceof z.ZodDefault ? field.removeDefault() : field])))
    .partial()
    .strict() as unknown as ReturnType<S['partial']>;

export const factChangesSchema = changesOf(factInputSchema);
export const sourceChangesSchema = changesOf(sourceInputSchema);

export const sourceSummarySchema = sourceSchema.omit({ text: true }).extend({ factCount: z.number().int(), textLength: z.number().int() });

export const factViewSchema = factSchema.extend({
  source: z.object({ id: idSchema, title: z.string(), outlet: z.string().nullable(), published: partialDateSchema.nullable() }),
  inConflict: z.boolean(),
  superseded: z.boolean(),
});
export type FactView = z.infer<typeof factViewSchema>;

export const factQuerySchema = z
  .object({
    query: z.string().max(500).default(''),
    tags: z.array(z.string().max(100)).max(50).default([]),
    sourceIds: z.array(idSchema).max(500).default([]),
    indicators: z.array(z.string().max(200)).max(200).default([]),
    /** Applied to the as-of date, or the publication date when the as-of is unknown. */
    from: partialDateSchema.nullable().default(null),
    to: partialDateSchema.nullable().default(null),
    hasConflict: z.boolean().default(false),
    limit: z.number().int().min(1).max(1000).default(200),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export type FactQuery = z.input<typeof factQuerySchema>;

export const conflictViewSchema = z.object({
  indicator: z.string(),
  label: z.string(),
  unit: z.string().nullable(),
  newestFactId: idSchema.nullable(),
  entries: z.array(
    z.object({
      factId: idSchema,
      value: z.number().nullable(),
      unit: z.string().nullable(),
      asOf: partialDateSchema.nullable(),
      superseded: z.boolean(),
      source: z.object({ id: idSchema, title: z.string(), outlet: z.string().nullable(), published: partialDateSchema.nullable() }),
    }),
  ),
});
export type ConflictView = z.infer<typeof conflictViewSchema>;

/** One point of an indicator's series: a dated figure (see core/library/series.ts). */
export const seriesPointSchema = z.object({
  factId: idSchema,
  value: z.number(),
  unit: z.string().nullable(),
  date: partialDateSchema,
  source: z.string(),
});
export type SeriesPoint = z.infer<typeof seriesPointSchema>;

export const candidateSchema = z.object({
  statement: z.string(),
  quote: z.string(),
  quoteStart: z.number().int().nonnegative(),
  value: z.number(),
  unit: z.string().nullable(),
  /** The qualifier written before the figure ("more than"), proposed for the user to confirm. */
  qualifier: qualifierSchema.nullable(),
  raw: z.string(),
});
export type CandidateView = z.infer<typeof candidateSchema>;

export const bundleSchema = z
  .object({
    format: z.literal('dossier-library-bundle'),
    version: z.literal(1),
    exportedAt: z.iso.datetime(),
    indicators: z.array(indicatorSchema).max(100_000),
    sources: z.array(sourceSchema).max(100_000),
    facts: z.array(factSchema).max(1_000_000),
  })
  .strict();
export type Bundle = z.infer<typeof bundleSchema>;

const byId = z.object({ id: idSchema }).strict();
const undoSchema = z.object({ undoToken: idSchema, facts: z.number().int(), sources: z.number().int() });
const mergeCountSchema = z.object({ added: z.number().int(), updated: z.number().int() });

export const libraryChannels = {
  /** `indexing`: a large library's search index is still being built; text matches come in date order, not by relevance. */
  'facts:search': defineChannel(factQuerySchema, z.object({ total: z.number().int(), items: z.array(factViewSchema), indexing: z.boolean() })),
  'facts:get': defineChannel(byId, z.object({ fact: factViewSchema, source: sourceSchema, conflict: conflictViewSchema.nullable(), series: z.array(seriesPointSchema) })),
  'facts:create': defineChannel(factInputSchema, factSchema),
  /** `revision`: the one the sender last saw; a stale one is refused as CONFLICT (issue 13 §2). */
  'facts:update': defineChannel(z.object({ id: idSchema, revision: revisionSchema, changes: factChangesSchema }).strict(), factSchema),
  'facts:delete': defineChannel(byId, undoSchema),
  'trash:restore': defineChannel(z.object({ undoToken: idSchema }).strict(), undoSchema),
  'sources:list': defineChannel(z.undefined(), z.array(sourceSummarySchema)),
  'sources:get': defineChannel(byId, sourceSchema),
  'sources:create': defineChannel(sourceInputSchema, sourceSchema),
  'sources:update': defineChannel(z.object({ id: idSchema, revision: revisionSchema, changes: sourceChangesSchema }).strict(), sourceSchema),
  /** Deletes the source and its facts together (one undo restores both). */
  'sources:delete': defineChannel(byId, undoSchema),
  'library:facets': defineChannel(
    z.undefined(),
    z.object({
      tags: z.array(z.object({ tag: z.string(), count: z.number().int() })),
      indicators: z.array(indicatorSchema.extend({ count: z.number().int() })),
      sources: z.array(z.object({ id: idSchema, title: z.string(), outlet: z.string().nullable(), count: z.number().int() })),
    }),
  ),
  'conflicts:list': defineChannel(z.undefined(), z.array(conflictViewSchema)),
  /**
   * A new indicator from the label the user typed (issue 11: chosen by label, never by a hidden
   * code); its key is made from the label. An indicator with the same label is returned as it is.
   */
  'indicators:create': defineChannel(
    z.object({ label: z.string().trim().min(1, 'Name what the figure measures.').max(500), unit: z.string().trim().max(100).nullable().default(null) }).strict(),
    indicatorSchema,
  ),
  /** Reads a dropped or picked file and proposes facts; stores nothing. */
  'import:propose': defineChannel(
    z.object({ fileName: z.string().min(1).max(500), content: z.string().max(20_000_000) }).strict(),
    z.object({
      source: sourceInputSchema,
      /** The first figures of the document, in reading order (at most 1,000: issue 13 §5). */
      candidates: z.array(candidateSchema),
      /** How many figures the document holds; more than `candidates.length` when the list was cut. */
      figuresFound: z.number().int().nonnegative(),
      duplicatesCollapsed: z.number().int(),
    }),
  ),
  /** Stores the source and the facts the user accepted, together. */
  'import:commit': defineChannel(
    z.object({ source: sourceInputSchema, facts: z.array(factInputSchema.omit({ sourceId: true })).max(10_000) }).strict(),
    z.object({ source: sourceSchema, facts: z.array(factSchema) }),
  ),
  'bundle:export': defineChannel(z.object({ factIds: z.array(idSchema).max(1_000_000).optional() }).strict(), bundleSchema),
  /** Validates the whole bundle first; a bad bundle is refused whole and nothing changes. */
  'bundle:import': defineChannel(z.object({ bundle: z.unknown() }).strict(), z.object({ sources: mergeCountSchema, facts: mergeCountSchema, indicators: mergeCountSchema })),
} as const;
