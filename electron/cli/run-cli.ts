import { LibraryLockedError } from '../adapters/store/library-lock';
import { openApp, type OpenedApp } from '../adapters/app/open-app';
import { resolveDataDir } from '../adapters/app/paths';
import { CommandError, UsageError, type CliContext, type Command } from './cli-context';
import { conflictsCommand, factsCommand, importCommand, sourcesCommand } from './commands/library';
import { exportCommand, reportsCommand } from './commands/reports';
import { restoreCommand } from './commands/restore';
import { statusCommand } from './commands/status';

const commands: Command[] = [statusCommand, factsCommand, sourcesCommand, conflictsCommand, importCommand, reportsCommand, exportCommand, restoreCommand];

const helpText = (): string =>
  [
    'Dossier command line: the same library as the app, without a window.',
    '',
    'Usage: npm run cli -- <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.usage.padEnd(44)} ${command.summary}`),
    '',
    'Options for every command:',
    '  --data-dir DIR   use the library in DIR (default: $DOSSIER_DATA_DIR, then the app\'s folder)',
    '  --help           show this help',
  ].join('\n');

/** Splits argv into positional args and flags; `--flag value`, `--flag=value`, `--switch`. */
export const parseArguments = (argv: string[], valueFlags: ReadonlySet<string>) => {
  const args: string[] = [];
  const flags: Record<string, string | boolean> = {};
  for (let index = 0; index < argv.length; index += 1) {
    const token = argv[index]!;
    if (!token.startsWith('--')) {
      args.push(token);
      continue;
    }
    const [name, inline] = token.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (inline !== undefined) flags[name] = inline;
    else if (valueFlags.has(name)) {
      const next = argv[index + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      flags[name] = next;
      index += 1;
    } else flags[name] = true;
  }
  return { args, flags };
};

const VALUE_FLAGS = new Set(['data-dir', 'query', 'report', 'out', 'style', 'file']);

export const runCli = async (argv: string[], print: (text: string) => void = console.log): Promise<number> => {
  let app: OpenedApp | null = null;
  try {
    const { args, flags } = parseArguments(argv, VALUE_FLAGS);
    const [name, ...rest] = args;
    if (!name || name === 'help' || flags.help) {
      print(helpText());
      return name || flags.help ? 0 : 2;
    }
    const command = commands.find((candidate) => candidate.name === name);
    if (!command) throw new UsageError(`unknown command "${name}"`);
    const dataDir = resolveDataDir(typeof flags['data-dir'] === 'string' ? ['--data-dir', flags['data-dir']] : []);
    const writes = command.writes?.(flags) ?? false;
    try {
      app = await openApp(dataDir, { access: writes ? 'write' : 'read', lockKind: 'cli' });
    } catch (error) {
      if (error instanceof LibraryLockedError) throw new CommandError(`${error.message} Commands that only read (status, facts, sources, conflicts, reports, export) work meanwhile.`);
      throw error;
    }
    const opened = app;
    const context: CliContext = {
      app: opened,
      args: rest,
      flags,
      print,
      call: async (channel, input) => {
        const result = await opened.dispatch(channel, input);
        if (!result.ok) throw new CommandError(`${result.error.message} (${result.error.code})`);
        return result.value as never;
      },
    };
    await command.run(context);
    await opened.close();
    app = null;
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`Error: ${error.message}. Run "npm run cli -- --help" for usage.`);
      return 2;
    }
    if (error instanceof CommandError) {
      console.error(`Error: ${error.message}`);
      return error.exitCode;
    }
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await app?.close().catch(() => undefined);
  }
};
