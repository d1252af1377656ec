/**
 * Runs valuepack's built main() once per argument list (JSON in argv[2]), one after the
 * other in this one process, as the binary would, and prints each run's exit code and
 * output as JSON. large.test.ts starts it with a capped heap: one process per file
 * instead of one per command, and a run that needed more heap still aborts it.
 */
import { main } from '../../dist/cli.js';

const runs = [];
for (const args of JSON.parse(process.argv[2])) {
  const stdout = [];
  const stderr = [];
  const io = { stdout: { write: (t) => stdout.push(t) }, stderr: { write: (t) => stderr.push(t) }, env: process.env };
  const code = await main(args, io);
  runs.push({ code, stdout: stdout.join(''), stderr: stderr.join('') });
}
process.stdout.write(JSON.stringify(runs));
