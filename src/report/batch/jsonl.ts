import type { BatchFormat } from './index.js';
import { toRecord } from './record.js';

/** JSON Lines: one record per line, written as each row arrives (input order). */
export const jsonlFormat: BatchFormat = () => ({
  start: () => '',
  row: (row) => JSON.stringify(toRecord(row)) + '\n',
  end: () => '',
});
