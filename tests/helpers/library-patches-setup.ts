import { checkLibraryPatches } from '../../electron/core/node/library-versions';

// Every host checks the patched libraries' versions when it starts (core/library-patches.ts); so
// does every test file, with DOSSIER_LIBRARY_PATCHES deciding on or off as it does for the app.
checkLibraryPatches();
