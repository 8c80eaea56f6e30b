import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { startBuiltServer, stopProcess } from '../helpers/built-server';

export interface DossierServer {
  url: string;
  dataDir: string;
}

export const test = base.extend<{ dossier: DossierServer; initialStoreText: string | null; initialBackups: Record<string, string> }>({
  /** When set, written as dossier.json before the server starts (corrupt or foreign stores). */
  initialStoreText: [null, { option: true }],
  /** Backup files (name → text) placed in backups/ before the server starts. */
  initialBackups: [{}, { option: true }],
  dossier: async ({ initialStoreText, initialBackups }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dossier-e2e-'));
    if (initialStoreText !== null) writeFileSync(join(dataDir, 'dossier.json'), initialStoreText);
    if (Object.keys(initialBackups).length) mkdirSync(join(dataDir, 'backups'));
    for (const [name, text] of Object.entries(initialBackups)) writeFileSync(join(dataDir, 'backups', name), text);
    const { url, child } = await startBuiltServer(dataDir);
    await use({ url, dataDir });
    // A server busy with a render may be slow to stop; teardown must not outlast the test.
    await stopProcess(child, 5_000);
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
