/**
 * `npx tsx bench/snapshot.ts --out FILE [--compare FILE] [--acled N] [--reverse]`: the Analysis JSON of every text
 * of the benchmark corpora, one line per text, for proving that a speed change leaves outputs alone.
 *
 * Texts: the recombined examples; when ../shared is here, the 207 Reuters posts (HTML) and the first N
 * notes texts of each ACLED file (default 300). Write a snapshot before a change (or from a worktree of
 * the old commit), then `--compare` it after: the command prints how many texts differ and the first
 * difference, and exits 1 when any does. Both snapshots must be written by the same command line.
 *
 * `--reverse` reads the texts in the opposite order (the file keeps that order; `--compare` matches
 * texts by name): compared with a snapshot read forwards, it shows whether a report's analysis
 * depends on what the process read before it (as wink-nlp's learned lexicon once made it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseIsoDay } from '../src/core/date.js';
import type { ReportInput } from '../src/core/document.js';
import { createReader } from '../src/nlp/analyze.js';
import { ACLED_DIR, ACLED_FILES, loadAcled, loadOldTypes } from '../eval/events/acled.js';
import { weekEnd } from '../eval/events/score.js';
import { dataRoot, missing } from '../eval/lib/data.js';
import { loadExamplesCorpus, loadReutersCorpus } from './corpus.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const { values: args } = parseArgs({
  options: {
    out: { type: 'string' },
    compare: { type: 'string' },
    acled: { type: 'string', default: '300' },
    reverse: { type: 'boolean', default: false },
  },
});
const perFile = Number(args.acled);
if (!args.out || !(perFile >= 0)) {
  console.error('usage: npx tsx bench/snapshot.ts --out FILE [--compare FILE] [--acled N>=0] [--reverse]');
  process.exit(2);
}

const texts: { name: string; input: ReportInput }[] = [];
for (const r of loadExamplesCorpus(here('../examples/manifest.yaml'))) texts.push(r);
const reuters = loadReutersCorpus(here('../../shared/data/reuters-2016-conflict-unlabeled/posts.jsonl'));
for (const r of reuters ?? []) texts.push(r);
const acledFiles = ACLED_FILES.map(([f]) => join(dataRoot(), ACLED_DIR, f));
if (perFile > 0 && missing(acledFiles) === null) {
  const oldTypes = loadOldTypes();
  for (const path of acledFiles) {
    const file = loadAcled(path, oldTypes);
    file.texts.slice(0, perFile).forEach((t, i) => {
      const published = parseIsoDay(weekEnd(t.events[0]!.date));
      texts.push({
        name: `${file.name}#${i}`,
        input: { raw: t.notes, mediaType: 'text/plain', ...(published ? { published } : {}) },
      });
    });
  }
}

if (args.reverse) texts.reverse();
const reader = createReader();
const lines = texts.map(({ name, input }) => {
  try {
    return JSON.stringify({ name, analysis: reader.analyze(input) });
  } catch (err) {
    return JSON.stringify({ name, error: err instanceof Error ? err.message : String(err) });
  }
});
writeFileSync(args.out, lines.join('\n') + '\n');
console.log(`${lines.length} texts written to ${args.out}`);

if (args.compare) {
  const old = readFileSync(args.compare, 'utf8').split('\n').filter(Boolean);
  if (old.length !== lines.length) {
    console.log(`DIFFERENT: ${old.length} texts in ${args.compare}, ${lines.length} now`);
    process.exit(1);
  }
  // Matched by name, so a snapshot read in the other order (--reverse) compares too.
  const oldByName = new Map(old.map((line) => [JSON.parse(line).name as string, line]));
  const pairs = lines.map((line) => [oldByName.get(JSON.parse(line).name as string) ?? '', line] as const);
  const differing = pairs.map(([was, now], i) => (was === now ? -1 : i)).filter((i) => i >= 0);
  if (differing.length === 0) {
    console.log(`identical: all ${lines.length} analyses equal those in ${args.compare}`);
  } else {
    const first = differing[0]!;
    const [a, b] = pairs[first]!;
    let at = 0;
    while (at < a.length && a[at] === b[at]) at++;
    console.log(`DIFFERENT: ${differing.length} of ${lines.length} texts; first ${JSON.parse(b).name as string}:`);
    console.log(`  before: ...${a.slice(Math.max(0, at - 120), at + 120)}`);
    console.log(`  now:    ...${b.slice(Math.max(0, at - 120), at + 120)}`);
    process.exit(1);
  }
}
