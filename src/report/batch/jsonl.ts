import type { BatchFormat } from './index.js';
import { SCHEMA_VERSION } from '../schema-version.js';
import { toRecord } from './record.js';

/** JSON Lines: one record per line, each carrying schemaVersion, written as each row arrives (input order). */
export const jsonlFormat: BatchFormat = () => ({
  start: () => '',
  row: (row) => JSON.stringify({ schemaVersion: SCHEMA_VERSION, ...toRecord(row) }) + '\n',
  end: () => '',
});
