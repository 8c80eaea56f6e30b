import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DossierError } from '../../core/errors';
import type { ErrorCode } from '../../shared/result';
import { projectRoot } from '../app/paths';
import type { JobKind, JobReply, JobRequest, WorkerJobs } from './worker-jobs';

/** How long one job may run and how much heap its thread may use before it is stopped. */
export interface WorkBudget {
  timeMs: number;
  memoryMb: number;
}

interface Pending {
  request: JobRequest;
  budget: WorkBudget;
  resolve: (output: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Where the worker's code is. Built (electron-vite): out/main/worker.js beside the host bundles.
 * From source (tsx: the CLI and tests): a small .mjs that registers tsx, then the TypeScript entry.
 * The URLs are built from variables so the bundler leaves them alone.
 */
const workerEntry = (): { file: URL; workerData?: { entry: string } } => {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const boot = 'worker-boot.mjs';
    const entry = 'worker-main.ts';
    return { file: new URL(`./${boot}`, here), workerData: { entry: new URL(`./${entry}`, here).href } };
  }
  return { file: pathToFileURL(join(projectRoot(), 'out', 'main', 'worker.js')) };
};

const seconds = (ms: number): string => (ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`);

const describeLimit = (kind: JobKind, budget: WorkBudget, what: 'time' | 'memory'): string => {
  const job = { 'export-report': 'Laying out this report', 'draw-chart': 'Drawing this chart', 'propose-import': 'Reading this file', 'warm-up': 'Preparing the PDF engine' }[kind];
  return what === 'time'
    ? `${job} took longer than ${seconds(budget.timeMs)} and was stopped; nothing was changed. Split it into smaller parts and try again.`
    : `${job} needed more than ${budget.memoryMb} MB of memory and was stopped; nothing was changed. Split it into smaller parts and try again.`;
};

/**
 * One worker thread that runs jobs one after another, each within a time and memory budget. A
 * job over budget stops the thread (the next job starts a fresh one) and fails with TOO_LARGE;
 * the thread that answers the API is never the one doing the work. The thread is started on the
 * first job and does not keep an idle process alive.
 */
export class WorkerLane {
  private worker: Worker | null = null;
  /** The thread has loaded its code; a job's time budget starts when the job reaches a ready thread. */
  private ready = false;
  private posted = false;
  private memoryMb = 0;
  private readonly queue: Pending[] = [];
  private current: Pending | null = null;
  private timer: NodeJS.Timeout | null = null;
  private nextId = 1;
  private closed = false;

  constructor(private readonly defaults: WorkBudget) {}

  run<K extends JobKind>(kind: K, input: WorkerJobs[K]['input'], budget: Partial<WorkBudget> = {}): Promise<WorkerJobs[K]['output']> {
    if (this.closed) return Promise.reject(new DossierError('HOST_UNAVAILABLE', 'The app is closing; try again.'));
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, kind, input }, budget: { ...this.defaults, ...budget }, resolve: resolve as (output: unknown) => void, reject });
      this.pump();
    });
  }

  /** Stops the thread; queued jobs fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new DossierError('HOST_UNAVAILABLE', 'The app is closing; try again.'));
    const worker = this.worker;
    this.worker = null;
    this.finish(null);
    if (worker) await worker.terminate();
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return;
    const pending = this.queue.shift()!;
    this.current = pending;
    this.posted = false;
    this.ensureWorker(pending.budget.memoryMb).ref();
    this.post();
  }

  private post(): void {
    const pending = this.current;
    if (!pending || this.posted || !this.ready || !this.worker) return;
    this.posted = true;
    this.timer = setTimeout(() => this.stop(pending, new DossierError('TOO_LARGE', describeLimit(pending.request.kind, pending.budget, 'time'))), pending.budget.timeMs);
    this.worker.postMessage(pending.request);
  }

  private ensureWorker(memoryMb: number): Worker {
    if (this.worker && this.memoryMb === memoryMb) return this.worker;
    if (this.worker) void this.worker.terminate();
    const { file, workerData } = workerEntry();
    const worker = new Worker(file, { workerData, resourceLimits: { maxOldGenerationSizeMb: memoryMb }, stdout: false, stderr: false });
    this.worker = worker;
    this.ready = false;
    this.memoryMb = memoryMb;
    worker.on('message', (reply: JobReply | { ready: true }) => {
      if ('ready' in reply) {
        if (this.worker !== worker) return;
        this.ready = true;
        this.post();
        return;
      }
      const pending = this.current;
      if (!pending || reply.id !== pending.request.id) return;
      if (reply.ok) this.settle(pending, () => pending.resolve(reply.output));
      else {
        const error = reply.error.dossier
          ? new DossierError(reply.error.code as ErrorCode, reply.error.message)
          : Object.assign(new Error(reply.error.message), { stack: reply.error.stack ?? reply.error.message });
        this.settle(pending, () => pending.reject(error));
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (this.worker !== worker) return;
      this.worker = null;
      const pending = this.current;
      if (!pending) return;
      const overMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.settle(pending, () => pending.reject(overMemory ? new DossierError('TOO_LARGE', describeLimit(pending.request.kind, pending.budget, 'memory')) : error));
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = null;
      const pending = this.current;
      if (pending) this.settle(pending, () => pending.reject(new Error('The export worker stopped unexpectedly.')));
    });
    return worker;
  }

  /** Over budget: the thread is stopped mid-job, so nothing it held can leak into the next job. */
  private stop(pending: Pending, error: DossierError): void {
    if (this.current !== pending) return;
    const worker = this.worker;
    this.worker = null;
    if (worker) void worker.terminate();
    this.settle(pending, () => pending.reject(error));
  }

  private settle(pending: Pending, deliver: () => void): void {
    if (this.current !== pending) return;
    this.finish(pending);
    deliver();
    this.pump();
  }

  private finish(pending: Pending | null): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (pending && this.current === pending) this.current = null;
    if (!this.current && this.queue.length === 0) this.worker?.unref();
  }
}
