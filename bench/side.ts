/**
 * One side of the isolated benchmark, run in a child process by bench/isolated.ts:
 * `tsx bench/side.ts SIDE CORPUS_FILE SECONDS` with SIDE `pipeline`, `wink` or `wink-pos`. It reads the prepared
 * corpus (JSON: the report inputs and their cleaned texts), warms up, then reads the corpus over and
 * over in steady state, as a service does: no forced garbage collection, nothing else in the heap but
 * this side. It prints one JSON line: the per-report milliseconds of each timed pass (wall and CPU).
 */
import { readFileSync } from 'node:fs';
import type { ReportInput } from '../src/core/document.js';

export interface SideCorpus {
  readonly inputs: readonly ReportInput[];
  readonly texts: readonly string[];
}

export interface SideResult {
  readonly side: string;
  /** Per-report milliseconds of each timed pass over the corpus. */
  readonly wallMs: readonly number[];
  readonly cpuMs: readonly number[];
}

/**
 * Untimed passes before timing, while compiled code, inline caches and the heap's shape settle: at
 * least WARMUP_PASSES, and more until WARMUP_SECONDS have passed. The pipeline's many functions take
 * several seconds to reach their optimised tiers (its first passes ran at twice the settled time).
 */
const WARMUP_PASSES = 3;
const WARMUP_SECONDS = 8;
/** Fewest timed passes, whatever the time budget. */
const MIN_PASSES = 5;

let sink = 0;

async function readerOf(side: string): Promise<(corpus: SideCorpus) => void> {
  if (side === 'pipeline') {
    const analyze = await import('../src/nlp/analyze.js');
    const { toAnalysis } = await import('../src/nlp/present.js');
    const reader = analyze.createReader(analyze.createReadingPipeline());
    return (corpus) => {
      for (const input of corpus.inputs) sink += toAnalysis(reader.read(input)) ? 1 : 0;
    };
  }
  if (side === 'wink' || side === 'wink-pos') {
    const { createWinkPeer, createWinkPosPeer } = await import('./peers.js');
    const wink = side === 'wink' ? createWinkPeer() : createWinkPosPeer();
    return (corpus) => {
      for (const text of corpus.texts) sink += wink.run(text);
    };
  }
  throw new Error(`unknown side "${side}" (pipeline, wink or wink-pos)`);
}

async function main(): Promise<void> {
  const [side = '', file = '', secondsArg = ''] = process.argv.slice(2);
  const seconds = Number(secondsArg);
  if (!file || !(seconds > 0)) throw new Error('usage: tsx bench/side.ts pipeline|wink|wink-pos CORPUS_FILE SECONDS');
  const corpus = JSON.parse(readFileSync(file, 'utf8')) as SideCorpus;
  const read = await readerOf(side);
  const n = side === 'pipeline' ? corpus.inputs.length : corpus.texts.length;
  const warm = performance.now() + WARMUP_SECONDS * 1000;
  for (let i = 0; i < WARMUP_PASSES || performance.now() < warm; i++) read(corpus);
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (wallMs.length < MIN_PASSES || performance.now() < until) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    read(corpus);
    wallMs.push((performance.now() - started) / n);
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000 / n);
  }
  const result: SideResult = { side, wallMs, cpuMs };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  if (sink < 0) process.stdout.write('unreachable\n');
}

await main();
