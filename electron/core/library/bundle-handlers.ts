import { bundleSchema, type Bundle } from '../../shared/contract/library';
import type { Fact } from '../../shared/entities';
import { DossierError } from '../errors';
import type { LibraryContext } from './library-context';

const describeIssue = (issue: { path: PropertyKey[]; message: string }): string =>
  `${issue.path.map(String).join('.') || '(bundle)'}: ${issue.message}`;

/** Checks a bundle whole: its shape, then that every fact's source and quote are accounted for. */
export const parseBundle = (raw: unknown, sourceTextOf: (id: string) => string | undefined): Bundle => {
  const parsed = bundleSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    throw new DossierError(
      'INVALID_INPUT',
      `The bundle was refused and nothing was imported. ${issues.slice(0, 3).map(describeIssue).join('; ')}${issues.length > 3 ? ` (and ${issues.length - 3} more problems)` : ''}.`,
    );
  }
  const bundle = parsed.data;
  const bundleSources = new Map(bundle.sources.map((source) => [source.id, source.text]));
  for (const [index, fact] of bundle.facts.entries()) {
    const text = bundleSources.get(fact.sourceId) ?? sourceTextOf(fact.sourceId);
    if (text === undefined) throw new DossierError('INVALID_INPUT', `The bundle was refused and nothing was imported. facts.${index}: its source ${fact.sourceId} is neither in the bundle nor in the library.`);
    if (fact.quote && text.length > 0 && !text.includes(fact.quote)) {
      throw new DossierError('INVALID_INPUT', `The bundle was refused and nothing was imported. facts.${index}: its quote is not in the text of source ${fact.sourceId}.`);
    }
  }
  const ids = new Set<string>();
  for (const item of [...bundle.sources, ...bundle.facts]) {
    if (ids.has(item.id)) throw new DossierError('INVALID_INPUT', `The bundle was refused and nothing was imported. The id ${item.id} appears twice.`);
    ids.add(item.id);
  }
  return bundle;
};

/** A bundle's item that replaces one we have is a change like any save: its revision moves on (issue 13 §2). */
const nextOf = <T extends { revision: number }>(item: T, previous: T): T => ({ ...item, revision: previous.revision + 1 });

const mergeById = <T extends { id: string }>(target: T[], incoming: readonly T[], revise: (item: T, previous: T) => T = (item) => item) => {
  const positions = new Map(target.map((item, index) => [item.id, index]));
  let added = 0;
  let updated = 0;
  for (const item of incoming) {
    const position = positions.get(item.id);
    if (position === undefined) {
      positions.set(item.id, target.push(item) - 1);
      added += 1;
    } else {
      target[position] = revise(item, target[position]!);
      updated += 1;
    }
  }
  return { added, updated };
};

export const createBundleHandlers = ({ state, now }: LibraryContext) => ({
  'bundle:export': ({ factIds }: { factIds?: string[] }): Bundle => {
    const document = state.current();
    const wanted = factIds ? new Set(factIds) : null;
    const facts = wanted ? document.facts.filter((fact) => wanted.has(fact.id)) : document.facts;
    if (wanted && facts.length !== wanted.size) throw new DossierError('NOT_FOUND', 'Some of the selected facts no longer exist.');
    const sourceIds = new Set(facts.map((fact) => fact.sourceId));
    const indicatorKeys = new Set(facts.flatMap((fact) => (fact.indicator ? [fact.indicator] : [])));
    return {
      format: 'dossier-library-bundle',
      version: 1,
      exportedAt: now().toISOString(),
      indicators: wanted ? document.indicators.filter((indicator) => indicatorKeys.has(indicator.key)) : document.indicators,
      sources: wanted ? document.sources.filter((source) => sourceIds.has(source.id)) : document.sources,
      facts,
    };
  },
  'bundle:import': ({ bundle: raw }: { bundle: unknown }) => {
    const bundle = parseBundle(raw, (id) => state.source(id)?.text);
    return state.change((document) => {
      const sources = mergeById(document.sources, bundle.sources, nextOf);
      const texts = new Map(document.sources.map((source) => [source.id, source.text]));
      const facts = mergeById(
        document.facts,
        bundle.facts.map((fact): Fact => {
          const text = texts.get(fact.sourceId) ?? '';
          const start = fact.quote ? text.indexOf(fact.quote) : -1;
          return { ...fact, quoteStart: start >= 0 ? start : null };
        }),
        nextOf,
      );
      const indicatorRows = document.indicators.map((indicator) => ({ ...indicator, id: indicator.key }));
      const indicators = mergeById(indicatorRows, bundle.indicators.map((indicator) => ({ ...indicator, id: indicator.key })));
      document.indicators = indicatorRows.map(({ id: _id, ...indicator }) => indicator);
      return {
        result: { sources, facts, indicators },
        touchedFacts: bundle.facts.map((fact) => fact.id),
        touchedSources: bundle.sources.map((source) => source.id),
      };
    });
  },
});
