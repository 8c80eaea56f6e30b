import { createInterface } from 'node:readline/promises';
import { CommandError, UsageError, type Command } from '../cli-context';

const confirm = async (question: string): Promise<boolean> => {
  if (!process.stdin.isTTY) return false;
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await prompt.question(`${question} [y/N] `)).trim());
  } finally {
    prompt.close();
  }
};

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'List rolling backups, or restore one (the current library is kept beside it)',
  usage: 'restore (--list | BACKUP [--yes]) [--json]',
  writes: (flags) => !flags.list,
  run: async ({ call, args, flags, print }) => {
    const [name] = args;
    if (flags.list || !name) {
      if (!flags.list) throw new UsageError('restore needs --list or the name of a backup');
      const { backups, problem } = await call('backups:list');
      if (flags.json) return print(JSON.stringify(backups, null, 2));
      if (backups.length === 0) print('No backups yet. Dossier keeps up to 10 a day for 7 days, as you work.');
      for (const backup of backups) print(`${backup.name}  ${new Date(backup.createdAt).toLocaleString()}  ${(backup.bytes / 1024).toFixed(0)} KB`);
      if (problem) print(`Warning: ${problem}`);
      return;
    }
    if (!flags.yes && !(await confirm(`Replace the current library with ${name}? The current file is kept beside it.`))) {
      throw new CommandError('Not restored. Confirm at the prompt, or pass --yes.', 1);
    }
    const status = await call('backups:restore', { name, confirm: true });
    print(`Restored ${name}: ${status.counts.sources} sources, ${status.counts.facts} facts, ${status.counts.reports} reports.`);
  },
};
