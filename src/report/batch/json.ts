import type { BatchFormat } from './index.js';
import { SCHEMA_VERSION } from '../schema-version.js';
import { toRecord } from './record.js';

/**
 * One JSON object, `{ schemaVersion, rows: [...] }`, one record per line. Written as the
 * rows arrive, so even the array form keeps memory flat; it is valid JSON once `end` has
 * been written.
 */
export const jsonFormat: BatchFormat = () => {
  let count = 0;
  return {
    start: () => `{"schemaVersion":${SCHEMA_VERSION},"rows":[`,
    row: (row) => (count++ === 0 ? '\n' : ',\n') + JSON.stringify(toRecord(row)),
    end: () => (count === 0 ? ']}\n' : '\n]}\n'),
  };
};
