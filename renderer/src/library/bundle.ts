import type { ChannelOutput } from '../../../electron/shared/contract';
import type { FactQuery } from '../../../electron/shared/contract/library';
import type { ApiClient } from '../api/api-client';
import { downloadBlob } from '../app/download';

export type BundleImportResult = ChannelOutput<'bundle:import'>;

const today = (): string => new Date().toISOString().slice(0, 10);

/** Hands the bundle to the user as a .json download. */
export const downloadJson = (value: unknown, fileName: string): void =>
  downloadBlob(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }), fileName);

/** Exports the whole library, or only the given facts (with their sources). */
export const exportBundle = async (api: ApiClient, factIds?: string[]): Promise<{ ok: true; facts: number; fileName: string } | { ok: false; message: string }> => {
  const result = await api.call('bundle:export', factIds ? { factIds } : {});
  if (!result.ok) return { ok: false, message: result.error.message };
  const fileName = `dossier-library-${today()}${factIds ? `-${factIds.length}-facts` : ''}.json`;
  downloadJson(result.value, fileName);
  return { ok: true, facts: result.value.facts.length, fileName };
};

/** Reads a picked bundle file; a file that is not JSON is refused here, the rest by the core. */
export const importBundle = async (api: ApiClient, file: File): Promise<{ ok: true; value: BundleImportResult } | { ok: false; message: string }> => {
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, message: `“${file.name}” could not be read. Check that the file is still there and try again.` };
  }
  let bundle: unknown;
  try {
    bundle = JSON.parse(text);
  } catch {
    return { ok: false, message: `“${file.name}” is not a Dossier library file: it is not valid JSON. Nothing was imported.` };
  }
  const result = await api.call('bundle:import', { bundle });
  return result.ok ? { ok: true, value: result.value } : { ok: false, message: result.error.message };
};

/** Every fact id matching a query, page by page (facts:search returns at most 1000 at a time). */
export const collectFactIds = async (
  api: ApiClient,
  query: FactQuery,
): Promise<{ ok: true; ids: string[] } | { ok: false; message: string }> => {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 1000) {
    const result = await api.call('facts:search', { ...query, limit: 1000, offset });
    if (!result.ok) return { ok: false, message: result.error.message };
    ids.push(...result.value.items.map((fact) => fact.id));
    if (result.value.items.length === 0 || ids.length >= result.value.total) return { ok: true, ids };
  }
};
