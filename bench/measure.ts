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

interface Round {
  pipelineMs: number;
  cpuMs: number;
  presentMs: number;
  stages: Map<string, number>;
  peerMs: number[];
}

export interface CorpusFigures {
  readonly reports: number;
  readonly rounds: number;
  /** Median per-report milliseconds of each stage, in pipeline order, plus 'present'. */
  readonly stageMs: ReadonlyMap<string, number>;
  readonly pipelineMs: number;
  readonly pipelineMinMs: number;
  readonly pipelineMaxMs: number;
  readonly cpuMs: number;
  readonly peerMs: readonly number[];
  /** Median over rounds of pipeline time / peer time. */
  readonly ratioToPeer: readonly number[];
  /** Same, leaving out the named stage (e.g. HTML cleaning, which the peers are spared). */
  readonly ratioToPeerWithout: (stage: string) => readonly number[];
}

let sink = 0; // results flow here so no work can be skipped

function timePipeline(pipeline: PipelineUnderTest, corpus: PreparedCorpus, round: Round): void {
  const timings: StageTiming[] = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const input of corpus.inputs) {
    const doc = pipeline.read(input, timings);
    const t = performance.now();
    sink += pipeline.present(doc) ? 1 : 0;
    round.presentMs += performance.now() - t;
  }
  round.pipelineMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  round.cpuMs = (used.user + used.system) / 1000;
  sumByStage(timings, round.stages);
}

function timePeer(peer: Peer, corpus: PreparedCorpus): number {
  const started = performance.now();
  for (const text of corpus.texts) sink += peer.run(text);
  return performance.now() - started;
}

export interface MeasureOptions {
  readonly rounds: number;
  readonly warmup: number;
  /** A full garbage collection, run (untimed) before each side, so no side pays for another's garbage. */
  readonly collect?: () => void;
}

function runRound(
  pipeline: PipelineUnderTest | null,
  peers: readonly Peer[],
  corpus: PreparedCorpus,
  index: number,
  collect: () => void,
): Round {
  const round: Round = { pipelineMs: Number.NaN, cpuMs: Number.NaN, presentMs: 0, stages: new Map(), peerMs: [] };
  const jobs: Array<() => void> = [
    ...(pipeline ? [() => timePipeline(pipeline, corpus, round)] : []),
    ...peers.map((peer, i) => () => void (round.peerMs[i] = timePeer(peer, corpus))),
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
  const pipelineTimes = rounds.map((r) => r.pipelineMs);
  const peerMs = peers.map((_, i) => perReport((r) => r.peerMs[i]!, corpus.texts.length));
  const ratios = (numerator: (r: Round) => number) =>
    peers.map((_, i) =>
      medianRatio(
        rounds.map(numerator),
        rounds.map((r) => r.peerMs[i]!),
      ),
    );
  return {
    reports: n,
    rounds: rounds.length,
    stageMs,
    pipelineMs: perReport((r) => r.pipelineMs),
    pipelineMinMs: Math.min(...pipelineTimes) / n,
    pipelineMaxMs: Math.max(...pipelineTimes) / n,
    cpuMs: perReport((r) => r.cpuMs),
    peerMs,
    ratioToPeer: ratios((r) => r.pipelineMs),
    ratioToPeerWithout: (stage) => ratios((r) => r.pipelineMs - (r.stages.get(stage) ?? 0)),
  };
}

/** Keeps the sink observable, so the engine must compute it. */
export function sinkValue(): number {
  return sink;
}
