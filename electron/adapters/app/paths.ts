import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding package.json, seeds/ and resources/. Found by walking up from this module,
 * because the code runs from source (tsx), from out/ (electron-vite) and from tests.
 */
export const projectRoot = (): string => {
  const override = process.env.DOSSIER_APP_ROOT;
  if (override) return resolve(override);
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(directory, 'package.json')) && existsSync(join(directory, 'seeds'))) return directory;
    const parent = dirname(directory);
    if (parent === directory) throw new Error('Dossier could not find its own files (seeds/, resources/).');
    directory = parent;
  }
};

/** Same folder Electron's app.getPath('userData') uses for "Dossier", so all hosts share it. */
export const defaultDataDir = (): string => {
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Dossier');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Dossier');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Dossier');
};

/** `--data-dir DIR` wins over DOSSIER_DATA_DIR, which wins over the default. */
export const resolveDataDir = (argv: readonly string[], environment: NodeJS.ProcessEnv = process.env): string => {
  const index = argv.indexOf('--data-dir');
  const fromFlag = index >= 0 ? argv[index + 1] : argv.find((argument) => argument.startsWith('--data-dir='))?.slice(11);
  if (fromFlag) return resolve(fromFlag);
  if (environment.DOSSIER_DATA_DIR) return resolve(environment.DOSSIER_DATA_DIR);
  return defaultDataDir();
};
