import { sourceInputSchema, type SourceInput } from '../../shared/contract/library';
import type { Source } from '../../shared/entities';
import { DossierError } from '../errors';
import { nextRevision } from '../revisions';
import { definedOnly } from './fact-handlers';
import type { LibraryContext } from './library-context';
import { moveToTrash, restoreFromTrash } from './trash';

const summarize = (source: Source, factCount: number) => {
  const { text, ...rest } = source;
  return { ...rest, factCount, textLength: text.length };
};

export const createSourceHandlers = ({ state, now, newId }: LibraryContext) => ({
  'sources:list': () => {
    const document = state.current();
    const counts = new Map<string, number>();
    for (const fact of document.facts) counts.set(fact.sourceId, (counts.get(fact.sourceId) ?? 0) + 1);
    return document.sources.map((source) => summarize(source, counts.get(source.id) ?? 0));
  },
  'sources:get': ({ id }: { id: string }) => {
    const source = state.source(id);
    if (!source) throw new DossierError('NOT_FOUND', `There is no source with id ${id}.`);
    return source;
  },
  'sources:create': (input: SourceInput) =>
    state.change((document) => {
      const timestamp = now().toISOString();
      const source: Source = { ...sourceInputSchema.parse(input), id: newId('src'), revision: 1, createdAt: timestamp, updatedAt: timestamp };
      document.sources.push(source);
      return { result: source, touchedFacts: [] };
    }),
  'sources:update': ({ id, revision: seen, changes }: { id: string; revision: number; changes: Partial<SourceInput> }) =>
    state.change((document) => {
      const index = document.sources.findIndex((source) => source.id === id);
      const existing = document.sources[index];
      const revision = nextRevision('source', existing, seen);
      const { id: _id, revision: _revision, createdAt, updatedAt: _updatedAt, ...current } = existing!;
      const source: Source = { ...sourceInputSchema.parse({ ...current, ...definedOnly(changes) }), id, revision, createdAt, updatedAt: now().toISOString() };
      if (source.text !== existing!.text) {
        // Quotes must stay traceable: re-locate them, and refuse a text that drops one.
        const lost = document.facts.filter((fact) => fact.sourceId === id && fact.quote && !source.text.includes(fact.quote));
        if (lost.length > 0 && source.text.length > 0) {
          throw new DossierError('INVALID_INPUT', `The new text no longer contains the quotes of ${lost.length} fact(s) (first: “${lost[0]!.statement.slice(0, 80)}”). Edit those facts first.`);
        }
        for (const fact of document.facts) {
          if (fact.sourceId === id) fact.quoteStart = fact.quote && source.text ? source.text.indexOf(fact.quote) : null;
        }
      }
      document.sources[index] = source;
      return { result: source, touchedFacts: [], touchedSources: [id] };
    }),
  'sources:delete': ({ id }: { id: string }) =>
    state.change((document) => {
      if (!document.sources.some((source) => source.id === id)) throw new DossierError('NOT_FOUND', `There is no source with id ${id}.`);
      const factIds = document.facts.filter((fact) => fact.sourceId === id).map((fact) => fact.id);
      const undoToken = moveToTrash(document, { factIds: [], sourceIds: [id] }, newId('undo'), now());
      return { result: { undoToken, facts: factIds.length, sources: 1 }, touchedFacts: factIds };
    }),
  'trash:restore': ({ undoToken }: { undoToken: string }) =>
    state.change((document) => {
      const entry = restoreFromTrash(document, undoToken);
      return { result: { undoToken, facts: entry.facts.length, sources: entry.sources.length }, touchedFacts: entry.facts.map((fact) => fact.id) };
    }),
});
