/**
 * Analysis tooling (not part of `npm run eval`): replays the block filter and the chrome trimmer
 * on the extractor output saved by dump.ts and prints the article-extraction-benchmark scores and
 * the trafilatura segment scores, for the default filter and for each rule turned off, so each
 * rule's gain is measured on its own.
 *   tsx eval/boilerplate/replay.ts DUMP.json [--pages]
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_BLOCK_FILTER, filterAndTrim, type BlockFilterOptions } from '../../src/nlp/clean/boilerplate.js';
import { loadChromeRules, trimChrome } from '../../src/nlp/clean/chrome.js';
import type { TextBlock } from '../../src/nlp/clean/html-text.js';
import { prf } from '../lib/prf.js';
import { averagePr, segmentCounts, shinglePr } from './score.js';

interface PageDump {
  set: 'aeb' | 'traf';
  id: string;
  truth?: string;
  with?: string[];
  without?: string[];
  blocks: TextBlock[];
  body: string;
}

const pages = JSON.parse(readFileSync(process.argv[2] ?? '/tmp/bp/dump.json', 'utf8')) as PageDump[];
const rules = loadChromeRules();

function bodyOf(page: PageDump, options: BlockFilterOptions | null): string {
  if (options) return filterAndTrim(rules, page.blocks, options).paragraphs.join('\n\n');
  const texts = page.blocks.map((b) => b.text);
  const t = trimChrome(rules, texts);
  return t.kept.map((k) => texts[k.index]!.slice(k.from, k.to)).join('\n\n');
}

function score(options: BlockFilterOptions | null, label: string): Map<string, number> {
  const per = new Map<string, number>();
  const aeb = pages.filter((p) => p.set === 'aeb');
  const prs = aeb.map((p) => {
    const pr = shinglePr(p.truth!, bodyOf(p, options));
    per.set(p.id, pr.p + pr.r);
    return pr;
  });
  const a = averagePr(prs);
  const c = { tp: 0, fp: 0, fn: 0 };
  for (const p of pages.filter((x) => x.set === 'traf')) {
    const s = segmentCounts(bodyOf(p, options), p.with ?? [], p.without ?? []);
    c.tp += s.tp;
    c.fp += s.fp;
    c.fn += s.fn;
  }
  const t = prf(c);
  console.log(
    `${label.padEnd(28)} aeb P ${a.p.toFixed(4)} R ${a.r.toFixed(4)} F1 ${a.f1.toFixed(4)}   traf P ${t.p.toFixed(3)} R ${t.r.toFixed(3)} F1 ${t.f1.toFixed(4)}`,
  );
  return per;
}

const base = score(null, 'no block filter');
const all = score(DEFAULT_BLOCK_FILTER, 'block filter (default)');
const offs: Array<[string, Partial<BlockFilterOptions>]> = [
  ['without link runs', { linkRun: 0 }],
  ['without link edges', { linkEdges: false }],
  ...((process.env.VARIANTS ? JSON.parse(process.env.VARIANTS) : []) as Array<[string, Partial<BlockFilterOptions>]>),
];
for (const [label, change] of offs) score({ ...DEFAULT_BLOCK_FILTER, ...change }, label);
if (process.argv.includes('--pages')) {
  for (const [id, v] of all) {
    const d = v - base.get(id)!;
    if (Math.abs(d) > 0.005) console.log(`${d > 0 ? '+' : ''}${d.toFixed(3)} ${id}`);
  }
}
