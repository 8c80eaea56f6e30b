import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STORE_FILE_NAME } from '../../electron/adapters/store/json-store';
import { openApp, type OpenAppOptions, type OpenedApp } from '../../electron/adapters/app/open-app';
import type { ChannelName, ChannelOutput } from '../../electron/shared/contract';
import type { ApiError } from '../../electron/shared/result';
import { makeTempDir, removeDir } from './temp-dir';

export interface TestApp extends OpenedApp {
  /** Calls a channel and returns its value, throwing with the error code when it fails. */
  call<C extends ChannelName>(channel: C, input?: unknown): Promise<ChannelOutput<C>>;
  /** Calls a channel expecting a failure, and returns the error. */
  fail(channel: ChannelName | string, input?: unknown): Promise<ApiError>;
  storeText(): string;
  /** Releases the library and removes its folder. */
  close(): Promise<void>;
}

/** The real app on a real store in a temp dir, seeded from seeds/ unless told otherwise. */
export const openTestApp = async (options: Pick<OpenAppOptions, 'seedDir' | 'budgets' | 'threads'> = {}): Promise<TestApp> => {
  const dataDir = makeTempDir();
  const app = await openApp(dataDir, { seedDir: options.seedDir, budgets: options.budgets, threads: options.threads, now: () => new Date('2026-03-01T12:00:00Z') });
  return {
    ...app,
    call: async (channel, input) => {
      const result = await app.dispatch(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value as never;
    },
    fail: async (channel, input) => {
      const result = await app.dispatch(channel, input);
      if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
      return result.error;
    },
    storeText: () => readFileSync(join(dataDir, STORE_FILE_NAME), 'utf8'),
    close: async () => {
      await app.close().catch(() => undefined);
      removeDir(dataDir);
    },
  };
};
