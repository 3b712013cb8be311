/**
 * Derives cue verbs from PolNeAR TRAIN by counting (ADR 0015): for each verb lemma, how many of its
 * verb-tagged uses in the training articles stand inside a gold cue span, against all its uses. A
 * lemma becomes a cue when it heads attributions often enough (at least `minHits` uses) and reliably
 * enough (at least `minPrecision` of its uses); its class and content kind are read from the gold
 * contents it heads. Lemmas already in data/quotes/cues.yaml (verbs, nouns, phrase triggers) and the
 * lemmas listed in data/quotes/cue-learning.yaml `exclude` are left out. Writes
 * data/quotes/learned-cues.yaml, which the quotes lexicon adds after cues.yaml.
 *
 *   npx tsx train/quotes/cues.ts [--data PATH] [--skip-every N] [--out FILE] [--dry]
 *
 * `--skip-every 3` leaves out the articles eval/quotes/misses.ts samples (every third), so that the
 * misses tool measures the learned cues out of sample. Never reads the dev or test split.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { dataPath, loadDataFile } from '../../src/core/data-file.js';
import type { Token } from '../../src/core/document.js';
import { inflections, loadLexicon } from '../../src/nlp/quotes/lexicon.js';
import { createPlainReader } from '../../src/services/plain-reader.js';
import { dataRoot } from '../../eval/lib/data.js';
import { isDirectContent } from '../../eval/quotes/score.js';
import { readPolnear, type PolnearPart as Part } from '../../eval/quotes/polnear.js';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string' },
    'skip-every': { type: 'string', default: '0' },
    out: { type: 'string', default: dataPath('quotes', 'learned-cues.yaml') },
    dry: { type: 'boolean', default: false },
  },
});

const SettingsSchema = z.object({
  minHits: z.number().int().min(1),
  minPrecision: z.number().min(0).max(1),
  infinitiveShare: z.number().min(0).max(1),
  directShare: z.number().min(0).max(1),
  objectShare: z.number().min(0).max(1),
  exclude: z.array(z.object({ lemma: z.string().min(1), reason: z.string().min(1) })),
});
const settings = loadDataFile('quotes/cue-learning.yaml', SettingsSchema);

const skipEvery = Number(args['skip-every']);
const records = readPolnear(join(dataRoot(args.data), 'polnear-quotes', 'train.jsonl')).records.filter(
  (_, i) => !(skipEvery > 0 && i % skipEvery === 0),
);

/** What the gold content a cue heads looks like: its first word after the cue, its kind. */
type Shape = 'infinitive' | 'clause' | 'object' | 'direct' | 'elsewhere';

interface Use {
  readonly form: string;
  readonly shape: Shape | null;
}

const CLAUSE_OPENERS = new Set(['that', 'whether', 'if', 'how', 'why', 'what', 'when', 'where', 'who']);

function shapeOf(tokens: readonly Token[], text: string, cueEnd: number, content: readonly Part[]): Shape {
  const parts = [...content].sort((a, b) => a.spans[0]![0] - b.spans[0]![0]);
  if (isDirectContent(parts.map((p) => p.text))) return 'direct';
  const first = parts[0]!.spans[0]![0];
  // Only a content that starts right after the cue (a few characters of space or punctuation) tells
  // what the verb takes; one before it or further on says nothing about the verb's complement.
  if (first < cueEnd || !/^[\s,:]{0,3}$/.test(text.slice(cueEnd, first))) return 'elsewhere';
  const inside = tokens.filter((t) => t.start >= first && t.end <= parts[0]!.spans[0]![1]);
  const head = text.slice(inside[0]?.start ?? first, inside[0]?.end ?? first).toLowerCase();
  if (head === 'to') return 'infinitive';
  if (CLAUSE_OPENERS.has(head)) return 'clause';
  // A clause has a verb of its own near its start ("the plan would fail"); an object has none.
  return inside.slice(1, 6).some((t) => t.pos === 'VERB' || t.pos === 'AUX') ? 'clause' : 'object';
}

const reader = createPlainReader('sentences');
const uses: Use[] = [];
for (const r of records) {
  const tokens = reader.read(r.text).sentences!.tokens;
  // The attribution whose cue covers each character, by the start of the cue span.
  const cueAt = new Map<number, { end: number; content: Part[] }>();
  for (const a of r.attributions)
    for (const c of a.cue)
      for (const [s, e] of c.spans) for (let k = s; k < e; k++) cueAt.set(k, { end: e, content: a.content });
  for (const t of tokens) {
    if (t.pos !== 'VERB') continue;
    const form = r.text.slice(t.start, t.end).toLowerCase();
    if (!/^[a-z]+$/.test(form)) continue;
    const cue = cueAt.get(t.start);
    const shape = cue ? (cue.content.length ? shapeOf(tokens, r.text, cue.end, cue.content) : 'elsewhere') : null;
    uses.push({ form, shape });
  }
}

// Lemmas: a form is grouped under the shortest seen form whose inflections hold it (cites -> cite);
// an irregular form stands alone.
const forms = new Set(uses.map((u) => u.form));
const lemmaOf = new Map<string, string>();
const byLength = [...forms].sort((a, b) => a.length - b.length || a.localeCompare(b));
for (const f of byLength)
  if (!lemmaOf.has(f)) for (const g of [f, ...inflections(f)]) if (!lemmaOf.has(g)) lemmaOf.set(g, f);
/** A lemma that was not itself seen: "blasted" and "blasting" share "blast" though "blast" never occurs. */
const BASES: Array<[RegExp, string]> = [
  [/([bdgklmnprt])\1(?:ed|ing)$/, '$1'],
  [/ied$/, 'y'],
  [/ies$/, 'y'],
  [/ing$/, ''],
  [/ing$/, 'e'],
  [/ed$/, ''],
  [/ed$/, 'e'],
  [/es$/, ''],
  [/s$/, ''],
];
/** Whether a guessed stem needs its final e back: "outlin" -> outline, "acquiesc" -> acquiesce. */
const needsE = (base: string) => /(?:[^aeiou][aeiou][^aeiouwxy]|[cgvz])$/.test(base);
for (const f of byLength) {
  if (lemmaOf.get(f) !== f) continue;
  for (const [re, add] of BASES) {
    const base = f.replace(re, add);
    if (base === f || base.length < 3) continue;
    const alt = [base, ...inflections(base)];
    if (!alt.includes(f)) continue;
    const sibling = alt.find((g) => g !== f && forms.has(g) && lemmaOf.get(g) === g);
    if (!sibling) continue;
    if (add === '' && !forms.has(base) && needsE(base)) continue;
    for (const g of alt) if (forms.has(g)) lemmaOf.set(g, base);
    break;
  }
}

const lex = loadLexicon({ learned: false });
const known = (lemma: string) =>
  [lemma, ...inflections(lemma)].some(
    (f) => lex.verbs.has(f) || lex.nouns.has(f) || lex.phraseTriggers.has(f) || lex.catenatives.has(f),
  );
const excluded = new Set(settings.exclude.map((e) => e.lemma));

interface Stat {
  uses: number;
  hits: number;
  forms: Set<string>;
  shapes: Record<Shape, number>;
}
const stats = new Map<string, Stat>();
for (const u of uses) {
  const lemma = lemmaOf.get(u.form) ?? u.form;
  const s = stats.get(lemma) ?? {
    uses: 0,
    hits: 0,
    forms: new Set<string>(),
    shapes: { infinitive: 0, clause: 0, object: 0, direct: 0, elsewhere: 0 },
  };
  s.uses++;
  s.forms.add(u.form);
  if (u.shape) {
    s.hits++;
    s.shapes[u.shape]++;
  }
  stats.set(lemma, s);
}

interface Learned {
  lemma: string;
  forms: string[];
  class: 'speech' | 'belief' | 'intention';
  content: 'default' | 'or-object';
  hits: number;
  uses: number;
}
const learned: Learned[] = [];
const rows: string[] = [];
for (const [lemma, s] of [...stats.entries()].sort((a, b) => b[1].hits - a[1].hits)) {
  const precision = s.hits / s.uses;
  if (s.hits < settings.minHits || precision < settings.minPrecision) continue;
  const { infinitive, direct, object } = s.shapes;
  const cls =
    infinitive / s.hits >= settings.infinitiveShare
      ? 'intention'
      : direct / s.hits >= settings.directShare
        ? 'speech'
        : 'belief';
  const content = object / s.hits >= settings.objectShare ? 'or-object' : 'default';
  const why = known(lemma) ? 'in cues.yaml' : [lemma, ...s.forms].some((f) => excluded.has(f)) ? 'excluded' : '';
  rows.push(
    `${lemma.padEnd(14)} ${String(s.hits).padStart(4)} / ${String(s.uses).padStart(4)} = ${precision.toFixed(2)}  ` +
      `${JSON.stringify(s.shapes)}  ${why || `${cls} ${content}`}`,
  );
  if (why) continue;
  learned.push({ lemma, forms: [...s.forms].sort(), class: cls, content, hits: s.hits, uses: s.uses });
}
console.log(rows.join('\n'));
console.log(`\n${records.length} train articles, ${uses.length} verb uses; ${learned.length} cues learned`);

if (!args.dry) {
  const header = [
    '# GENERATED by `npx tsx train/quotes/cues.ts` from PolNeAR train (ADR 0015); do not edit by hand:',
    '# change data/quotes/cue-learning.yaml (thresholds, exclusions) and run the script again.',
    `# ${records.length} training articles${skipEvery ? ` (one in ${skipEvery} left out)` : ''}; a lemma is kept when at least ` +
      `${settings.minHits} of its verb uses and ${settings.minPrecision} of them head a gold attribution.`,
    '# hits / uses: verb-tagged uses inside a gold cue span / all verb-tagged uses.',
  ];
  const body = learned.map((l) =>
    [
      `  - lemma: ${l.lemma}`,
      `    forms: [${l.forms.join(', ')}]`,
      `    class: ${l.class}`,
      `    content: ${l.content}`,
      `    hits: ${l.hits}`,
      `    uses: ${l.uses}`,
    ].join('\n'),
  );
  writeFileSync(args.out, `${header.join('\n')}\nverbs:\n${body.join('\n')}\n`);
  console.log(`wrote ${args.out}`);
}
