import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { evaluateFile, type BatchConfig, type BatchRow } from './evaluate.js';

export interface ChunkRequest {
  readonly id: number;
  readonly files: readonly string[];
}

export interface ChunkResult {
  readonly id: number;
  /** The rows of each file of the chunk, in its order. */
  readonly rows: readonly (readonly BatchRow[])[];
}

/** Files per message: enough to make messaging overhead small, few enough to share work evenly. */
const MAX_CHUNK = 64;
/** Chunks that may be done ahead of the next one due, per worker: bounds the reorder buffer. */
const AHEAD_PER_WORKER = 4;

/**
 * The rows of every file, file by file in input order, whatever the number of jobs.
 * One job evaluates in this thread; more start worker threads that read and evaluate
 * chunks of files themselves, their results put back in order as they arrive.
 */
export function evaluateAll(files: readonly string[], config: BatchConfig, jobs: number): AsyncGenerator<readonly BatchRow[]> {
  const size = Math.max(1, Math.min(MAX_CHUNK, Math.ceil(files.length / (jobs * 8))));
  const chunks: string[][] = [];
  for (let i = 0; i < files.length; i += size) chunks.push(files.slice(i, i + size));
  return jobs <= 1 || chunks.length <= 1 ? inThisThread(files, config) : inWorkers(chunks, config, Math.min(jobs, chunks.length));
}

async function* inThisThread(files: readonly string[], config: BatchConfig): AsyncGenerator<readonly BatchRow[]> {
  for (const [i, file] of files.entries()) {
    yield evaluateFile(file, config);
    if (i % 16 === 15) await nextTurn(); // let signals (Ctrl-C) and output through
  }
}

async function* inWorkers(chunks: readonly string[][], config: BatchConfig, jobs: number): AsyncGenerator<readonly BatchRow[]> {
  const url = workerUrl();
  const done = new Map<number, ChunkResult['rows']>();
  const idle: Worker[] = [];
  let sent = 0;
  let emitted = 0;
  let failure: Error | undefined;
  let finished = false;
  let wake: (() => void) | undefined;
  const dispatch = () => {
    while (idle.length > 0 && sent < chunks.length && sent < emitted + jobs * AHEAD_PER_WORKER) {
      const request: ChunkRequest = { id: sent, files: chunks[sent]! };
      idle.pop()!.postMessage(request);
      sent++;
    }
  };
  const fail = (e: Error) => {
    failure ??= e;
    wake?.();
  };
  const workers = Array.from({ length: jobs }, () => {
    const w = new Worker(url, { workerData: config });
    w.on('message', (result: ChunkResult) => {
      done.set(result.id, result.rows);
      idle.push(w);
      dispatch();
      wake?.();
    });
    w.on('error', fail);
    w.on('exit', (code) => {
      if (!finished) fail(new Error(`a batch worker stopped unexpectedly (exit code ${code})`));
    });
    idle.push(w);
    return w;
  });
  dispatch();
  try {
    while (emitted < chunks.length) {
      const rows = done.get(emitted);
      if (rows === undefined) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      done.delete(emitted++);
      dispatch();
      yield* rows;
    }
  } finally {
    finished = true;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * The built worker, dist/batch/worker.js (an entry point of the esbuild command). This
 * module is bundled into dist/ or, split out, into dist/chunks/; both are looked at.
 */
function workerUrl(): URL {
  // Beside the bundle's chunk or entry; from the sources (as tests run main in-process), the built one.
  const candidates = ['../api/batch/worker.js', './api/batch/worker.js', '../../../dist/api/batch/worker.js'].map((p) => new URL(p, import.meta.url));
  const found = candidates.find((u) => existsSync(u));
  if (!found) throw new Error(`the batch worker is missing (looked for ${candidates.map((u) => fileURLToPath(u)).join(', ')}); run npm run build`);
  return found;
}
