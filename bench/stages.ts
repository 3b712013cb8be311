/**
 * `npx tsx bench/stages.ts [--rounds N] [--corpus examples|reuters] [--against DIR]`: CPU time of each
 * reading stage alone, beside wink-nlp alone, for finding and checking speedups on a busy machine.
 *
 * Each stage runs over documents prepared up to the stage before it, so a stage's figure is its own
 * work. Rounds interleave every side (and, with `--against`, the same stage of another checkout of the
 * project, e.g. a `git worktree` of an older commit), and figures are medians of process CPU time,
 * which other processes' load changes far less than wall time. A stage looped alone runs hotter than
 * inside the pipeline (caches, garbage collection), so compare its figures with each other, not with
 * `npm run bench`.
 */
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Doc, LayerName } from '../src/core/document.js';
import type { Pipeline } from '../src/nlp/pipeline.js';
import { formatTable } from '../eval/table.js';
import { loadExamplesCorpus, loadReutersCorpus, type BenchReport } from './corpus.js';
import { createWinkPeer, createWinkPosPeer } from './peers.js';
import { median } from './stats.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '10' },
    corpus: { type: 'string', default: 'examples' },
    against: { type: 'string' },
  },
});
const rounds = Number(args.rounds);
if (!(rounds >= 1) || !['examples', 'reuters'].includes(args.corpus)) {
  console.error('usage: npx tsx bench/stages.ts [--rounds N>=1] [--corpus examples|reuters] [--against DIR]');
  process.exit(2);
}

async function pipelineOf(root: string): Promise<Pipeline> {
  const analyze = (await import(pathToFileURL(resolve(root, 'src/nlp/analyze.ts')).href)) as {
    createReadingPipeline(): Pipeline;
  };
  return analyze.createReadingPipeline();
}

const reports: BenchReport[] | null =
  args.corpus === 'examples'
    ? loadExamplesCorpus(here('../examples/manifest.yaml'))
    : loadReutersCorpus(here('../../shared/data/reuters-2016-conflict-unlabeled/posts.jsonl'));
if (!reports) {
  console.error('the Reuters posts are not in ../shared; nothing measured');
  process.exit(1);
}
const mine = await pipelineOf(here('..'));
const other = args.against ? await pipelineOf(resolve(args.against)) : null;
const names = mine.stages.map((s) => s.adds);

/**
 * Documents before each stage, prepared by the pipeline that will read them: a checkout's layers can
 * carry caches only its own modules know (e.g. the token texts kept under a module's own symbol), so
 * documents prepared by the other checkout would make its stages redo that work.
 */
function prepared(pipeline: Pipeline): Map<LayerName, Doc[]> {
  const stages = pipeline.stages.map((s) => s.adds);
  const docs = new Map<LayerName, Doc[]>();
  stages.forEach((name, i) =>
    docs.set(
      name,
      reports!.map((r) => (i === 0 ? { input: r.input } : pipeline.run(r.input, { until: stages[i - 1]! }))),
    ),
  );
  return docs;
}
const before = prepared(mine);
const beforeOther = other ? prepared(other) : null;
const bodies = before.get(names[1]!)!.map((d) => d.clean?.body ?? '');
const winkPeers = [createWinkPosPeer(), createWinkPeer()];
let sink = 0;
const sides = new Map<string, () => void>(
  winkPeers.map((peer) => [peer.name, () => bodies.forEach((b) => (sink += peer.run(b)))]),
);
for (const [label, pipeline, docsBefore] of [
  ['', mine, before],
  ['against ', other, beforeOther],
] as const) {
  if (!pipeline || !docsBefore) continue;
  for (const stage of pipeline.stages) {
    const docs = docsBefore.get(stage.adds);
    if (docs) sides.set(`${label}${stage.adds}`, () => docs.forEach((d) => (sink += stage.run(d) ? 1 : 0)));
  }
}

const cpu = new Map<string, number[]>();
const keys = [...sides.keys()];
for (let round = 0; round < rounds + 1; round++) {
  for (const key of round % 2 ? [...keys].reverse() : keys) {
    const start = process.cpuUsage();
    sides.get(key)!();
    const used = process.cpuUsage(start);
    // The first round only warms up.
    if (round > 0) cpu.set(key, [...(cpu.get(key) ?? []), (used.user + used.system) / 1000 / reports.length]);
  }
}

// Stages are shown as multiples of wink-nlp tokenising + tagging only (the "tokenise + POS").
const peer = median(cpu.get(winkPeers[0]!.name)!);
const rows = names.map((name) => {
  const ms = median(cpu.get(name) ?? [NaN]);
  const row: Array<string | number> = [name, ms.toFixed(3), `${(ms / peer).toFixed(2)}x`];
  if (other) {
    const was = median(cpu.get(`against ${name}`) ?? [NaN]);
    row.push(was.toFixed(3), `${(ms / was).toFixed(2)}`);
  }
  return row;
});
const sum = (prefix: string) => names.reduce((n, name) => n + median(cpu.get(`${prefix}${name}`) ?? [NaN]), 0);
rows.push([
  'all stages',
  sum('').toFixed(3),
  `${(sum('') / peer).toFixed(2)}x`,
  ...(other ? [sum('against ').toFixed(3), (sum('') / sum('against ')).toFixed(2)] : []),
]);
for (const { name } of winkPeers) {
  const ms = median(cpu.get(name)!);
  rows.push([name, ms.toFixed(3), `${(ms / peer).toFixed(2)}x`, ...(other ? ['', ''] : [])]);
}
console.log(`${reports.length} ${args.corpus} reports, ${rounds} rounds; CPU ms per report (medians)`);
console.log(
  formatTable(['stage', 'CPU ms', 'of wink', ...(other ? [`CPU ms in ${args.against}`, 'ratio'] : [])], rows),
);
if (sink < 0) console.log('unreachable');
