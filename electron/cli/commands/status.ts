import type { Command } from '../cli-context';
import { CommandError } from '../cli-context';

export const statusCommand: Command = {
  name: 'status',
  summary: 'Show the data folder, the store schema version and what the library holds',
  usage: 'status [--json] [--data-dir DIR]',
  run: async ({ call, flags, print }) => {
    const status = await call('app:status');
    if (flags.json) print(JSON.stringify(status, null, 2));
    else {
      print(`Data folder:    ${status.dataDir}`);
      print(`Store file:     ${status.store.path}`);
      if (status.store.state === 'ready') {
        print(`Schema version: ${status.store.schemaVersion}`);
        const { counts } = status;
        print(`Sources: ${counts.sources}   Facts: ${counts.facts}   Conflicts: ${counts.conflicts}   Reports: ${counts.reports}   Charts: ${counts.charts}`);
      }
      print(status.libraryPatches.summary);
    }
    if (status.store.state !== 'ready') {
      const { backups } = await call('backups:list');
      const newest = backups[0];
      const hint = newest ? `\nThe newest backup is ${newest.name} (${newest.createdAt}). Restore it with: npm run cli -- restore ${newest.name}` : '';
      throw new CommandError(`${status.store.message}${hint}`);
    }
  },
};
