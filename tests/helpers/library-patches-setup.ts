import { checkLibraryPatches } from '../../electron/patches/node/check-versions';

// Every host checks the patched libraries' versions when it starts (patches/versions.ts); so
// does every test file, with DOSSIER_LIBRARY_PATCHES deciding on or off as it does for the app.
checkLibraryPatches();
