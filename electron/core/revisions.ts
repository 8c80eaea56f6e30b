import { DossierError } from './errors';

/** What the user calls the item, for the message they read. */
export type RevisedKind = 'report' | 'fact' | 'source' | 'chart';

/**
 * The check every save of a report, fact, source or chart makes before it changes anything
 * (issue 13 §2, "Two tabs, one report"): the sender names the revision it last saw. A deleted
 * item is NOT_FOUND, so a late autosave cannot re-create it; an item saved since is CONFLICT,
 * so one tab cannot silently erase another's change. Returns the revision the save will carry.
 */
export const nextRevision = (kind: RevisedKind, stored: { revision: number } | undefined, seen: number): number => {
  if (!stored) throw new DossierError('NOT_FOUND', `This ${kind} was deleted since you opened it, so your changes were not saved.`);
  if (stored.revision !== seen) {
    throw new DossierError('CONFLICT', `This ${kind} was changed in another window since you opened it (you had version ${seen}, it is now at version ${stored.revision}). Your changes were not saved over it.`);
  }
  return stored.revision + 1;
};
