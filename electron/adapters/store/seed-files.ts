import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSeedLibrary } from '../../core/library/seed';
import type { LibraryFile } from '../../core/store/library-file';
import { projectRoot } from '../app/paths';

export const defaultSeedDir = (): string => join(projectRoot(), 'seeds');

export const loadSeedLibrary = (seedDir: string = defaultSeedDir(), now: Date = new Date()): LibraryFile => {
  const root = resolve(seedDir);
  const raw: unknown = JSON.parse(readFileSync(join(root, 'library.json'), 'utf8'));
  const reportsFile = join(root, 'reports.json');
  const reports: unknown = existsSync(reportsFile) ? JSON.parse(readFileSync(reportsFile, 'utf8')) : undefined;
  return buildSeedLibrary(raw, (relativePath) => readFileSync(join(root, relativePath), 'utf8'), now, reports);
};
