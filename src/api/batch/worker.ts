import { parentPort, workerData } from 'node:worker_threads';
import { evaluateFile, type BatchConfig } from './evaluate.js';
import type { ChunkRequest, ChunkResult } from './pool.js';

/**
 * A batch worker thread: reads and evaluates each chunk of files it is sent, and
 * posts back their rows. Any exception reaches the main thread as an 'error' event.
 */
const config = workerData as BatchConfig;
const port = parentPort!;

port.on('message', (request: ChunkRequest) => {
  const result: ChunkResult = { id: request.id, rows: request.files.map((file) => evaluateFile(file, config)) };
  port.postMessage(result);
});
