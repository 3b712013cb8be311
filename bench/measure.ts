/**
 * Timed rounds over one corpus: the whole pipeline (with per-stage timings) and each peer, back to back,
 * in an order that rotates each round so one side's garbage is not always collected on the other's time.
 */
import type { Doc, ReportInput } from '../src/core/document.js';
import type { StageTiming } from '../src/nlp/pipeline.js';
import type { Peer } from './peers.js';
import { median, medianRatio, sumByStage } from './stats.js';

/** What the benchmark needs from the pipeline, so the harness can be tried with a stand-in. */
export interface PipelineUnderTest {
  read(input: ReportInput, timings?: StageTiming[]): Doc;
  /** The presenter that turns a Doc into the Analysis JSON contract (part of the user's wait). */
  present(doc: Doc): unknown;
}

export interface PreparedCorpus {
  readonly name: string;
  readonly inputs: readonly ReportInput[];
  /** The texts the peers read: the cleaned body of each report, so all sides read the same words. */
  readonly texts: readonly string[];
}

/** Wall and CPU milliseconds of one side over the whole corpus in one round. */
interface Cost {
  wallMs: number;
  cpuMs: number;
}

interface Round {
  pipeline: Cost;
  presentMs: number;
  stages: Map<string, number>;
  peers: Cost[];
}

export interface CorpusFigures {
  readonly reports: number;
  readonly rounds: number;
  /** Median per-report milliseconds of each stage, in pipeline order, plus 'present'. */
  readonly stageMs: ReadonlyMap<string, number>;
  /** Median per-report time outside the stages (the pipeline loop and timing itself). */
  readonly loopMs: number;
  readonly pipelineMs: number;
  readonly pipelineMinMs: number;
  readonly pipelineMaxMs: number;
  /** CPU time of the process (all threads, so garbage-collector helpers too) per report. */
  readonly cpuMs: number;
  readonly peerMs: readonly number[];
  /** Median over rounds of pipeline time / peer time, on wall time and on CPU time. */
  readonly ratioToPeer: readonly number[];
  readonly cpuRatioToPeer: readonly number[];
  /** Wall-time ratio leaving out the named stage (e.g. HTML cleaning, which the peers are spared). */
  readonly ratioToPeerWithout: (stage: string) => readonly number[];
}

let sink = 0; // results flow here so no work can be skipped

function timed(work: () => void): Cost {
  const cpu = process.cpuUsage();
  const started = performance.now();
  work();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

function timePipeline(pipeline: PipelineUnderTest, corpus: PreparedCorpus, round: Round): void {
  const timings: StageTiming[] = [];
  round.pipeline = timed(() => {
    for (const input of corpus.inputs) {
      const doc = pipeline.read(input, timings);
      const t = performance.now();
      sink += pipeline.present(doc) ? 1 : 0;
      round.presentMs += performance.now() - t;
    }
  });
  sumByStage(timings, round.stages);
}

function timePeer(peer: Peer, corpus: PreparedCorpus): Cost {
  return timed(() => {
    for (const text of corpus.texts) sink += peer.run(text);
  });
}

export interface MeasureOptions {
  readonly rounds: number;
  readonly warmup: number;
  /** A full garbage collection, run (untimed) before each side, so no side pays for another's garbage. */
  readonly collect?: () => void;
}

const REWARM = 5;
const scratch = (): Round => ({ pipeline: { wallMs: 0, cpuMs: 0 }, presentMs: 0, stages: new Map(), peers: [] });

function runRound(
  pipeline: PipelineUnderTest | null,
  peers: readonly Peer[],
  corpus: PreparedCorpus,
  index: number,
  collect: () => void,
): Round {
  const none = { wallMs: Number.NaN, cpuMs: Number.NaN };
  const round: Round = { pipeline: none, presentMs: 0, stages: new Map(), peers: [] };
  // Each side first reads a few reports untimed: the side that ran before it can leave caches and
  // compiled code cold, which a long-running service would not see.
  const few = { ...corpus, inputs: corpus.inputs.slice(0, REWARM), texts: corpus.texts.slice(0, REWARM) };
  const jobs: Array<() => void> = [
    ...(pipeline ? [() => (timePipeline(pipeline, few, scratch()), timePipeline(pipeline, corpus, round))] : []),
    ...peers.map((peer, i) => () => (timePeer(peer, few), (round.peers[i] = timePeer(peer, corpus)))),
  ];
  for (let k = 0; k < jobs.length; k++) {
    collect();
    jobs[(index + k) % jobs.length]!();
  }
  return round;
}

export function measureCorpus(
  pipeline: PipelineUnderTest | null,
  peers: readonly Peer[],
  corpus: PreparedCorpus,
  options: MeasureOptions,
): CorpusFigures {
  const collect = options.collect ?? (() => {});
  for (let i = 0; i < options.warmup; i++) runRound(pipeline, peers, corpus, i, collect);
  const rounds = Array.from({ length: options.rounds }, (_, i) => runRound(pipeline, peers, corpus, i, collect));
  const n = corpus.inputs.length;
  const perReport = (pick: (r: Round) => number, count = n) => median(rounds.map(pick)) / count;
  const stageNames = [...new Set(rounds.flatMap((r) => [...r.stages.keys()]))];
  const stageMs = new Map(stageNames.map((s) => [s, perReport((r) => r.stages.get(s) ?? 0)] as const));
  if (pipeline)
    stageMs.set(
      'present',
      perReport((r) => r.presentMs),
    );
  const staged = (r: Round) => [...r.stages.values()].reduce((a, b) => a + b, 0) + r.presentMs;
  const wall = rounds.map((r) => r.pipeline.wallMs);
  const ratios = (numerator: (r: Round) => number, side: keyof Cost = 'wallMs') =>
    peers.map((_, i) =>
      medianRatio(
        rounds.map(numerator),
        rounds.map((r) => r.peers[i]![side]),
      ),
    );
  return {
    reports: n,
    rounds: rounds.length,
    stageMs,
    loopMs: perReport((r) => r.pipeline.wallMs - staged(r)),
    pipelineMs: perReport((r) => r.pipeline.wallMs),
    pipelineMinMs: Math.min(...wall) / n,
    pipelineMaxMs: Math.max(...wall) / n,
    cpuMs: perReport((r) => r.pipeline.cpuMs),
    peerMs: peers.map((_, i) => perReport((r) => r.peers[i]!.wallMs, corpus.texts.length)),
    ratioToPeer: ratios((r) => r.pipeline.wallMs),
    cpuRatioToPeer: ratios((r) => r.pipeline.cpuMs, 'cpuMs'),
    ratioToPeerWithout: (stage) => ratios((r) => r.pipeline.wallMs - (r.stages.get(stage) ?? 0)),
  };
}

/** Keeps the sink observable, so the engine must compute it. */
export function sinkValue(): number {
  return sink;
}
