/**
 * `npm run eval [-- <task>...] [--data PATH]`: scores the pipeline against the public sets in
 * ../shared/data (never copied into the repository) and prints one table per task.
 */
import { existsSync } from 'node:fs';
import { dataRoot } from './lib/data.js';
import { formatResult } from './lib/task.js';
import { parseArgs, runTask } from './lib/tasks.js';

const args = parseArgs(process.argv.slice(2));
if (args.error) {
  console.error(`eval: ${args.error}`);
  process.exit(2);
}
const root = dataRoot(args.data);
if (!existsSync(root)) {
  console.log(`eval: no evaluation data at ${root}; pass --data PATH or set TRUCE_SHARED_DATA. Nothing scored.`);
  process.exit(0);
}
const started = performance.now();
console.log(`Truce Monitor evaluation, data ${root}\n`);
for (const task of args.tasks) {
  const result = await runTask(task, root);
  console.log('skipped' in result ? `== ${task}: skipped, ${result.skipped}` : formatResult(result));
  console.log('');
}
console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
