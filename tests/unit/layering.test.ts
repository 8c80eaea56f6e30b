import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

const restrictedImports = async (filePath: string, code: string): Promise<number> => {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((message) => ['no-restricted-imports', '@typescript-eslint/no-restricted-imports', 'no-restricted-globals', 'no-restricted-syntax'].includes(message.ruleId ?? '')).length;
};

describe('layering lint rules', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';"],
    ["import { app } from 'electron';"],
    ["import { useState } from 'react';"],
    ["import { openJsonStore } from '../../adapters/store/json-store';"],
    ["import { packageVersion } from '../../patches/node/patch-utils';"],
  ])('core code may not %s', async (code) => {
    expect(await restrictedImports('electron/core/library/probe.ts', `${code}\nexport const x = 1;\n`)).toBeGreaterThan(0);
  });

  it('core code may not touch the DOM or process', async () => {
    expect(await restrictedImports('electron/core/library/probe.ts', 'export const x = document.title + process.env.HOME;\n')).toBeGreaterThan(0);
  });

  it.each([['electron/adapters/store/probe.ts'], ['electron/patches/node/probe.ts']])('Node adapters (%s) may use Node', async (file) => {
    expect(await restrictedImports(file, "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toBe(0);
  });

  it('pure library patches are held to the core rule', async () => {
    expect(await restrictedImports('electron/patches/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toBeGreaterThan(0);
  });

  it.each([["import { startBrowserModeServer } from '../../server/server';"], ["import { resolveStaticPath } from '../../host-common/static-files';"]])(
    'adapters may not lean on a host: %s',
    async (code) => {
      expect(await restrictedImports('electron/adapters/app/probe.ts', `${code}\nexport const x = 1;\n`)).toBeGreaterThan(0);
    },
  );

  it.each([["import { readFileSync } from 'node:fs';"], ["import { ipcRenderer } from 'electron';"], ["import { createApp } from '../../../electron/core/app';"]])(
    'the renderer may not %s',
    async (code) => {
      expect(await restrictedImports('renderer/src/probe.ts', `${code}\nexport const x = 1;\n`)).toBeGreaterThan(0);
    },
  );

  it('the renderer may use the shared contract types', async () => {
    expect(await restrictedImports('renderer/src/probe.ts', "import type { Status } from '../../electron/shared/contract/app';\nexport type X = Status;\n")).toBe(0);
  });

  it('the renderer may use pure shared code', async () => {
    expect(await restrictedImports('renderer/src/probe.ts', "import { formatPartialDate } from '../../electron/shared/partial-date';\nexport const x = formatPartialDate;\n")).toBe(0);
  });

  it('the preload may import no npm package', async () => {
    expect(await restrictedImports('electron/preload/probe.ts', "import { z } from 'zod';\nexport const x = z;\n")).toBeGreaterThan(0);
  });

  it.each([
    ["import { Worker } from 'worker_threads';"],
    ["import { lookup } from 'dns';"],
    ["import { readFile } from 'fs/promises';"],
    ["import { inspect } from 'node:util';"],
    ["import pdfmake from 'pdfmake';"],
    ["import * as fontkit from 'fontkit';"],
    ["import { JSONFile } from 'lowdb/node';"],
    ["import fc from 'fast-check';"],
    ["import { createRoot } from 'react-dom/client';"],
    ["import { serve } from '../host-common/static-files';"],
    ["export const load = () => import('minisearch');"],
  ])('core code may not %s (no hole in the rule)', async (code) => {
    expect(await restrictedImports('electron/core/library/probe.ts', `${code}\nexport const x = 1;\n`)).toBeGreaterThan(0);
  });

  it.each([
    ["import MiniSearch from 'minisearch';"],
    ["import type { TDocumentDefinitions } from 'pdfmake/interfaces';"],
    ["import { locateQuote } from '../../shared/domain/quote';"],
  ])('core code may %s', async (code) => {
    expect(await restrictedImports('electron/core/library/probe.ts', `${code}\nexport const x = 1;\n`)).toBe(0);
  });

  it.each([
    ['electron/main/probe.ts', "import { startBrowserModeServer } from '../server/server';"],
    ['electron/server/probe.ts', "import { createMainWindow } from '../main/window';"],
    ['electron/cli/probe.ts', "import { startBrowserModeServer } from '../server/server';"],
    ['electron/server/probe.ts', "import { runCli } from '../cli/run-cli';"],
  ])('hosts do not import each other: %s may not %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport const x = 1;\n`)).toBeGreaterThan(0);
  });

  it('hosts may share code through electron/host-common', async () => {
    expect(await restrictedImports('electron/main/probe.ts', "import { resolveStaticPath } from '../host-common/static-files';\nexport const x = resolveStaticPath;\n")).toBe(0);
  });

  it('classifies every dependency by where it can run', async () => {
    const config = pathToFileURL(resolve('eslint.config.js')).href;
    const { DEPENDENCY_RUNTIMES } = (await import(/* @vite-ignore */ config)) as { DEPENDENCY_RUNTIMES: Record<string, string> };
    const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(DEPENDENCY_RUNTIMES).sort()).toEqual(Object.keys(packageJson.dependencies).sort());
    for (const runtime of Object.values(DEPENDENCY_RUNTIMES)) expect(['any', 'node', 'renderer']).toContain(runtime);
  });
});
