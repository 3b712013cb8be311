/** The evaluation tasks, by name, in the order `npm run eval` runs them. */
import { runBoilerplate } from '../boilerplate/task.js';
import { runDedupe } from '../dedupe/task.js';
import { runEntities } from '../entities/task.js';
import { runEvents } from '../events/task.js';
import { runFixture } from '../fixture/task.js';
import { runQuotes } from '../quotes/task.js';
import type { Skipped, TaskResult } from './task.js';

export const TASKS: Readonly<
  Record<string, (dataRoot: string) => TaskResult | Skipped | Promise<TaskResult | Skipped>>
> = {
  boilerplate: runBoilerplate,
  entities: runEntities,
  quotes: runQuotes,
  events: runEvents,
  fixture: runFixture,
  dedupe: runDedupe,
};

export async function runTask(name: string, dataRoot: string): Promise<TaskResult | Skipped> {
  const started = performance.now();
  const result = await TASKS[name]!(dataRoot);
  return 'skipped' in result ? result : { ...result, seconds: (performance.now() - started) / 1000 };
}

/** Parses `[task] [--data PATH] [--flag ...]`; unknown tasks are an error message. */
export function parseArgs(argv: readonly string[]): {
  tasks: string[];
  data?: string;
  flags: Set<string>;
  error?: string;
} {
  const flags = new Set<string>();
  const positional: string[] = [];
  let data: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--data') data = argv[++i];
    else if (a.startsWith('--data=')) data = a.slice(7);
    else if (a.startsWith('--')) flags.add(a.slice(2));
    else positional.push(a);
  }
  const unknown = positional.find((t) => !(t in TASKS));
  if (unknown) return { tasks: [], flags, error: `unknown task "${unknown}"; tasks: ${Object.keys(TASKS).join(', ')}` };
  return { tasks: positional.length ? positional : Object.keys(TASKS), ...(data ? { data } : {}), flags };
}
