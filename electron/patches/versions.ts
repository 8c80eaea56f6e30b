/**
 * One switch for every speed-up that reaches into a library's internals: pdfmake's and pdfkit's
 * (patches/node/pdfmake-fast-paths.ts, pdfkit-text-drawing.ts, pdfkit-deflate.ts), citeproc-js's (patches/citeproc.ts and the repeated-cluster
 * shortcut in citations/formatter.ts) and MiniSearch's (patches/minisearch-word-scores.ts).
 *
 * Each was written against the exact versions below and is held to the library's own output by
 * tests that run sequences of edits (tests/integration/differential-render.test.ts,
 * tests/unit/patches/minisearch-word-scores.test.ts). A different version may have moved the internals they
 * follow, so it is all or none: if any installed version differs from this list, none is used,
 * and the app says so in its status. Until a host has checked the versions, none is used either,
 * so code that never asked gets the libraries' own behaviour.
 */
export const PATCHED_LIBRARY_VERSIONS = {
  pdfmake: '0.3.11',
  pdfkit: '0.19.1',
  citeproc: '2.4.63',
  minisearch: '7.2.0',
} as const;

export type PatchedLibrary = keyof typeof PATCHED_LIBRARY_VERSIONS;

export interface VersionMismatch {
  library: PatchedLibrary;
  expected: string;
  installed: string | null;
}

export interface LibraryPatchStatus {
  /** Whether the patches are in use now. */
  active: boolean;
  /** Whether the user (or a test) asked for them; false when switched off. */
  requested: boolean;
  /** Installed versions that differ from the list; any one of them turns every patch off. */
  mismatches: VersionMismatch[];
  /** Whether a host has compared the installed versions with the list yet. */
  checked: boolean;
}

let status: LibraryPatchStatus = { active: false, requested: true, mismatches: [], checked: false };

/** Compares installed versions with the list and decides, all or none. */
export const decideLibraryPatches = (installed: Readonly<Record<PatchedLibrary, string | null>>, requested: boolean): LibraryPatchStatus => {
  const mismatches: VersionMismatch[] = [];
  for (const library of Object.keys(PATCHED_LIBRARY_VERSIONS) as PatchedLibrary[]) {
    const expected = PATCHED_LIBRARY_VERSIONS[library];
    if (installed[library] !== expected) mismatches.push({ library, expected, installed: installed[library] ?? null });
  }
  status = { active: requested && mismatches.length === 0, requested, mismatches, checked: true };
  return libraryPatchStatus();
};

/** Turns the patches on or off after the versions were checked (tests and the bench compare both). */
export const setLibraryPatches = (requested: boolean): void => {
  status = { ...status, requested, active: requested && status.checked && status.mismatches.length === 0 };
};

export const libraryPatchesActive = (): boolean => status.active;

export const libraryPatchStatus = (): LibraryPatchStatus => ({ ...status, mismatches: status.mismatches.map((entry) => ({ ...entry })) });

/** One line for a status bar or the CLI: why the patches are off, or that they are on. */
export const describeLibraryPatches = (current: LibraryPatchStatus = status): string => {
  if (current.active) return 'Library speed-ups on (versions checked).';
  if (current.mismatches.length > 0) {
    const list = current.mismatches.map((entry) => `${entry.library} ${entry.installed ?? 'missing'} (written for ${entry.expected})`).join(', ');
    return `Library speed-ups off: installed versions differ — ${list}. Exports and search use the libraries' own code.`;
  }
  if (!current.requested) return "Library speed-ups off (switched off). Exports and search use the libraries' own code.";
  return 'Library speed-ups off (versions not checked).';
};
