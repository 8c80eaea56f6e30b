import { DossierError } from '../errors';
import type { LibraryFile } from '../store/library-file';

/** Deleted items stay restorable until this many later deletions have happened. */
export const TRASH_LIMIT = 50;

/**
 * Removes the named facts and sources (and facts of those sources) from the library into the
 * trash, in one entry that a single undo restores. Facts that pointed at a deleted fact as their
 * replacement keep pointing at it: the reference comes back with the undo.
 */
export const moveToTrash = (document: LibraryFile, { factIds, sourceIds }: { factIds: string[]; sourceIds: string[] }, id: string, now: Date): string => {
  const sourceSet = new Set(sourceIds);
  const factSet = new Set(factIds);
  const facts = document.facts.filter((fact) => factSet.has(fact.id) || sourceSet.has(fact.sourceId));
  const removedFacts = new Set(facts.map((fact) => fact.id));
  const sources = document.sources.filter((source) => sourceSet.has(source.id));
  document.facts = document.facts.filter((fact) => !removedFacts.has(fact.id));
  document.sources = document.sources.filter((source) => !sourceSet.has(source.id));
  document.trash.push({ id, deletedAt: now.toISOString(), sources, facts, reports: [], charts: [] });
  if (document.trash.length > TRASH_LIMIT) document.trash.splice(0, document.trash.length - TRASH_LIMIT);
  return id;
};

export const restoreFromTrash = (document: LibraryFile, id: string) => {
  const index = document.trash.findIndex((entry) => entry.id === id);
  const entry = document.trash[index];
  if (!entry) throw new DossierError('NOT_FOUND', 'That deletion can no longer be undone.');
  const takenSource = entry.sources.find((source) => document.sources.some((existing) => existing.id === source.id));
  const takenFact = entry.facts.find((fact) => document.facts.some((existing) => existing.id === fact.id));
  if (takenSource || takenFact) throw new DossierError('CONFLICT', 'Something with the same id was added since; the deletion cannot be undone.');
  // Back at a new revision: a window that saw the item before it was deleted must not save over
  // it as if nothing had happened (issue 13 §2).
  const revised = <T extends { revision: number }>(item: T): T => ({ ...item, revision: item.revision + 1 });
  document.sources.push(...entry.sources.map(revised));
  document.facts.push(...entry.facts.map(revised));
  document.reports.push(...entry.reports.map(revised));
  document.charts.push(...entry.charts.map(revised));
  document.trash.splice(index, 1);
  return entry;
};
