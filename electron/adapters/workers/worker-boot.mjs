// Running from source (tsx: the CLI, tests): a worker thread does not inherit the host's
// TypeScript loader, so it registers tsx before it loads the TypeScript entry.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
