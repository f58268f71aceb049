// Entry of a re-assessment worker thread (reassess-workers.ts): registers the TypeScript loader
// in this thread, then loads the worker's module, so that it runs the same under `tsx` and under
// the test runner.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
