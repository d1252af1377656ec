/**
 * Text from a proposal file (or a file name) may hold control characters: ESC[2J clears
 * a terminal, an OSC sequence retitles its window, a line break splits a table row or a
 * CI annotation. Every output for people shows them as visible stand-ins, so the text
 * prints as written and nothing in it acts on the terminal; JSON, CSV and the revised
 * YAML keep it exact. This is the one place that decides how.
 */

/** C0 controls, DEL and the C1 controls (U+009B is a one-character CSI on some terminals). */
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;

/** C0 controls and DEL as their Unicode control pictures (␛ for ESC, ␊ for a line feed), C1 as <U+009B>. */
export function printable(text: string): string {
  return text.replace(CONTROL, (ch) => {
    const cp = ch.charCodeAt(0);
    if (cp < 0x20) return String.fromCharCode(0x2400 + cp);
    if (cp === 0x7f) return '\u2421';
    return `<U+${cp.toString(16).toUpperCase().padStart(4, '0')}>`;
  });
}

/**
 * The same data with every string made printable, for a renderer for people: plain
 * objects and arrays are copied (a shared one stays shared), anything else is kept.
 */
export function printableData<T>(data: T): T {
  const copies = new Map<object, unknown>();
  const copy = (v: unknown): unknown => {
    if (typeof v === 'string') return printable(v);
    if (v === null || typeof v !== 'object') return v;
    const proto = Object.getPrototypeOf(v);
    if (!Array.isArray(v) && proto !== Object.prototype && proto !== null) return v;
    const seen = copies.get(v);
    if (seen !== undefined) return seen;
    const out: Record<string, unknown> | unknown[] = Array.isArray(v) ? [] : {};
    copies.set(v, out);
    for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, { value: copy(x), enumerable: true, writable: true, configurable: true });
    return out;
  };
  return copy(data) as T;
}
