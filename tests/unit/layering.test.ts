import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

const restrictedImports = async (filePath: string, code: string): Promise<number> => {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-imports' || message.ruleId === 'no-restricted-globals').length;
};

describe('layering lint rules', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';"],
    ["import { app } from 'electron';"],
    ["import { useState } from 'react';"],
    ["import { openJsonStore } from '../node/json-store';"],
  ])('core code may not %s', async (code) => {
    expect(await restrictedImports('electron/core/library/probe.ts', `${code}\nexport const x = 1;\n`)).toBeGreaterThan(0);
  });

  it('core code may not touch the DOM or process', async () => {
    expect(await restrictedImports('electron/core/library/probe.ts', 'export const x = document.title + process.env.HOME;\n')).toBeGreaterThan(0);
  });

  it('Node adapters under core/node may use Node', async () => {
    expect(await restrictedImports('electron/core/node/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toBe(0);
  });

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
});
