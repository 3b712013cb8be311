/**
 * `npm run eval:gate [-- --update [--accept-lower]] [--data PATH]`: runs every task and fails when
 * a figure drops below its floor in eval/baseline.json by more than the noise margin.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dataRoot } from './lib/data.js';
import { compareToBaseline, type Baseline } from './lib/gate.js';
import { formatResult, type TaskResult } from './lib/task.js';
import { parseArgs, runTask } from './lib/tasks.js';

const BASELINE = resolve(import.meta.dirname, 'baseline.json');
const args = parseArgs(process.argv.slice(2));
if (args.error) {
  console.error(`eval:gate: ${args.error}`);
  process.exit(2);
}
const root = dataRoot(args.data);
if (!existsSync(root)) {
  console.log(`eval:gate: no evaluation data at ${root}; pass --data PATH or set TRUCE_SHARED_DATA. Gate not run.`);
  process.exit(0);
}
const baseline: Baseline = existsSync(BASELINE)
  ? (JSON.parse(readFileSync(BASELINE, 'utf8')) as Baseline)
  : { margin: 0.005, measured: '', tasks: {} };

const results: TaskResult[] = [];
for (const task of args.tasks) {
  const r = await runTask(task, root);
  if ('skipped' in r) console.log(`${task}: skipped, ${r.skipped}`);
  else {
    results.push(r);
    if (args.flags.has('verbose')) console.log(`${formatResult(r)}\n`);
  }
}
const outcome = compareToBaseline(
  baseline,
  results,
  { update: args.flags.has('update'), acceptLower: args.flags.has('accept-lower') },
  new Date().toISOString().slice(0, 10),
);
outcome.report.forEach((line) => console.log(line));
if (outcome.next) {
  writeFileSync(BASELINE, `${JSON.stringify(outcome.next, null, 2)}\n`);
  console.log(`floors written to ${BASELINE}`);
}
console.log(outcome.failed ? 'eval:gate: FAILED' : 'eval:gate: ok');
process.exitCode = outcome.failed ? 1 : 0;
