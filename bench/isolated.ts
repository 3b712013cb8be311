/**
 * The isolated, steady-state measurement: the pipeline and wink-nlp each read the corpus in a child
 * process of their own (bench/side.ts), warm, with no forced garbage collection, as a long-running
 * service reads reports. wink-nlp is measured twice: with its default pipeline (sentences, negation,
 * sentiment, POS, entities), as a user who calls `readDoc` gets it, and with only sentence splitting
 * and POS tagging, which is all the "tokenise + POS" asks and all our sentences stage uses.
 * The sides run in rounds, their order rotated each round, and a round's ratios compare runs made
 * seconds apart, so the machine's drift hits every side alike. Figures are medians over rounds of
 * each side's median pass.
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
  /** Rounds of child processes (one per side each round). */
  readonly pairs: number;
  /** Seconds of timed passes in each child, after its warm-up. */
  readonly seconds: number;
}

/** The sides of a round: the pipeline, wink-nlp's default pipeline, wink-nlp tokenising + tagging only. */
export type SideName = 'pipeline' | 'wink' | 'wink-pos';
const SIDES: readonly SideName[] = ['pipeline', 'wink', 'wink-pos'];

/** One round: each side's median pass, the pipeline's ratio to each wink-nlp side. */
export interface IsolatedPair {
  readonly pipelineMs: number;
  readonly pipelineCpuMs: number;
  readonly winkMs: number;
  readonly winkCpuMs: number;
  readonly winkPosMs: number;
  /** Pipeline / wink-nlp's default pipeline (wall time). */
  readonly ratio: number;
  /** Pipeline / wink-nlp with only sentence splitting and POS tagging (wall time). */
  readonly ratioPos: number;
}

export interface IsolatedFigures {
  readonly pairs: readonly IsolatedPair[];
  readonly pipelineMs: number;
  readonly pipelineCpuMs: number;
  readonly winkMs: number;
  readonly winkPosMs: number;
  /** Median of the rounds' ratios (pipeline / wink-nlp default, wall time). */
  readonly ratio: number;
  readonly minRatio: number;
  readonly maxRatio: number;
  /** Median of the rounds' ratios to wink-nlp tokenising + tagging only. */
  readonly ratioPos: number;
  readonly minRatioPos: number;
  readonly maxRatioPos: number;
}

/** Runs one side in a fresh process; throws with the child's own message when it fails. */
export function runSide(side: SideName, corpusFile: string, seconds: number): SideResult {
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

/** Summarises rounds measured elsewhere (kept apart from the process spawning, so it can be tested). */
export function summarisePairs(pairs: readonly IsolatedPair[]): IsolatedFigures {
  if (pairs.length === 0) throw new RangeError('no isolated pairs were measured');
  const ratios = pairs.map((p) => p.ratio);
  const ratiosPos = pairs.map((p) => p.ratioPos);
  return {
    pairs,
    pipelineMs: median(pairs.map((p) => p.pipelineMs)),
    pipelineCpuMs: median(pairs.map((p) => p.pipelineCpuMs)),
    winkMs: median(pairs.map((p) => p.winkMs)),
    winkPosMs: median(pairs.map((p) => p.winkPosMs)),
    ratio: median(ratios),
    minRatio: Math.min(...ratios),
    maxRatio: Math.max(...ratios),
    ratioPos: median(ratiosPos),
    minRatioPos: Math.min(...ratiosPos),
    maxRatioPos: Math.max(...ratiosPos),
  };
}

export function pairOf(pipeline: SideResult, wink: SideResult, winkPos: SideResult): IsolatedPair {
  const pipelineMs = median(pipeline.wallMs);
  const winkMs = median(wink.wallMs);
  const winkPosMs = median(winkPos.wallMs);
  return {
    pipelineMs,
    pipelineCpuMs: median(pipeline.cpuMs),
    winkMs,
    winkCpuMs: median(wink.cpuMs),
    winkPosMs,
    ratio: ratio(pipelineMs, winkMs),
    ratioPos: ratio(pipelineMs, winkPosMs),
  };
}

/** The order of the sides in round k: rotated each round, so no side always runs first. */
export function sideOrder(k: number): SideName[] {
  return SIDES.map((_, i) => SIDES[(i + k) % SIDES.length]!);
}

export function measureIsolated(corpus: PreparedCorpus, options: IsolatedOptions): IsolatedFigures {
  const dir = mkdtempSync(join(tmpdir(), 'truce-bench-'));
  try {
    const file = join(dir, 'corpus.json');
    const data: SideCorpus = { inputs: corpus.inputs, texts: corpus.texts };
    writeFileSync(file, JSON.stringify(data));
    const pairs: IsolatedPair[] = [];
    for (let k = 0; k < options.pairs; k++) {
      const results = new Map<SideName, SideResult>();
      for (const side of sideOrder(k)) results.set(side, runSide(side, file, options.seconds));
      pairs.push(pairOf(results.get('pipeline')!, results.get('wink')!, results.get('wink-pos')!));
    }
    return summarisePairs(pairs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
