/**
 * The isolated, steady-state measurement: the pipeline and wink-nlp each read the corpus in a child
 * process of their own (bench/side.ts), warm, with no forced garbage collection, as a long-running
 * service reads reports. The two sides run in alternating pairs (pipeline first in one pair, wink
 * first in the next) and a pair's ratio compares two runs made seconds apart, so the machine's drift
 * hits both sides alike. Figures are medians over pairs of each side's median pass.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PreparedCorpus } from './measure.js';
import type { SideCorpus, SideResult } from './side.js';
import { median, ratio } from './stats.js';

const SIDE_SCRIPT = fileURLToPath(new URL('./side.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface IsolatedOptions {
  /** Pipeline/wink pairs of child processes. */
  readonly pairs: number;
  /** Seconds of timed passes in each child, after its warm-up. */
  readonly seconds: number;
}

export interface IsolatedPair {
  readonly pipelineMs: number;
  readonly pipelineCpuMs: number;
  readonly winkMs: number;
  readonly winkCpuMs: number;
  readonly ratio: number;
}

export interface IsolatedFigures {
  readonly pairs: readonly IsolatedPair[];
  readonly pipelineMs: number;
  readonly pipelineCpuMs: number;
  readonly winkMs: number;
  /** Median of the pairs' ratios (pipeline / wink-nlp, wall time). */
  readonly ratio: number;
  readonly minRatio: number;
  readonly maxRatio: number;
}

/** Runs one side in a fresh process; throws with the child's own message when it fails. */
export function runSide(side: 'pipeline' | 'wink', corpusFile: string, seconds: number): SideResult {
  const child = spawnSync(process.execPath, ['--import', 'tsx', SIDE_SCRIPT, side, corpusFile, String(seconds)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 2 ** 20,
  });
  const last = child.stdout?.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !last.startsWith('{')) {
    const why = child.error?.message ?? child.stderr?.trim().split('\n').slice(-3).join(' | ') ?? '';
    throw new Error(`the isolated ${side} side failed (exit ${child.status}): ${why}`);
  }
  return JSON.parse(last) as SideResult;
}

/** Summarises pairs measured elsewhere (kept apart from the process spawning, so it can be tested). */
export function summarisePairs(pairs: readonly IsolatedPair[]): IsolatedFigures {
  if (pairs.length === 0) throw new RangeError('no isolated pairs were measured');
  const ratios = pairs.map((p) => p.ratio);
  return {
    pairs,
    pipelineMs: median(pairs.map((p) => p.pipelineMs)),
    pipelineCpuMs: median(pairs.map((p) => p.pipelineCpuMs)),
    winkMs: median(pairs.map((p) => p.winkMs)),
    ratio: median(ratios),
    minRatio: Math.min(...ratios),
    maxRatio: Math.max(...ratios),
  };
}

export function pairOf(pipeline: SideResult, wink: SideResult): IsolatedPair {
  const pipelineMs = median(pipeline.wallMs);
  const winkMs = median(wink.wallMs);
  return {
    pipelineMs,
    pipelineCpuMs: median(pipeline.cpuMs),
    winkMs,
    winkCpuMs: median(wink.cpuMs),
    ratio: ratio(pipelineMs, winkMs),
  };
}

export function measureIsolated(corpus: PreparedCorpus, options: IsolatedOptions): IsolatedFigures {
  const dir = mkdtempSync(join(tmpdir(), 'truce-bench-'));
  try {
    const file = join(dir, 'corpus.json');
    const data: SideCorpus = { inputs: corpus.inputs, texts: corpus.texts };
    writeFileSync(file, JSON.stringify(data));
    const pairs: IsolatedPair[] = [];
    for (let k = 0; k < options.pairs; k++) {
      const pipelineFirst = k % 2 === 0;
      const first = runSide(pipelineFirst ? 'pipeline' : 'wink', file, options.seconds);
      const second = runSide(pipelineFirst ? 'wink' : 'pipeline', file, options.seconds);
      pairs.push(pipelineFirst ? pairOf(first, second) : pairOf(second, first));
    }
    return summarisePairs(pairs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
