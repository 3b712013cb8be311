/**
 * Labelling helper for the dedupe evaluation (the annotator's tool, not part of `npm run eval`):
 *
 *   npx tsx eval/dedupe/sample.ts stats                 stratum sizes over all pairs
 *   npx tsx eval/dedupe/sample.ts draw [--seed N]       writes .scratch/dedupe/sample.json
 *   npx tsx eval/dedupe/sample.ts show FROM [TO] [--full]   prints sampled pairs to read and label
 *   npx tsx eval/dedupe/sample.ts record FILE.txt       "N label" lines -> eval/dedupe/labels/reuters-2016.json
 *
 * Pairs are drawn per stratum (pairs.ts) so that low-similarity pairs whose headlines share words,
 * and pairs posted close in time, are read too: recall is then measured on pairs the method could
 * miss, not only on pairs it already finds. Text is printed to the terminal only; the labels file
 * keeps post ids (hashes), the stratum and the label.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { shingleHashes } from '../../src/ingest/dedupe/index.js';
import { createCleanStage } from '../../src/nlp/clean/clean.stage.js';
import { dataRoot } from '../lib/data.js';
import { postsPath, readPosts } from './corpus.js';
import { LABELS_PATH, LabelSchema } from './labels.js';
import {
  STRATA,
  STRATUM_RULES,
  allPairFeatures,
  drawSample,
  seeded,
  stratumOf,
  type PairFeatures,
  type PostText,
  type Stratum,
} from './pairs.js';

/** Pairs read per stratum (all of a stratum when it is smaller). */
export const QUOTA: Readonly<Record<Stratum, number>> = {
  high: 1000,
  mid: 1000,
  low: 40,
  'headline-near': 50,
  'headline-far': 30,
  'near-in-time': 40,
  rest: 30,
};
/** How the labels were made, recorded in the labels file. */
const METHOD =
  'pairs drawn per stratum (eval/dedupe/pairs.ts, exact shingle sets, not the method under test); each pair read ' +
  'side by side with `sample.ts show` (headline, posting time, paragraphs marked when found whole or half in the ' +
  'other; whole texts for every pair above 5-shingle Jaccard 0.05 and for borderline ones) and labelled by hand';
const DEFINITION = {
  copy: 'the same text republished: differences only in headline, site chrome, punctuation or a word',
  version:
    "one outlet's report of the same news in the same news cycle, updated or rewritten: the same lede news " +
    'with text added or changed, or a new lede over substantial text carried over from the earlier report',
  distinct:
    "a different story, including the next news cycle's follow-up on the same event and a same-day side story " +
    'with other lede news, even when background paragraphs are shared',
};
const SCRATCH = resolve(import.meta.dirname, '../../.scratch/dedupe');
const SAMPLE = resolve(SCRATCH, 'sample.json');

interface SampledPair extends PairFeatures {
  readonly n: number;
  readonly stratum: Stratum;
}

function load(): { texts: PostText[]; byId: Map<string, PostText & { dateline: string | null }> } {
  const clean = createCleanStage();
  const byId = new Map<string, PostText & { dateline: string | null }>();
  for (const p of readPosts(postsPath(dataRoot()))) {
    const c = clean.run({ input: { raw: p.html, mediaType: 'text/html' } });
    byId.set(p.id, { id: p.id, posted: p.posted, title: p.title, body: c.body, dateline: c.dateline?.text ?? null });
  }
  return { texts: [...byId.values()], byId };
}

function populations(features: readonly PairFeatures[]): Record<Stratum, PairFeatures[]> {
  const by = Object.fromEntries(STRATA.map((s) => [s, [] as PairFeatures[]])) as Record<Stratum, PairFeatures[]>;
  for (const f of features) by[stratumOf(f)].push(f);
  return by;
}

const f3 = (x: number) => x.toFixed(3);

function paragraphs(body: string): string[] {
  return body
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

function show(pair: SampledPair, byId: ReturnType<typeof load>['byId'], full: boolean): void {
  const a = byId.get(pair.a)!;
  const b = byId.get(pair.b)!;
  const pa = paragraphs(a.body);
  const pb = paragraphs(b.body);
  // '=' a paragraph found whole in the other text, '~' half or more of its 3-word phrases found there.
  const mark = (ps: string[], other: string): string[] => {
    const o = new Set(shingleHashes(other, 3));
    return ps.map((p) => {
      const s = shingleHashes(p, 3);
      const hit = s.filter((x) => o.has(x)).length / Math.max(1, s.length);
      return hit === 1 ? '=' : hit >= 0.5 ? '~' : ' ';
    });
  };
  const sharedA = mark(pa, b.body);
  const sharedB = mark(pb, a.body);
  console.log(
    `\n#${pair.n} [${pair.stratum}] J5 ${f3(pair.j5)} C5 ${f3(pair.c5)} J3 ${f3(pair.j3)} headline words ${pair.headlineShared}, ${pair.hours.toFixed(1)} h apart`,
  );
  for (const [tag, t, ps, shared] of [
    ['A', a, pa, sharedA],
    ['B', b, pb, sharedB],
  ] as const) {
    const nShared = shared.filter((m) => m === '=').length;
    const nNear = shared.filter((m) => m === '~').length;
    console.log(
      `${tag} ${t.id} ${t.posted} | ${t.title} | ${t.dateline ?? '-'} | ${ps.length} paras, ${nShared} whole and ${nNear} half in the other`,
    );
    const limit = full ? ps.length : Number(flag('paras') ?? 3);
    ps.slice(0, limit).forEach((p, i) => console.log(`  ${shared[i]}${i + 1}. ${full ? p : p.slice(0, 320)}`));
    if (!full && ps.length > limit) console.log(`  ... (${ps.length - limit} more)`);
  }
}

const [command, ...rest] = process.argv.slice(2);
const flag = (name: string) => {
  const i = rest.indexOf(`--${name}`);
  return i === -1 ? undefined : (rest[i + 1] ?? '');
};

if (command === 'stats' || command === 'draw') {
  const { texts } = load();
  const by = populations(allPairFeatures(texts));
  for (const s of STRATA) console.log(`${s.padEnd(14)} ${String(by[s].length).padStart(6)}  ${STRATUM_RULES[s]}`);
  if (command === 'draw') {
    const seed = Number(flag('seed') ?? 20161128);
    const random = seeded(seed);
    const sample: SampledPair[] = [];
    for (const s of STRATA)
      for (const f of drawSample(by[s], QUOTA[s], random)) sample.push({ ...f, n: sample.length + 1, stratum: s });
    const sizes = Object.fromEntries(STRATA.map((s) => [s, by[s].length]));
    mkdirSync(SCRATCH, { recursive: true });
    writeFileSync(SAMPLE, `${JSON.stringify({ seed, populations: sizes, pairs: sample }, null, 1)}\n`);
    console.log(`${sample.length} pairs drawn (seed ${seed}) -> ${SAMPLE}`);
  }
} else if (command === 'show') {
  if (!existsSync(SAMPLE)) throw new Error(`no sample yet: run "draw" first (${SAMPLE})`);
  const { pairs } = JSON.parse(readFileSync(SAMPLE, 'utf8')) as { pairs: SampledPair[] };
  const from = Number(rest[0] ?? 1);
  const to = Number(rest[1] && !rest[1].startsWith('--') ? rest[1] : from);
  const { byId } = load();
  for (const p of pairs.filter((x) => x.n >= from && x.n <= to)) show(p, byId, rest.includes('--full'));
} else if (command === 'record') {
  // record LABELS.txt: lines "N label" (N from the sample) -> the labels file, ids and labels only.
  const {
    seed,
    populations: sizes,
    pairs,
  } = JSON.parse(readFileSync(SAMPLE, 'utf8')) as {
    seed: number;
    populations: Record<Stratum, number>;
    pairs: SampledPair[];
  };
  const given = new Map(
    readFileSync(rest[0]!, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => {
        const [n, label] = l.trim().split(/\s+/);
        return [Number(n), LabelSchema.parse(label)] as const;
      }),
  );
  const labelled = pairs.filter((p) => given.has(p.n));
  const file = {
    corpus: 'reuters-2016-conflict-unlabeled/posts.jsonl (207 posts)',
    ids: 'first 12 hex digits of sha256(post_path); eval/dedupe/corpus.ts',
    annotator: flag('annotator') ?? 'unnamed',
    labelled: new Date().toISOString().slice(0, 10),
    method: METHOD,
    definition: DEFINITION,
    sample: {
      seed,
      strata: Object.fromEntries(
        STRATA.map((s) => [
          s,
          { rule: STRATUM_RULES[s], population: sizes[s], labelled: labelled.filter((p) => p.stratum === s).length },
        ]),
      ),
    },
    pairs: labelled.map((p) => ({ a: p.a, b: p.b, stratum: p.stratum, label: given.get(p.n)! })),
  };
  // One pair a line: the file stays readable and diffs stay small.
  const { pairs: rows, ...head } = file;
  const top = JSON.stringify(head, null, 1).replace(/\n}$/, '');
  writeFileSync(LABELS_PATH, `${top},\n "pairs": [\n${rows.map((r) => `  ${JSON.stringify(r)}`).join(',\n')}\n ]\n}\n`);
  console.log(`${labelled.length} labelled pairs -> ${LABELS_PATH.pathname}`);
} else {
  console.log(
    'usage: sample.ts stats | draw [--seed N] | show FROM [TO] [--full] [--paras N] | record LABELS.txt [--annotator NAME]',
  );
  process.exitCode = 2;
}
