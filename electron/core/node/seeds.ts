import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSeedDocument } from '../library/seed';
import type { StoreDocument } from '../store/document';
import { projectRoot } from './paths';

export const defaultSeedDir = (): string => join(projectRoot(), 'seeds');

export const loadSeedDocument = (seedDir: string = defaultSeedDir(), now: Date = new Date()): StoreDocument => {
  const root = resolve(seedDir);
  const raw: unknown = JSON.parse(readFileSync(join(root, 'library.json'), 'utf8'));
  const reportsFile = join(root, 'reports.json');
  const reports: unknown = existsSync(reportsFile) ? JSON.parse(readFileSync(reportsFile, 'utf8')) : undefined;
  return buildSeedDocument(raw, (relativePath) => readFileSync(join(root, relativePath), 'utf8'), now, reports);
};
