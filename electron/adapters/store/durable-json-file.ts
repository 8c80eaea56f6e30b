import { randomUUID } from 'node:crypto';
import { open as openFile, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * lowdb's adapter for the library file, written so that a confirmed save survives a power cut:
 * the JSON goes to a temp file named for this process (two writers never share one), which is
 * flushed to disk (fsync) before it is renamed over the library, and the folder is flushed after
 * the rename so the new name is on disk too. Only then does `write` resolve, and the app confirm.
 *
 * Writes run one at a time, in order; a write asked for while one runs is folded into the next
 * one (which writes the newest data), so a burst of edits costs two writes, not one per edit.
 */
export interface DurableIo {
  open(path: string, flags: string, mode?: number): Promise<Pick<FileHandle, 'writeFile' | 'sync' | 'close'>>;
  rename(from: string, to: string): Promise<void>;
}

const nodeIo: DurableIo = { open: (path, flags, mode) => openFile(path, flags, mode), rename };

/** The prefix of this file's temp names, for sweeping those a killed process left. */
export const tempPrefixOf = (path: string): string => `.${basename(path)}.`;

export class DurableJsonFile<T> {
  private running: Promise<void> | null = null;
  private next: { data: T; promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void } | null = null;

  constructor(
    readonly path: string,
    private readonly io: DurableIo = nodeIo,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return JSON.parse(text) as T;
  }

  write(data: T): Promise<void> {
    if (!this.running) return this.start(data);
    if (this.next) {
      this.next.data = data;
      return this.next.promise;
    }
    let resolve!: () => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    this.next = { data, promise, resolve, reject };
    return promise;
  }

  private start(data: T): Promise<void> {
    const run = this.writeNow(data).finally(() => {
      this.running = null;
      const queued = this.next;
      this.next = null;
      if (queued) this.start(queued.data).then(queued.resolve, queued.reject);
    });
    this.running = run;
    return run;
  }

  private async writeNow(data: T): Promise<void> {
    // lowdb's JSONFile format, so files stay byte-compatible.
    const text = JSON.stringify(data, null, 2);
    const folder = dirname(this.path);
    const temp = join(folder, `${tempPrefixOf(this.path)}${process.pid}-${randomUUID().slice(0, 8)}.tmp`);
    try {
      const handle = await this.io.open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await this.io.rename(temp, this.path);
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined);
      throw error;
    }
    await syncFolder(this.io, folder);
  }
}

/** fsync of a folder makes a rename in it durable (Linux, macOS); Windows cannot open folders, and needs none. */
const syncFolder = async (io: DurableIo, folder: string): Promise<void> => {
  let handle: Awaited<ReturnType<DurableIo['open']>>;
  try {
    handle = await io.open(folder, 'r');
  } catch {
    return;
  }
  try {
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM') throw error;
  } finally {
    await handle.close();
  }
};
