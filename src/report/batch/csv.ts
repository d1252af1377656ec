import type { BatchFormat } from './index.js';
import { changeSummary, RECORD_KEYS, toRecord } from './record.js';

/** RFC 4180 line ending: CRLF after every record, the header included. */
const EOL = '\r\n';

/**
 * CSV per RFC 4180: a header of the record keys, then one record per row. A field is
 * quoted when it holds a comma, a double quote, CR or LF, quotes doubled inside; empty
 * when null. `changes` is the short form ("support.term: 4 years→3 years; …").
 */
export const csvFormat: BatchFormat = () => ({
  start: () => RECORD_KEYS.join(',') + EOL,
  row: (row) => {
    const r = toRecord(row);
    const flat = { ...r, changes: r.changes === null ? null : changeSummary(r.changes) };
    return RECORD_KEYS.map((k) => csvField(flat[k])).join(',') + EOL;
  },
  end: () => '',
});

export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
