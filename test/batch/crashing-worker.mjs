// A stand-in for dist/batch/worker.js that dies on some files, as a worker out of memory would.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ id, files }) => {
  const rows = files.map((file) => {
    if (file.startsWith('exit')) process.exit(3);
    if (file.startsWith('throw')) throw new Error(`cannot evaluate ${file}`);
    return [{ file, error: { message: 'evaluated', more: 0 } }];
  });
  parentPort.postMessage({ id, rows });
});
