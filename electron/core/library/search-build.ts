import type MiniSearch from 'minisearch';

/**
 * Faster first indexing: MiniSearch files every term of every fact through its radix tree
 * (`SearchableMap#fetch`: walk and split nodes, by string slicing), once per occurrence, and that
 * walk was most of the time indexing a large library took. While a fresh index is filled, the
 * tree's answer for each term is kept in a plain map, so a term seen before is found at once. The
 * value `fetch` returns for a term is the same object for as long as the term is in the tree
 * (nodes split around it, it does not move), and nothing is removed while an index is being
 * filled; the cache is dropped (the instance's own `fetch` deleted) as soon as filling ends.
 *
 * Reads MiniSearch 7.2's internals (pinned); any other shape is left alone.
 */

interface TermTree {
  fetch(key: string, initial: () => unknown): unknown;
  _size?: number;
}

/** Starts caching term lookups on `index`; call the returned function when filling is done. */
export const cacheTermsWhileFilling = (index: MiniSearch<never> | MiniSearch<unknown>): (() => void) => {
  const tree = (index as unknown as { _index?: TermTree })._index;
  if (!tree || typeof tree.fetch !== 'function' || Object.prototype.hasOwnProperty.call(tree, 'fetch')) return () => undefined;
  const stock = tree.fetch;
  const values = new Map<string, unknown>();
  tree.fetch = function (this: TermTree, key: string, initial: () => unknown): unknown {
    const known = values.get(key);
    if (known !== undefined) {
      this._size = undefined; // as fetch does: the tree's size is recounted when next asked
      return known;
    }
    const value = stock.call(this, key, initial);
    values.set(key, value);
    return value;
  };
  return () => {
    delete (tree as Partial<TermTree>).fetch;
    values.clear();
  };
};
