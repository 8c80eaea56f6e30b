import { z } from 'zod';
import { FIGURE_FORMS } from './format-number';
import { qualifierSchema } from './qualifiers';

/**
 * The domain entities as schemas. Every value that crosses a boundary (IPC, HTTP, bundle file,
 * seed file, the store on disk) is parsed with these, so one definition is the single truth.
 */

const MAX_TEXT = 2_000_000; // a long report's full text fits; a 10 MB hostile string does not
const MAX_LINE = 20_000;

export const idSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9_-]+$/, 'ids use letters, digits, "-" and "_" only');

/** A calendar date, possibly partial: "2025", "2025-12" or "2025-12-24". */
export const partialDateSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'dates are YYYY, YYYY-MM or YYYY-MM-DD');

export const timestampSchema = z.iso.datetime();

/** CSL-JSON item types we support; a subset of https://docs.citationstyles.org/ types. */
export const sourceTypeSchema = z.enum([
  'article-newspaper',
  'article-magazine',
  'webpage',
  'report',
  'press-release',
  'document',
]);

/**
 * How many times an item has been saved (issue 13 §2). A save names the revision its sender last
 * saw and is refused when the item has moved on, so a second tab cannot silently overwrite the
 * first. Defaulted, not migrated: items stored before it load at revision 1, the same as a new
 * item, and schema version 4 (not yet released) already keeps older apps away from this field.
 */
export const revisionSchema = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const storedRevision = revisionSchema.default(1);

export const personSchema = z.union([
  z.object({ family: z.string().min(1).max(200), given: z.string().max(200).optional() }).strict(),
  z.object({ literal: z.string().min(1).max(300) }).strict(),
]);

export const sourceSchema = z
  .object({
    id: idSchema,
    type: sourceTypeSchema,
    title: z.string().min(1).max(MAX_LINE),
    /** The outlet or publisher that carried the text (CSL container-title / publisher). */
    outlet: z.string().max(MAX_LINE).nullable(),
    /** The platform that relayed the outlet's text, when we have it second-hand (e.g. MENAFN carrying AzerNews). */
    via: z.string().max(MAX_LINE).nullable().default(null),
    authors: z.array(personSchema).max(100),
    published: partialDateSchema.nullable(),
    language: z.string().min(2).max(35),
    url: z.url({ protocol: /^https?$/ }).max(4000).nullable(),
    text: z.string().max(MAX_TEXT),
    origin: z.string().max(1000).nullable(),
    note: z.string().max(MAX_LINE).default(''),
    revision: storedRevision,
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .strict();
export type Source = z.infer<typeof sourceSchema>;

export const factSchema = z
  .object({
    id: idSchema,
    sourceId: idSchema,
    statement: z.string().min(1).max(MAX_LINE),
    value: z.number().finite().nullable(),
    unit: z.string().max(100).nullable(),
    /** "more than", "about"…: the source's words that say the value is not exact (issue 11 §3). */
    qualifier: qualifierSchema.nullable().default(null),
    /** When the figure was true; null when the text does not say. */
    asOf: partialDateSchema.nullable(),
    quote: z.string().max(MAX_LINE),
    /** Offset of the quote in the source text; null when the quote is not (or no longer) in it. */
    quoteStart: z.number().int().nonnegative().nullable(),
    tags: z.array(z.string().min(1).max(100)).max(50),
    indicator: z.string().max(200).nullable(),
    /** The fact that replaces this one (a newer figure for the same indicator). */
    supersededBy: idSchema.nullable().default(null),
    note: z.string().max(MAX_LINE).default(''),
    revision: storedRevision,
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .strict();
export type Fact = z.infer<typeof factSchema>;

export const indicatorSchema = z
  .object({
    key: z.string().min(1).max(200),
    label: z.string().min(1).max(500),
    unit: z.string().max(100).nullable(),
  })
  .strict();
export type Indicator = z.infer<typeof indicatorSchema>;

/** Inline content of a report section: text runs and references to facts. */
export const inlineSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('text'),
      text: z.string().max(MAX_LINE * 10),
      bold: z.boolean().optional(),
      italic: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('fact'),
      factId: idSchema,
      /** How the figure is written here; absent, the sentence decides (see shared/figure-form.ts). */
      form: z.enum(FIGURE_FORMS).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('figure-ref'), chartId: idSchema }).strict(),
]);
export type Inline = z.infer<typeof inlineSchema>;

export const blockSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paragraph'), content: z.array(inlineSchema).max(2000) }).strict(),
  z
    .object({
      kind: z.literal('list'),
      ordered: z.boolean(),
      items: z.array(z.array(inlineSchema).max(2000)).max(500),
    })
    .strict(),
  z
    .object({
      kind: z.literal('key-figures'),
      items: z.array(z.object({ factId: idSchema, label: z.string().max(500) }).strict()).max(12),
    })
    .strict(),
  z
    .object({
      kind: z.literal('chart'),
      chartId: idSchema,
      width: z.enum(['full', 'half']).default('full'),
    })
    .strict(),
  z.object({ kind: z.literal('guidance'), text: z.string().max(MAX_LINE) }).strict(),
]);
export type Block = z.infer<typeof blockSchema>;

export const sectionSchema = z
  .object({
    id: idSchema,
    heading: z.string().max(500),
    blocks: z.array(blockSchema).max(1000),
  })
  .strict();
export type Section = z.infer<typeof sectionSchema>;

export const templateSchema = z.enum(['donor-appeal', 'briefing-note']);
export type Template = z.infer<typeof templateSchema>;

/**
 * A decision the author took on one warning, kept with the report so it is not asked again and
 * a reviewer can see why (issue 11): both figures cited on purpose, not comparable, or dismissed
 * with a reason. `warningKey` names the warning it answers (see reportWarningSchema.key); when
 * the warning changes (another newer figure appears), its key changes and it is open again.
 */
export const figureDecisionSchema = z
  .object({
    warningKey: z.string().min(1).max(300),
    factId: idSchema.nullable(),
    otherFactId: idSchema.nullable(),
    decision: z.enum(['cite-both', 'not-comparable', 'dismissed']),
    reason: z.string().max(2000),
    decidedAt: timestampSchema,
  })
  .strict()
  .refine((decision) => decision.decision !== 'dismissed' || decision.reason.trim() !== '', { message: 'a dismissal needs a reason', path: ['reason'] })
  .refine((decision) => decision.decision === 'dismissed' || decision.otherFactId !== null, { message: 'citing both or marking as not comparable needs the other figure', path: ['otherFactId'] });
export type FigureDecision = z.infer<typeof figureDecisionSchema>;

export const reportSchema = z
  .object({
    id: idSchema,
    template: templateSchema,
    title: z.string().max(500),
    subtitle: z.string().max(1000),
    recipient: z.string().max(500),
    author: z.string().max(500),
    date: partialDateSchema,
    language: z.string().min(2).max(35),
    marking: z.string().max(200),
    reference: z.string().max(200),
    fields: z.record(z.string().max(100), z.string().max(2000)).default({}),
    citationStyle: z.enum(['chicago', 'apa']).default('chicago'),
    pageSize: z.enum(['A4', 'LETTER']).default('A4'),
    tableOfContents: z.boolean().default(false),
    evidenceAnnex: z.boolean().default(false),
    staleAfterMonths: z.number().int().min(1).max(240).default(24),
    sections: z.array(sectionSchema).max(200),
    /** Optional and defaulted, so reports stored before issue 11 stay valid without a migration. */
    figureDecisions: z.array(figureDecisionSchema).max(2000).default([]),
    revision: storedRevision,
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .strict();
export type Report = z.infer<typeof reportSchema>;

const MAX_JSON_DEPTH = 8;
const MAX_JSON_CHARACTERS = 100_000;

/**
 * Plain JSON data (no BigInt, functions, cycles), shallow and small. Chart options are free-form,
 * and a value the store cannot serialise would make every later save fail.
 */
export const isBoundedJson = (value: unknown): boolean => {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length) {
    const [item, depth] = pending.pop()!;
    if (depth > MAX_JSON_DEPTH) return false;
    if (item === null || typeof item === 'string' || typeof item === 'boolean') continue;
    if (typeof item === 'number') {
      if (!Number.isFinite(item)) return false;
      continue;
    }
    if (Array.isArray(item)) {
      for (const child of item) pending.push([child, depth + 1]);
      continue;
    }
    if (typeof item !== 'object' || Object.getPrototypeOf(item) !== Object.prototype) return false;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return JSON.stringify(value).length <= MAX_JSON_CHARACTERS;
};

export const chartTypeSchema = z.enum([
  'bar-horizontal',
  'bar-vertical',
  'bar-grouped',
  'bar-stacked',
  'line',
  'donut',
  'big-number',
]);

export const chartSchema = z
  .object({
    id: idSchema,
    type: chartTypeSchema,
    title: z.string().max(500),
    subtitle: z.string().max(1000).default(''),
    factIds: z.array(idSchema).max(500),
    indicator: z.string().max(200).nullable().default(null),
    options: z
      .record(z.string().max(100), z.unknown())
      .refine(isBoundedJson, `options must be plain JSON, at most ${MAX_JSON_DEPTH} levels deep and ${MAX_JSON_CHARACTERS} characters`)
      .default({}),
    altText: z.string().max(5000).default(''),
    caption: z.string().max(1000).default(''),
    revision: storedRevision,
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .strict();
export type Chart = z.infer<typeof chartSchema>;
