import type { FactInput, FactQuery } from '../../shared/contract/library';
import { factInputSchema, factQuerySchema } from '../../shared/contract/library';
import type { Fact, Source } from '../../shared/entities';
import { DossierError } from '../errors';
import { nextRevision } from '../revisions';
import type { LibraryFile } from '../store/library-file';
import type { LibraryContext } from './library-context';
import { dateWindow, passesFilter, type FactFilter } from './fact-filter';
import { moveToTrash } from './trash';
import { seriesFor } from './series';
import { toConflictView, toFactView } from './view-mappers';
import { locateQuote as locateQuoteIn } from '../../shared/domain/quote';

type ParsedFactInput = ReturnType<typeof factInputSchema.parse>;

/** Where the quote sits in the source text; a quote that is not there is refused, not guessed. */
export const locateQuote = (quote: string, source: Source): number | null => {
  if (!quote) return null;
  const start = locateQuoteIn(source.text, quote);
  if (start !== null) return start;
  if (source.text.length === 0) return null;
  throw new DossierError('INVALID_INPUT', `The quote is not in the text of “${source.title.slice(0, 80)}”. Copy the exact words from the source.`);
};

const requireSource = (document: LibraryFile, id: string): Source => {
  const source = document.sources.find((candidate) => candidate.id === id);
  if (!source) throw new DossierError('INVALID_INPUT', `There is no source with id ${id}.`);
  return source;
};

/** Registers an indicator key the first time a fact uses it, so filters can list it. */
export const ensureIndicator = (document: LibraryFile, key: string | null, unit: string | null): void => {
  if (key && !document.indicators.some((indicator) => indicator.key === key)) {
    document.indicators.push({ key, label: key.replace(/[-_]+/g, ' '), unit });
  }
};

const checkSupersededBy = (document: LibraryFile, input: Pick<ParsedFactInput, 'supersededBy'>, selfId: string | null): void => {
  if (input.supersededBy === null) return;
  if (input.supersededBy === selfId) throw new DossierError('INVALID_INPUT', 'A fact cannot supersede itself.');
  if (!document.facts.some((fact) => fact.id === input.supersededBy)) {
    throw new DossierError('INVALID_INPUT', `“Superseded by” names a fact that does not exist (${input.supersededBy}).`);
  }
};

export const buildFact = (document: LibraryFile, input: ParsedFactInput, id: string, timestamp: string, checkReplacement = true): Fact => {
  const source = requireSource(document, input.sourceId);
  if (checkReplacement) checkSupersededBy(document, input, id);
  return {
    ...input,
    tags: [...new Set(input.tags.map((tag) => tag.trim()).filter(Boolean))],
    quoteStart: locateQuote(input.quote, source),
    id,
    revision: 1,
    createdAt: timestamp,
    updatedAt: timestamp,
  };
};

/** IPC delivers `{ key: undefined }` for a cleared optional: it means "unchanged", not "erase". */
export const definedOnly = <T extends object>(changes: T): Partial<T> =>
  Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;

export const createFactHandlers = ({ state, now, newId }: LibraryContext) => {
  const search = (query: FactQuery) => {
    const parsed = factQuerySchema.parse(query);
    const text = parsed.query.trim();
    const filter: FactFilter = {
      tags: new Set(parsed.tags),
      sourceIds: new Set(parsed.sourceIds),
      indicators: new Set(parsed.indicators),
      window: dateWindow(parsed.from, parsed.to),
      hasConflict: parsed.hasConflict,
    };
    const filtering = filter.tags.size > 0 || filter.sourceIds.size > 0 || filter.indicators.size > 0 || filter.hasConflict || filter.window !== null;
    const inConflict = (id: string): boolean => state.isInConflict(id);
    let facts: readonly Fact[];
    if (text) {
      facts = state.search(text);
      if (filtering) facts = facts.filter((fact) => passesFilter(fact, filter, state.source(fact.sourceId)?.published ?? null, inConflict));
    } else {
      facts = filtering ? state.orderedFacts().filter(filter, inConflict) : state.factsNewestFirst();
    }
    const page = facts.slice(parsed.offset, parsed.offset + parsed.limit);
    return {
      total: facts.length,
      indexing: text !== '' && !state.searchIndexed,
      items: page.map((fact) => toFactView(fact, state.source(fact.sourceId), state.isInConflict(fact.id))),
    };
  };

  const get = ({ id }: { id: string }) => {
    const fact = state.fact(id);
    if (!fact) throw new DossierError('NOT_FOUND', `There is no fact with id ${id}; it may have been deleted.`);
    const source = state.source(fact.sourceId);
    if (!source) throw new DossierError('NOT_FOUND', `The source of this fact (${fact.sourceId}) is missing.`);
    const group = state.conflictGroups().find((candidate) => candidate.factIds.includes(id));
    return {
      fact: toFactView(fact, source, Boolean(group)),
      source,
      conflict: group ? toConflictView(group, (factId) => state.fact(factId), (sourceId) => state.source(sourceId), (key) => state.indicator(key)) : null,
      series: seriesFor(fact, { figuresOf: (key) => state.figuresOf(key), source: (sourceId) => state.source(sourceId), indicator: (key) => state.indicator(key) }),
    };
  };

  return {
    'facts:search': search,
    'facts:get': get,
    'facts:create': (input: FactInput) =>
      state.change((document) => {
        const fact = buildFact(document, factInputSchema.parse(input), newId('fact'), now().toISOString());
        ensureIndicator(document, fact.indicator, fact.unit);
        document.facts.push(fact);
        return { result: fact, touchedFacts: [fact.id] };
      }),
    'facts:update': ({ id, revision: seen, changes }: { id: string; revision: number; changes: Partial<FactInput> }) =>
      state.change((document) => {
        const index = document.facts.findIndex((fact) => fact.id === id);
        const existing = document.facts[index];
        const revision = nextRevision('fact', existing, seen);
        const merged = factInputSchema.parse({ ...pickInput(existing!), ...definedOnly(changes) });
        const fact = { ...buildFact(document, merged, id, now().toISOString(), changes.supersededBy !== undefined), revision, createdAt: existing!.createdAt };
        ensureIndicator(document, fact.indicator, fact.unit);
        document.facts[index] = fact;
        return { result: fact, touchedFacts: [id] };
      }),
    'facts:delete': ({ id }: { id: string }) =>
      state.change((document) => {
        if (!document.facts.some((fact) => fact.id === id)) throw new DossierError('NOT_FOUND', `There is no fact with id ${id}.`);
        const undoToken = moveToTrash(document, { factIds: [id], sourceIds: [] }, newId('undo'), now());
        return { result: { undoToken, facts: 1, sources: 0 }, touchedFacts: [id] };
      }),
  };
};

const pickInput = (fact: Fact): ParsedFactInput => ({
  sourceId: fact.sourceId,
  statement: fact.statement,
  value: fact.value,
  unit: fact.unit,
  qualifier: fact.qualifier,
  asOf: fact.asOf,
  quote: fact.quote,
  tags: fact.tags,
  indicator: fact.indicator,
  supersededBy: fact.supersededBy,
  note: fact.note,
});
