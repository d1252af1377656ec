import { formatCount } from '../format.js';

/**
 * The progress line `batch` draws on stderr when stderr is a terminal:
 * "batch ███████░░░░░░░  412/1,000 files  41%", fitted to the terminal width.
 * Starts with a carriage return and ends by clearing the rest of the line, so that
 * each drawing replaces the last; `clearProgress` removes it.
 */
export function renderProgress(done: number, total: number, columns: number): string {
  const pct = total === 0 ? 100 : Math.floor((done * 100) / total);
  const count = `${formatCount(done)}/${formatCount(total)} files`;
  const text = `  ${count}  ${String(pct).padStart(3)}%`;
  const width = Math.max(10, Math.min(40, columns - text.length - 8));
  const filled = Math.floor((width * pct) / 100);
  return `\rbatch ${'█'.repeat(filled)}${'░'.repeat(width - filled)}${text}\x1b[K`;
}

export function clearProgress(): string {
  return '\r\x1b[K';
}
