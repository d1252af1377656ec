import { LIMITS_FILE_BYTES } from '../proposal/bounds.js';
import {
  closeSync, constants, existsSync, fstatSync, fsyncSync, linkSync, openSync, readSync, renameSync, statSync, unlinkSync, writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './errors.js';
import { error, type Finding } from '../proposal/findings.js';

/** Proposal files larger than this are refused before being read (override: --max-file-size). */
export const DEFAULT_MAX_FILE_BYTES = LIMITS_FILE_BYTES;

export type ReadResult = { readonly source: string } | { readonly finding: Finding };

/** Files this process has read, by device and inode, so that no output can replace one. */
const inputs = new Set<string>();

const identity = (dev: number | bigint, ino: number | bigint) => `${dev}:${ino}`;

/** The path that names standard input. */
export const STDIN = '-';

/**
 * Read a proposal as UTF-8 text, refusing what is not one before it costs memory: only a
 * regular file (opened without blocking, so a FIFO cannot hang the run), or standard
 * input for "-"; read to its end, never past the limit, whatever size it claims.
 */
export function readProposalFile(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): ReadResult {
  let fd: number;
  try {
    fd = path === STDIN ? 0 : openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const reason = err.code === 'ENOENT' ? 'no such file' : err.code === 'EACCES' ? 'permission denied' : err.message;
    return { finding: error('file-unreadable', [], { reason }) };
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { finding: error('file-directory', []) };
    if (path !== STDIN && !st.isFile()) return { finding: error('file-not-regular', [], { kind: kindOf(st) }) };
    if (st.size > maxBytes) return { finding: error('file-too-large', [], { size: st.size, limit: maxBytes }) };
    if (st.isFile()) inputs.add(identity(st.dev, st.ino));
    const bytes = readAtMost(fd, maxBytes);
    if (bytes === undefined) return { finding: error('file-too-large', [], { limit: maxBytes }) };
    if (bytes.length === 0 || /^\s*$/.test(bytes.toString('latin1'))) return { finding: error('file-empty', []) };
    if (bytes.includes(0)) return { finding: error('file-binary', []) };
    try {
      return { source: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
    } catch {
      return { finding: error('file-encoding', []) };
    }
  } catch (e) {
    return { finding: error('file-unreadable', [], { reason: (e as Error).message }) };
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

function kindOf(st: Stats): string {
  return st.isFIFO() ? 'a FIFO (named pipe)' : st.isSocket() ? 'a socket' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : 'not a file';
}

/** Everything up to end of file, or undefined past `max` bytes (files such as /proc's claim size 0). */
function readAtMost(fd: number, max: number): Buffer | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(max + 1 - total, 1 << 20) || 1);
    const n = readChunk(fd, chunk);
    if (n === 0) return Buffer.concat(chunks, total);
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (total > max) return undefined;
  }
}

/** One read; standard input may be a non-blocking pipe, so "try again" waits a moment instead of failing. */
function readChunk(fd: number, chunk: Buffer): number {
  for (;;) {
    try {
      return readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(PAUSE, 0, 0, 10);
    }
  }
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * Write a file atomically: a temporary file in the same directory, synced, then moved
 * into place. Without `force` the move is a hard link, which fails if the name exists,
 * so even a file created meanwhile is never replaced. An input is never replaced.
 */
export function writeFileAtomic(path: string, content: string, force: boolean): void {
  checkWritable(path, force);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  holdInterrupts();
  try {
    const fd = openSync(tmp, 'wx', 0o644);
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (force) {
      renameSync(tmp, path);
    } else {
      try {
        linkSync(tmp, path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${path} already exists; use --force to replace it`);
        throw new UsageError(`cannot write ${path}: ${(e as Error).message}`);
      }
      unlinkSync(tmp);
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot write ${path}: ${(e as Error).message}`);
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      // already moved into place
    }
  }
}

/**
 * Refuse, before anything is written, a target that writeFileAtomic would refuse: an
 * input, an existing file without `force`, a directory, or a missing directory.
 */
export function checkWritable(path: string, force: boolean): void {
  let existing;
  try {
    existing = statSync(path);
  } catch {
    existing = undefined;
  }
  if (existing && isInput(existing)) {
    throw new UsageError(`${path} is one of the input files; refusing to overwrite it`);
  }
  if (existing?.isDirectory()) throw new UsageError(`${path} is a directory; give a file name`);
  if (existing && !force) throw new UsageError(`${path} already exists; use --force to replace it`);
  if (!existing && !existsSync(dirname(path) || '.')) throw new UsageError(`cannot write ${path}: there is no directory ${dirname(path)}`);
}

/** Whether a file (by its stat) is one this process read as input: never to be replaced. */
export function isInput(st: { readonly dev: number | bigint; readonly ino: number | bigint }): boolean {
  return inputs.has(identity(st.dev, st.ino));
}

/** Forget the inputs of an earlier run in this process: each run protects its own. */
export function forgetInputs(): void {
  inputs.clear();
}

/**
 * Ctrl-C kills valuepack at once (a search stops promptly), except while a file is
 * being written: the write is synchronous, so a listener registered for it receives the
 * signal only once the file is whole and the temporary file gone, and then ends the run
 * with exit 130. The listener goes after the current turn of the event loop, which
 * delivers a signal that arrived during the write before it.
 */
function holdInterrupts(): void {
  if (process.listenerCount('SIGINT') > 0) return;
  const interrupted = () => process.exit(130);
  process.on('SIGINT', interrupted);
  setImmediate(() => process.removeListener('SIGINT', interrupted));
}
