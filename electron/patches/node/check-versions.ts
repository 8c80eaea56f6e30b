import { createRequire } from 'node:module';
import { decideLibraryPatches, libraryPatchStatus, type LibraryPatchStatus, type PatchedLibrary } from '../versions';
import { packageVersion } from './patch-utils';

/**
 * Reads the installed versions of the patched libraries (pdfkit as pdfmake loads it) and decides,
 * once per process, whether the patches are used. `DOSSIER_LIBRARY_PATCHES=off` (or 0, false, no)
 * turns them all off: the escape hatch, and how CI runs the export and search tests a second time.
 */
export const installedLibraryVersions = (): Record<PatchedLibrary, string | null> => {
  const require = createRequire(import.meta.url);
  return {
    pdfmake: packageVersion(require, 'pdfmake'),
    pdfkit: packageVersion(require, 'pdfkit', 'pdfmake'),
    citeproc: packageVersion(require, 'citeproc'),
    minisearch: packageVersion(require, 'minisearch'),
  };
};

export const patchesRequestedByEnvironment = (value: string | undefined = process.env.DOSSIER_LIBRARY_PATCHES): boolean =>
  !/^(off|0|false|no)$/i.test((value ?? '').trim());

/** Checks the versions on first call; later calls return the status as it is (tests may switch it). */
export const checkLibraryPatches = (): LibraryPatchStatus => {
  const current = libraryPatchStatus();
  if (current.checked) return current;
  return decideLibraryPatches(installedLibraryVersions(), patchesRequestedByEnvironment());
};
