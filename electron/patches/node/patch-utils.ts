import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Small helpers shared by the modules that patch pdfmake and pdfkit. */

/** The version of a package as `from` (a package name) would load it; null when it cannot be read. */
export const packageVersion = (require: NodeRequire, name: string, from?: string): string | null => {
  try {
    const resolve = from ? createRequire(require.resolve(`${from}/package.json`)) : require;
    try {
      return (resolve(`${name}/package.json`) as { version?: string }).version ?? null;
    } catch {
      // A package whose `exports` hides package.json (MiniSearch): find it above its entry point.
      for (let dir = dirname(resolve.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
        const file = join(dir, 'package.json');
        if (!existsSync(file)) continue;
        const json = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (json.name === name) return json.version ?? null;
      }
      return null;
    }
  } catch {
    return null;
  }
};

/** A Map that forgets everything when it reaches `limit` entries (the caches are hot sets). */
export const boundedSet = <K, V>(map: Map<K, V>, key: K, value: V, limit: number): V => {
  if (map.size >= limit) map.clear();
  map.set(key, value);
  return value;
};

/** The cache map `caches` holds for `owner`, made empty on first use. */
export const cacheFor = <K extends object, V>(caches: WeakMap<K, Map<string, V>>, owner: K): Map<string, V> => {
  let cache = caches.get(owner);
  if (!cache) {
    cache = new Map();
    caches.set(owner, cache);
  }
  return cache;
};
