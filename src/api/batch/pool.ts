import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { evaluateSafely, failedRow, type BatchConfig, type BatchRow } from './evaluate.js';

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

/** Heap each worker may use: a file that needs more ends its worker, not the run, and is reported. */
const WORKER_HEAP_MB = 1024;

/**
 * The rows of every file, file by file in input order, whatever the number of jobs.
 * One job evaluates in this thread; more start worker threads that read and evaluate
 * chunks of files themselves, their results put back in order as they arrive.
 */
export function evaluateAll(files: readonly string[], config: BatchConfig, jobs: number, worker?: URL): AsyncGenerator<readonly BatchRow[]> {
  const size = Math.max(1, Math.min(MAX_CHUNK, Math.ceil(files.length / (jobs * 8))));
  const chunks: string[][] = [];
  for (let i = 0; i < files.length; i += size) chunks.push(files.slice(i, i + size));
  return jobs <= 1 || chunks.length <= 1 ? inThisThread(files, config) : inWorkers(chunks, config, Math.min(jobs, chunks.length), worker ?? workerUrl());
}

async function* inThisThread(files: readonly string[], config: BatchConfig): AsyncGenerator<readonly BatchRow[]> {
  for (const [i, file] of files.entries()) {
    yield evaluateSafely(file, config);
    if (i % 16 === 15) await nextTurn(); // let signals (Ctrl-C) and output through
  }
}

/** Work for one worker: a chunk, or one file of a chunk whose worker died (`part` is its index). */
interface Task {
  readonly chunk: number;
  readonly part?: number;
  readonly files: readonly string[];
}

async function* inWorkers(chunks: readonly string[][], config: BatchConfig, jobs: number, url: URL): AsyncGenerator<readonly BatchRow[]> {
  const done = new Map<number, (readonly BatchRow[])[]>();
  /** Chunks being redone file by file: the rows so far, and how many files are still out. */
  const parts = new Map<number, { rows: (readonly BatchRow[])[]; left: number }>();
  const retries: Task[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Task>();
  const workers = new Set<Worker>();
  let sent = 0;
  let emitted = 0;
  let finished = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const settle = (task: Task, rows: readonly (readonly BatchRow[])[]) => {
    if (task.part === undefined) {
      done.set(task.chunk, [...rows]);
    } else {
      const p = parts.get(task.chunk)!;
      p.rows[task.part] = rows[0]!;
      if (--p.left === 0) done.set(task.chunk, p.rows);
    }
    wake?.();
  };
  const next = (): Task | undefined => {
    if (retries.length > 0) return retries.shift();
    if (sent < chunks.length && sent < emitted + jobs * AHEAD_PER_WORKER) return { chunk: sent, files: chunks[sent++]! };
    return undefined;
  };
  const dispatch = () => {
    while (idle.length > 0) {
      const task = next();
      if (!task) return;
      const w = idle.pop()!;
      busy.set(w, task);
      const request: ChunkRequest = { id: task.chunk, files: task.files };
      w.postMessage(request);
    }
  };
  // A worker that dies takes its task with it: a chunk is redone file by file, each in a
  // fresh worker, so that the one file that kills a worker is found and reported alone.
  const died = (w: Worker, why: string) => {
    workers.delete(w);
    const task = busy.get(w);
    busy.delete(w);
    if (task === undefined) {
      if (idle.includes(w)) idle.splice(idle.indexOf(w), 1); // never to be given work
      if (retries.length === 0 && sent === chunks.length) return; // nothing left it could have done
      // Dead without a task, with work left: the worker itself is broken, and another would not fare better.
      failure ??= new Error(`a batch worker stopped unexpectedly (${why})`);
      wake?.();
      return;
    }
    if (task.files.length === 1) {
      settle(task, [[failedRow(task.files[0]!, `the evaluation of this file stopped its worker (${why})`)]]);
    } else {
      parts.set(task.chunk, { rows: [], left: task.files.length });
      task.files.forEach((file, part) => retries.push({ chunk: task.chunk, part, files: [file] }));
    }
    start();
    dispatch();
  };
  const start = () => {
    const w = new Worker(url, { workerData: config, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    let why = 'it exited';
    w.on('message', (result: ChunkResult) => {
      const task = busy.get(w)!;
      busy.delete(w);
      idle.push(w);
      settle(task, result.rows);
      dispatch();
    });
    w.on('error', (e) => (why = e.message));
    w.on('exit', (code) => {
      if (!finished) died(w, code === 0 ? why : `${why}, exit code ${code}`);
    });
    workers.add(w);
    idle.push(w);
  };
  for (let i = 0; i < jobs; i++) start();
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
      done.delete(emitted);
      parts.delete(emitted++);
      dispatch();
      yield* rows;
    }
  } finally {
    finished = true;
    await Promise.all([...workers].map((w) => w.terminate()));
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
