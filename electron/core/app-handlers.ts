import type { Status } from '../shared/contract/app';
import type { AppDependencies } from './app';
import { describeLibraryPatches, libraryPatchStatus } from '../patches/versions';
import type { LibraryState } from './library/library-state';

export const createAppHandlers = ({ store, dataDir, seed }: AppDependencies, library: LibraryState) => {
  const status = (): Status => {
    const state = store.state();
    const document = state.state === 'ready' ? store.read() : null;
    return {
      dataDir,
      store: state,
      lastWrite: store.lastWrite(),
      counts: {
        sources: document?.sources.length ?? 0,
        facts: document?.facts.length ?? 0,
        reports: document?.reports.length ?? 0,
        charts: document?.charts.length ?? 0,
        conflicts: document ? library.conflictGroups().length : 0,
      },
      libraryPatches: (() => {
        const patches = libraryPatchStatus();
        return { active: patches.active, requested: patches.requested, mismatches: patches.mismatches, summary: describeLibraryPatches(patches) };
      })(),
    };
  };
  return {
    'app:status': status,
    'backups:list': async () => ({ backups: await store.backups(), problem: store.backupProblem() }),
    'backups:restore': async ({ name }: { name: string; confirm: true }) => {
      await store.restoreBackup(name);
      return status();
    },
    'store:start-fresh': async () => {
      await store.startFresh(seed());
      return status();
    },
  };
};
