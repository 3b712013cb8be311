/**
 * `npx tsx eval/quotes/misses.ts [--split train] [--every 3] [--show CUE|'I said'|'I*'] [--fp] [--limit 40]`:
 * error analysis of the quotes stage on a PolNeAR split (train by default; never tune on dev).
 * Groups the gold attributions we miss (or find with the wrong speaker) by their gold cue, lower-cased,
 * and by kind; `--show CUE` prints the missed sentences of that cue; `--fp` groups our predictions
 * that match no gold attribution by our cue. Documents are read up to the entities stage once and
 * cached in /tmp, so re-running after a rule change only re-runs the quotes stage.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Doc } from '../../src/core/document.js';
import { findQuotes } from '../../src/nlp/quotes/quotes.stage.js';
import { loadLexicon } from '../../src/nlp/quotes/lexicon.js';
import { dataRoot } from '../lib/data.js';
import { readPolnear } from './polnear.js';
import { assign, isDirectContent, type GoldAttribution, type PredictedAttribution, type Range } from './score.js';

const { values: args } = parseArgs({
  options: {
    split: { type: 'string', default: 'train' },
    every: { type: 'string', default: '3' },
    show: { type: 'string' },
    fp: { type: 'boolean', default: false },
    limit: { type: 'string', default: '40' },
    data: { type: 'string' },
  },
});
if (args.split === 'dev' && (args.show || args.fp)) {
  console.error('misses: examples are shown for train only (dev is for measuring, not for reading)');
  process.exit(2);
}

const path = join(dataRoot(args.data), 'polnear-quotes', `${args.split}.jsonl`);
const every = Number(args.every);
const records = readPolnear(path).records.filter((_, i) => i % every === 0);

const cachePath = `/tmp/truce-quotes-${args.split}-${every}.json`;
let docs: Record<string, Doc>;
if (existsSync(cachePath)) docs = JSON.parse(readFileSync(cachePath, 'utf8')) as Record<string, Doc>;
else {
  const { createPlainReader } = await import('../../src/services/plain-reader.js');
  const reader = createPlainReader('entities');
  docs = {};
  for (const r of records) docs[r.doc_id] = reader.read(r.text);
  writeFileSync(cachePath, JSON.stringify(docs));
}

const lex = loadLexicon();
const counts = new Map<string, { missed: number; wrongSpeaker: number; found: number }>();
const fps = new Map<string, number>();
const shown: string[] = [];
const fpShown: string[] = [];
let cpu = 0;
const tally = { gold: 0, found: 0, predicted: 0, right: 0, goldDirect: 0, foundDirect: 0 };
const lineOf = (text: string, a: number, b: number) => text.slice(a, b).replace(/\s+/g, ' ');

for (const r of records) {
  const doc = docs[r.doc_id]!;
  const t0 = process.cpuUsage();
  const quotes = findQuotes(r.text, doc.sentences!, doc.entities!.entities, lex, null);
  const d = process.cpuUsage(t0);
  cpu += d.user + d.system;
  const chains = new Map<string, Range[]>();
  for (const e of doc.entities!.entities) {
    if (e.type === 'place') continue;
    const chain = chains.get(e.canonical) ?? [];
    chain.push([e.start, e.end]);
    chains.set(e.canonical, chain);
  }
  for (const q of quotes) {
    const chain = q.speaker === null ? undefined : chains.get(q.speaker);
    if (chain && q.speakerMention) chain.push([q.speakerMention.start, q.speakerMention.end]);
  }
  const predicted: PredictedAttribution[] = quotes.map((q) => {
    const own: Range[] = q.speakerMention ? [[q.speakerMention.start, q.speakerMention.end]] : [];
    const shared = q.speaker === null ? undefined : chains.get(q.speaker);
    return { content: [q.start, q.end], speaker: shared ? [...own, ...shared] : own, direct: q.kind === 'direct' };
  });
  const kept = r.attributions.filter((a) => a.content.length > 0);
  const gold: GoldAttribution[] = kept.map((a) => ({
    content: a.content.flatMap((c) => c.spans),
    source: a.source.flatMap((s) => s.spans),
    direct: isDirectContent([...a.content].sort((x, y) => x.spans[0]![0] - y.spans[0]![0]).map((c) => c.text)),
  }));
  const found = new Uint8Array(gold.length);
  const right = new Uint8Array(gold.length);
  predicted.forEach((p, pi) => {
    const g = assign(gold, p);
    tally.predicted++;
    const ok =
      g >= 0 &&
      (p.speaker.length === 0
        ? gold[g]!.source.length === 0
        : p.speaker.some((m) => gold[g]!.source.some((s) => Math.min(m[1], s[1]) > Math.max(m[0], s[0]))));
    if (g >= 0) found[g] = 1;
    if (ok) {
      right[g] = 1;
      tally.right++;
    }
    if (g < 0) {
      const q = quotes[pi]!;
      const key = `${q.kind} ${q.cue ? q.cue.text.toLowerCase() : '-'}`;
      fps.set(key, (fps.get(key) ?? 0) + 1);
      if (args.fp && fpShown.length < Number(args.limit))
        fpShown.push(
          `[${key}] ${lineOf(r.text, Math.max(0, q.start - 120), q.end + 40)}\n    => ${q.text.slice(0, 160)}`,
        );
    }
  });
  kept.forEach((a, gi) => {
    tally.gold++;
    if (right[gi]) tally.found++;
    if (gold[gi]!.direct) {
      tally.goldDirect++;
      if (right[gi]) tally.foundDirect++;
    }
    const cue = a.cue.map((c) => c.text.toLowerCase().replace(/\s+/g, ' ')).join(' ') || '(none)';
    const key = `${gold[gi]!.direct ? 'D' : 'I'} ${cue}`;
    const c = counts.get(key) ?? { missed: 0, wrongSpeaker: 0, found: 0 };
    if (right[gi]) c.found++;
    else if (found[gi]) c.wrongSpeaker++;
    else c.missed++;
    counts.set(key, c);
    if (
      !right[gi] &&
      args.show !== undefined &&
      (cue === args.show || key === args.show || (args.show.endsWith('*') && key.startsWith(args.show.slice(0, -1)))) &&
      shown.length < Number(args.limit)
    ) {
      const all = [...a.source, ...a.cue, ...a.content].flatMap((p) => p.spans);
      const lo = Math.min(...all.map((s) => s[0]));
      const hi = Math.max(...all.map((s) => s[1]));
      const ours = quotes
        .filter((q) => q.end > lo && q.start < hi)
        .map(
          (q) =>
            `\n    ours: ${q.kind} [${q.speakerMention?.text ?? '-'}] ${q.cue?.text ?? '-'}: ${q.text.slice(0, 120)}`,
        )
        .join('');
      shown.push(
        `${found[gi] ? 'WRONG-SPEAKER' : 'MISSED'} src=[${a.source.map((p) => p.text).join(' | ')}] cue=[${cue}]\n    ${lineOf(r.text, lo, hi).slice(0, 400)}\n    content: ${a.content
          .map((p) => p.text)
          .join(' … ')
          .slice(0, 200)}${ours}`,
      );
    }
  });
}

const rows = [...counts.entries()].sort((a, b) => b[1].missed + b[1].wrongSpeaker - (a[1].missed + a[1].wrongSpeaker));
const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
const p = tally.right / tally.predicted;
const rc = tally.found / tally.gold;
console.log(
  `${records.length} ${args.split} articles; gold ${tally.gold}; found with speaker ${tally.found} (R ${rc.toFixed(3)}), ` +
    `predictions ${tally.predicted} (P ${p.toFixed(3)}), F1 ${f1(p, rc).toFixed(3)}; direct R ${(tally.foundDirect / tally.goldDirect).toFixed(3)}; quotes CPU ${(cpu / 1000).toFixed(0)} ms`,
);
console.log('\nmissed / wrong speaker / found, by gold kind and cue:');
for (const [k, c] of rows.slice(0, Number(args.limit)))
  console.log(
    `${String(c.missed).padStart(5)} ${String(c.wrongSpeaker).padStart(4)} ${String(c.found).padStart(4)}  ${k}`,
  );
console.log('\nunmatched predictions by kind and cue:');
for (const [k, n] of [...fps.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20))
  console.log(`${String(n).padStart(5)}  ${k}`);
if (shown.length) console.log(`\n${shown.join('\n')}`);
if (fpShown.length) console.log(`\n${fpShown.join('\n')}`);
