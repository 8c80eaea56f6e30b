import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The Electron binary, if this machine has one; Electron 42+ downloads it lazily and cannot here. */
export const electronBinary = (): string | null => {
  const packageDir = resolve('node_modules/electron');
  const pathFile = join(packageDir, 'path.txt');
  if (process.env.ELECTRON_EXEC_PATH && existsSync(process.env.ELECTRON_EXEC_PATH)) return process.env.ELECTRON_EXEC_PATH;
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : null;
};

/** Says in the test output why a spec does not run, so a skip is never silent. */
export const reportMissingElectron = (spec: string): void => {
  console.log(`[electron e2e] ${spec} skipped: the Electron binary is not installed here (node_modules/electron has no dist/; it cannot be downloaded on this machine).`);
};
