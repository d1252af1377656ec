/**
 * How the suite measures: every figure comes from fresh processes (a first call, JIT
 * cold, as on the command line), and repeated figures are medians. Nothing here judges
 * a time; bench/run.mjs only fails when answers disagree.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg, totalmem, type as osType, release } from 'node:os';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Run `node ARGS` once; its wall time in ms, exit code and output. */
export function timeNode(args, { env = {}, timeoutMs = 600_000 } = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, {
    encoding: 'utf8', maxBuffer: 1 << 28, timeout: timeoutMs, env: { ...process.env, NO_COLOR: '1', ...env },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.error) throw r.error;
  return { ms, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Run a script that prints one JSON line, in a fresh process; throw loudly if it fails. */
export function nodeJson(args, options) {
  const r = timeNode(args, options);
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}:\n${r.stderr}`);
  return { ...JSON.parse(r.stdout.trim().split('\n').pop()), wallMs: r.ms };
}

/** The JSON result with the median `ms` of `runs` fresh processes (the others' answers must match). */
export function medianOf(runs, args, options) {
  const all = Array.from({ length: runs }, () => nodeJson(args, options));
  const mid = median(all.map((r) => r.ms));
  return { ...all.find((r) => r.ms === mid) ?? all[0], ms: mid, runs };
}

/**
 * Interleaved rounds: each round runs every command once, in turn, so that a busy
 * moment slows them all alike. Medians and minima of wall time, per command.
 */
export function interleaved(rounds, commands) {
  const times = commands.map(() => []);
  for (let r = 0; r < rounds; r++) {
    commands.forEach((c, i) => {
      const t = timeNode(c.args);
      if (t.status !== (c.status ?? 0)) throw new Error(`${c.label}: exit ${t.status}\n${t.stderr}`);
      times[i].push(t.ms);
    });
  }
  return commands.map((c, i) => ({ label: c.label, median: median(times[i]), min: Math.min(...times[i]), rounds }));
}

/** What the figures were measured on. */
export function machine() {
  const cpu = cpus()[0];
  return {
    cpu: cpu ? cpu.model.trim() : 'unknown',
    cores: availableParallelism(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    os: `${osType()} ${release()}`,
    load: loadavg().map((x) => x.toFixed(2)).join(' '),
  };
}
