import { parentPort, workerData } from 'node:worker_threads';
import { evaluateSafely, type BatchConfig } from './evaluate.js';
import type { ChunkRequest, ChunkResult } from './pool.js';

/**
 * A batch worker thread: reads and evaluates each chunk of files it is sent, and
 * posts back their rows. A file that fails unforeseen becomes its error row; one that
 * ends the thread itself (out of memory) is retried alone by the pool, then reported.
 */
const config = workerData as BatchConfig;
const port = parentPort!;

port.on('message', (request: ChunkRequest) => {
  const result: ChunkResult = { id: request.id, rows: request.files.map((file) => evaluateSafely(file, config)) };
  port.postMessage(result);
});
