import { spawnSync } from 'node:child_process';
import { BIN, ROOT } from './run.js';

/** Whether tmux is there to give the binary a real terminal. */
export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/**
 * Run the built binary in a detached tmux pane of `columns` × 200 (a real terminal on
 * stdout), and return what the pane shows (colour codes included) once the command has ended. Its own server
 * socket, so that no one else's tmux is touched; the server is ended before returning.
 */
export function runInTerminal(args: readonly string[], columns: number, env: Record<string, string> = {}): string {
  const socket = `valuepack-test-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const tmux = (...a: string[]) => spawnSync('tmux', ['-L', socket, ...a], { encoding: 'utf8', cwd: ROOT });
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const vars = Object.entries({ NO_COLOR: '1', ...env }).map(([k, v]) => `${k}=${quote(v)}`).join(' ');
  const command = `env -u COLUMNS -u LINES ${vars} ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}; echo "[exit $?]"; sleep 600`;
  tmux('new-session', '-d', '-x', String(columns), '-y', '200', command);
  try {
    for (;;) {
      const shown = tmux('capture-pane', '-p', '-e', '-J', '-S', '-').stdout;
      if (/\[exit \d+\]/.test(shown)) return shown;
      spawnSync('sleep', ['0.1']);
    }
  } finally {
    tmux('kill-server');
  }
}

/** An interactive tmux pane of its own server: type into it and wait for what it shows. */
export class Pane {
  private readonly socket = `valuepack-pane-${process.pid}-${Math.random().toString(36).slice(2)}`;

  constructor(command: string, cwd: string, columns = 200) {
    this.tmux('new-session', '-d', '-s', 'vp', '-x', String(columns), '-y', '50', '-c', cwd, `${command}; echo "EXIT=$?"; sleep 600`);
  }

  /** Poll until the pane shows `text` (no deadline here: the test's own timeout is the limit). */
  async waitFor(text: string): Promise<string> {
    for (;;) {
      const shown = this.tmux('capture-pane', '-p', '-J', '-S', '-', '-t', 'vp');
      if (shown.includes(text)) return shown;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  sendLine(text: string): void {
    if (text !== '') this.tmux('send-keys', '-t', 'vp', '-l', text);
    this.tmux('send-keys', '-t', 'vp', 'Enter');
  }

  close(): void {
    this.tmux('kill-server');
  }

  private tmux(...args: string[]): string {
    return spawnSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' }).stdout;
  }
}
