import { z } from 'zod';
import { chartSchema, factSchema, indicatorSchema, reportSchema, sourceSchema, type Fact, type Source } from '../../shared/entities';
import { emptyDocument, type LibraryFile } from '../store/library-file';

/** The shape of seeds/library.json: sources point at a document file instead of holding text. */
export const seedLibrarySchema = z
  .object({
    indicators: z.array(indicatorSchema),
    sources: z.array(
      sourceSchema
        .omit({ text: true, origin: true, createdAt: true, updatedAt: true })
        .extend({ document: z.string().regex(/^documents\/[A-Za-z0-9_.-]+\.txt$/) }),
    ),
    facts: z.array(factSchema.omit({ quoteStart: true, createdAt: true, updatedAt: true })),
  })
  .strict();

/** seeds/reports.json: the sample reports and charts built from the seeded facts. */
export const seedReportsSchema = z
  .object({
    reports: z.array(reportSchema.omit({ createdAt: true, updatedAt: true })),
    charts: z.array(chartSchema.omit({ createdAt: true, updatedAt: true })),
  })
  .strict();
export type SeedLibrary = z.infer<typeof seedLibrarySchema>;

export class SeedError extends Error {}

/**
 * Builds the first library from the seed files, through the same schemas as user data, and
 * refuses seeds whose quotes are not in their documents (a figure must be traceable).
 */
export const buildSeedLibrary = (
  raw: unknown,
  readDocument: (relativePath: string) => string,
  now: Date,
  rawReports: unknown = { reports: [], charts: [] },
): LibraryFile => {
  const seed = seedLibrarySchema.parse(raw);
  const samples = seedReportsSchema.parse(rawReports);
  const timestamp = now.toISOString();
  const sources: Source[] = seed.sources.map(({ document, ...rest }) =>
    sourceSchema.parse({ ...rest, text: readDocument(document), origin: document, createdAt: timestamp, updatedAt: timestamp }),
  );
  const textById = new Map(sources.map((source) => [source.id, source.text]));
  const facts: Fact[] = seed.facts.map((fact) => {
    const text = textById.get(fact.sourceId);
    if (text === undefined) throw new SeedError(`seed fact ${fact.id} names unknown source ${fact.sourceId}`);
    const quoteStart = text.indexOf(fact.quote);
    if (fact.quote && quoteStart < 0) throw new SeedError(`seed fact ${fact.id}: quote not found in ${fact.sourceId}`);
    return factSchema.parse({ ...fact, quoteStart: fact.quote ? quoteStart : null, createdAt: timestamp, updatedAt: timestamp });
  });
  const factIds = new Set(facts.map((fact) => fact.id));
  const charts = samples.charts.map((chart) => {
    const missing = chart.factIds.find((id) => !factIds.has(id));
    if (missing) throw new SeedError(`seed chart ${chart.id} names unknown fact ${missing}`);
    return { ...chart, createdAt: timestamp, updatedAt: timestamp };
  });
  const reports = samples.reports.map((report) => {
    const missing = JSON.stringify(report.sections).match(/"factId":"([^"]+)"/g)?.map((match) => match.slice(10, -1)).find((id) => !factIds.has(id));
    if (missing) throw new SeedError(`seed report ${report.id} names unknown fact ${missing}`);
    return { ...report, createdAt: timestamp, updatedAt: timestamp };
  });
  return {
    ...emptyDocument(),
    indicators: seed.indicators,
    sources,
    facts,
    reports,
    charts,
  };
};
