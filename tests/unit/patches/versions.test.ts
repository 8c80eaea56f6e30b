import { describe, expect, it } from 'vitest';
import { decideLibraryPatches, describeLibraryPatches, libraryPatchesActive, PATCHED_LIBRARY_VERSIONS, setLibraryPatches } from '../../../electron/patches/versions';
import { installedLibraryVersions, patchesRequestedByEnvironment } from '../../../electron/patches/node/check-versions';
import { openTestApp } from '../../helpers/open-test-app';

describe('one switch for the library patches, all or none', () => {
  const installed = installedLibraryVersions();

  it('was written for exactly the versions installed (a version bump must review the patches and this list)', () => {
    expect(installed).toEqual(PATCHED_LIBRARY_VERSIONS);
  });

  it('turns every patch off when any one version differs, and says which', () => {
    const status = decideLibraryPatches({ ...installed, minisearch: '7.3.0' }, true);
    expect(status.active).toBe(false);
    expect(libraryPatchesActive()).toBe(false);
    expect(status.mismatches).toEqual([{ library: 'minisearch', expected: '7.2.0', installed: '7.3.0' }]);
    expect(describeLibraryPatches(status)).toMatch(/off: installed versions differ — minisearch 7\.3\.0 \(written for 7\.2\.0\)/);
    // Asking for them again does not override a mismatch.
    setLibraryPatches(true);
    expect(libraryPatchesActive()).toBe(false);
    const missing = decideLibraryPatches({ ...installed, pdfkit: null }, true);
    expect(missing.active).toBe(false);
    expect(describeLibraryPatches(missing)).toContain('pdfkit missing');
  });

  it('is on with matching versions unless switched off, by DOSSIER_LIBRARY_PATCHES or by code', () => {
    expect(decideLibraryPatches(installed, true).active).toBe(true);
    setLibraryPatches(false);
    expect(libraryPatchesActive()).toBe(false);
    expect(describeLibraryPatches()).toContain('switched off');
    setLibraryPatches(true);
    expect(libraryPatchesActive()).toBe(true);
    expect(decideLibraryPatches(installed, false).active).toBe(false);
    for (const value of ['off', 'OFF', '0', 'false', 'no', ' off ']) expect(patchesRequestedByEnvironment(value), value).toBe(false);
    for (const value of [undefined, '', 'on', '1']) expect(patchesRequestedByEnvironment(value), String(value)).toBe(true);
  });

  it('is reported in the app status', async () => {
    const app = await openTestApp();
    try {
      decideLibraryPatches({ ...installed, pdfmake: '0.3.12' }, true);
      const off = await app.call('app:status');
      expect(off.libraryPatches).toMatchObject({ active: false, mismatches: [{ library: 'pdfmake', installed: '0.3.12' }] });
      expect(off.libraryPatches.summary).toContain('pdfmake 0.3.12');
      decideLibraryPatches(installed, true);
      expect((await app.call('app:status')).libraryPatches).toMatchObject({ active: true, mismatches: [] });
    } finally {
      app.close();
    }
  });
});
