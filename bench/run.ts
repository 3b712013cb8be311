/**
 * `npm run bench [-- --rounds N --warmup N --corpus examples|reuters|all --mode both|inprocess|isolated
 * --pairs N --seconds S]`: reports per second for the whole reading pipeline and each stage, beside
 * wink-nlp alone and compromise alone on the same texts, measured two ways (docs/adr/0014):
 * - in process: all sides in this process, rounds rotating their order, a full GC before each side;
 *   medians of rounds after warm-up, ratios taken per round (both sides ran back to back);
 * - isolated: the pipeline and wink-nlp each in a child process of its own, warm, in steady state with
 *   no forced GC (bench/isolated.ts), in alternating pairs; ratios taken per pair.
 */
import { cpus, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatTable } from '../eval/table.js';
import { loadExamplesCorpus, loadReutersCorpus, type BenchReport } from './corpus.js';
import {
  measureCorpus,
  sinkValue,
  type CorpusFigures,
  type PipelineUnderTest,
  type PreparedCorpus,
} from './measure.js';
import { measureIsolated, type IsolatedFigures } from './isolated.js';
import { perSecond, verdict } from './stats.js';

const TARGET_REPORTS_PER_SECOND = 200;
const TARGET_RATIO_TO_WINK = 3;
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const MANIFEST = here('../examples/manifest.yaml');
const REUTERS = here('../../shared/data/reuters-2016-conflict-unlabeled/posts.jsonl');

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '7' },
    warmup: { type: 'string', default: '2' },
    corpus: { type: 'string', default: 'all' },
    mode: { type: 'string', default: 'both' },
    pairs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '5' },
  },
});
const rounds = Number(args.rounds);
const warmup = Number(args.warmup);
const pairs = Number(args.pairs);
const seconds = Number(args.seconds);
if (
  !(rounds >= 1) ||
  !(warmup >= 0) ||
  !Number.isInteger(pairs) ||
  !(pairs >= 1) ||
  !(seconds > 0) ||
  !['examples', 'reuters', 'all'].includes(args.corpus) ||
  !['both', 'inprocess', 'isolated'].includes(args.mode)
) {
  console.error(
    'usage: npm run bench -- [--rounds N>=1] [--warmup N>=0] [--corpus examples|reuters|all] ' +
      '[--mode both|inprocess|isolated] [--pairs N>=1] [--seconds S>0]',
  );
  process.exit(2);
}
const inProcess = args.mode !== 'isolated';
const isolated = args.mode !== 'inprocess';

// A full GC between timed blocks and before reading memory, so "heap used" is live data, not garbage.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '-');
const rate = (msPerReport: number) => (Number.isFinite(msPerReport) ? Math.round(perSecond(msPerReport)) : '-');
const times = (r: number) => (Number.isFinite(r) ? `${r.toFixed(2)}x` : '-');

interface LoadedPipeline {
  readonly pipeline: PipelineUnderTest;
  readonly cleanBody: (report: BenchReport) => string;
  readonly importMs: number;
  readonly buildMs: number;
}

/** Imports and builds the pipeline, timing the one-off costs; the reason as a string while stages are missing. */
async function loadPipeline(): Promise<LoadedPipeline | string> {
  try {
    const started = performance.now();
    const analyze = await import('../src/nlp/analyze.js');
    const { toAnalysis } = await import('../src/nlp/present.js');
    const imported = performance.now();
    const built = analyze.createReadingPipeline();
    const buildMs = performance.now() - imported;
    const reader = analyze.createReader(built);
    return {
      pipeline: { read: reader.read, present: toAnalysis },
      cleanBody: (report) => built.run(report.input, { until: 'clean' }).clean?.body ?? '',
      importMs: imported - started,
      buildMs,
    };
  } catch (err) {
    return err instanceof Error ? err.message.split('\n')[0]! : String(err);
  }
}

/** Drops reports the pipeline cannot read (a stage bug must not stop the benchmark), and says which. */
function prepare(name: string, reports: readonly BenchReport[], loaded: LoadedPipeline | null): PreparedCorpus {
  const kept: BenchReport[] = [];
  const texts: string[] = [];
  const failed: string[] = [];
  for (const report of reports) {
    try {
      if (loaded) loaded.pipeline.present(loaded.pipeline.read(report.input));
      texts.push(loaded ? loaded.cleanBody(report) : report.input.raw);
      kept.push(report);
    } catch (err) {
      failed.push(`${report.name}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    }
  }
  if (failed.length > 0)
    console.log(`  ! ${failed.length} report(s) left out, the pipeline failed on them; first: ${failed[0]}`);
  if (!loaded && reports.some((r) => r.input.mediaType === 'text/html')) {
    console.log('  ! without the pipeline the peers read raw HTML; their figures are not comparable');
  }
  return { name, inputs: kept.map((r) => r.input), texts };
}

function printCorpus(title: string, figures: CorpusFigures, meanWords: number, html: boolean): void {
  const [wink, compromise, winkPos] = figures.peerMs as [number, number, number];
  const total = figures.pipelineMs;
  const rows: Array<Array<string | number>> = [...figures.stageMs].map(([stage, t]) => [
    `  ${stage === 'clean' && html ? 'clean (HTML)' : stage}`,
    ms(t),
    rate(t),
    `${((100 * t) / total).toFixed(1)}%`,
    '',
  ]);
  if (figures.stageMs.size > 0)
    rows.push([
      '  (pipeline loop, between stages)',
      ms(figures.loopMs),
      '',
      `${((100 * figures.loopMs) / total).toFixed(1)}%`,
      '',
    ]);
  if (Number.isFinite(total))
    rows.push(
      [
        'whole pipeline (wall, 1 thread)',
        ms(total),
        rate(total),
        '100%',
        `>= ${TARGET_REPORTS_PER_SECOND}/s: ${verdict(perSecond(total), { atLeast: TARGET_REPORTS_PER_SECOND })}`,
      ],
      ['whole pipeline (CPU time, all threads)', ms(figures.cpuMs), rate(figures.cpuMs), '', ''],
    );
  if (Number.isFinite(total) && Math.abs(meanWords - 800) > 40) {
    const scaled = (total * 800) / meanWords;
    rows.push([
      `whole pipeline, scaled to 800 words`,
      ms(scaled),
      rate(scaled),
      '',
      `>= ${TARGET_REPORTS_PER_SECOND}/s: ${verdict(perSecond(scaled), { atLeast: TARGET_REPORTS_PER_SECOND })}`,
    ]);
  }
  rows.push(
    ['wink-nlp alone, tokenise + POS only', ms(winkPos), rate(winkPos), '', ''],
    ['wink-nlp alone, default pipeline', ms(wink), rate(wink), '', ''],
    ['compromise alone', ms(compromise), rate(compromise), '', ''],
  );
  console.log(`\n${title}`);
  console.log(formatTable(['', 'ms/report', 'reports/s', 'share', 'target'], rows));
  const ratioRows: Array<Array<string | number>> = [
    [
      'pipeline / wink-nlp tokenise + POS',
      times(figures.ratioToPeer[2]!),
      `<= ${TARGET_RATIO_TO_WINK}x: ${verdict(figures.ratioToPeer[2]!, { atMost: TARGET_RATIO_TO_WINK })}`,
    ],
    ['pipeline / wink-nlp default pipeline', times(figures.ratioToPeer[0]!), ''],
  ];
  if (html)
    ratioRows.push([
      'pipeline without HTML cleaning / wink-nlp tokenise + POS',
      times(figures.ratioToPeerWithout('clean')[2]!),
      '(peers read the cleaned text)',
    ]);
  ratioRows.push(
    ['pipeline / compromise', times(figures.ratioToPeer[1]!), ''],
    [
      'pipeline / wink-nlp tokenise + POS, on CPU time',
      times(figures.cpuRatioToPeer[2]!),
      '(less sensitive to a busy machine)',
    ],
  );
  if (!Number.isFinite(total)) return;
  console.log('');
  console.log(formatTable(['ratio (median of per-round ratios)', 'value', 'target'], ratioRows));
  console.log(
    `whole pipeline across rounds: ${rate(figures.pipelineMaxMs)}..${rate(figures.pipelineMinMs)} reports/s (slowest..fastest round)`,
  );
}

function printIsolated(title: string, figures: IsolatedFigures, html: boolean): void {
  console.log(
    `\n${title}; isolated: each side in its own process, warm, no forced GC, ${pairs} pair(s) x ${seconds} s`,
  );
  console.log(
    formatTable(
      ['', 'ms/report', 'reports/s', 'target'],
      [
        [
          'whole pipeline (wall, 1 thread)',
          ms(figures.pipelineMs),
          rate(figures.pipelineMs),
          `>= ${TARGET_REPORTS_PER_SECOND}/s: ${verdict(perSecond(figures.pipelineMs), { atLeast: TARGET_REPORTS_PER_SECOND })}`,
        ],
        ['whole pipeline (CPU time, all threads)', ms(figures.pipelineCpuMs), rate(figures.pipelineCpuMs), ''],
        ['wink-nlp alone, tokenise + POS only', ms(figures.winkPosMs), rate(figures.winkPosMs), ''],
        ['wink-nlp alone, default pipeline', ms(figures.winkMs), rate(figures.winkMs), ''],
      ],
    ),
  );
  console.log('');
  console.log(
    formatTable(
      ['ratio (median of per-round ratios)', 'value', 'target'],
      [
        [
          `pipeline${html ? ' (with HTML cleaning)' : ''} / wink-nlp tokenise + POS`,
          times(figures.ratioPos),
          `<= ${TARGET_RATIO_TO_WINK}x: ${verdict(figures.ratioPos, { atMost: TARGET_RATIO_TO_WINK })}`,
        ],
        [`pipeline${html ? ' (with HTML cleaning)' : ''} / wink-nlp default pipeline`, times(figures.ratio), ''],
      ],
    ),
  );
  const each = figures.pairs
    .map((p) => `${ms(p.pipelineMs)}/${ms(p.winkPosMs)} = ${times(p.ratioPos)} (default ${ms(p.winkMs)})`)
    .join('; ');
  console.log(`rounds (pipeline / wink-nlp tokenise + POS, ms a report): ${each}`);
}

async function main(): Promise<void> {
  const cpuList = cpus();
  console.log(`Truce Monitor benchmark, ${new Date().toISOString().slice(0, 10)}`);
  console.log(
    `node ${process.version}, ${cpuList.length} cores (${cpuList[0]?.model ?? '?'}), load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  if (inProcess) console.log(`in process: ${rounds} timed rounds after ${warmup} warm-up round(s); medians shown`);

  const rssAtStart = process.memoryUsage().rss;
  const loaded = await loadPipeline();
  const pipelineReady = typeof loaded !== 'string';
  collect();
  const afterBuild = process.memoryUsage();
  if (pipelineReady) {
    console.log('');
    console.log(
      formatTable(
        ['one-off cost', 'ms'],
        [
          ['module load (tsx transpile, wink model)', ms(loaded.importMs)],
          ['pipeline construction (data files, indexes)', ms(loaded.buildMs)],
        ],
      ),
    );
  } else {
    console.log(`\n! The pipeline is not available yet (${loaded}); peers only.`);
  }
  // Loaded after the pipeline, so its module-load time and memory include the wink model it shares.
  const { createCompromisePeer, createWinkPeer, createWinkPosPeer } = await import('./peers.js');
  // The order is the one printCorpus reads figures.peerMs in.
  const peers = [createWinkPeer(), createCompromisePeer(), createWinkPosPeer()];

  const corpora: Array<{ title: string; reports: BenchReport[]; html: boolean }> = [];
  if (args.corpus !== 'reuters') {
    const reports = loadExamplesCorpus(MANIFEST);
    corpora.push({
      title: `Corpus "examples": ${reports.length} plain-text reports recombined from examples/ (~800 words each)`,
      reports,
      html: false,
    });
  }
  if (args.corpus !== 'examples') {
    const reports = loadReutersCorpus(REUTERS);
    if (reports)
      corpora.push({
        title: `Corpus "reuters": ${reports.length} Reuters posts (2016) as HTML, from ../shared (not in the repository)`,
        reports,
        html: true,
      });
    else console.log(`\n! Shared data absent: ${REUTERS} not found; the Reuters corpus is skipped.`);
  }

  for (const corpus of corpora) {
    const prepared = prepare(corpus.title, corpus.reports, pipelineReady ? loaded : null);
    const meanWords = prepared.texts.reduce((n, t) => n + (t.match(/\S+/g)?.length ?? 0), 0) / prepared.texts.length;
    const described = `${corpus.title}; ${prepared.inputs.length} measured, mean ${Math.round(meanWords)} words of cleaned text`;
    if (inProcess) {
      const figures = measureCorpus(pipelineReady ? loaded.pipeline : null, peers, prepared, {
        rounds,
        warmup,
        collect,
      });
      printCorpus(`${described}; in process`, figures, meanWords, corpus.html);
    }
    if (isolated && pipelineReady) printIsolated(described, measureIsolated(prepared, { pairs, seconds }), corpus.html);
  }

  const beforeGc = process.memoryUsage();
  collect();
  const end = process.memoryUsage();
  console.log('');
  console.log(
    formatTable(
      ['memory', 'rss', 'heap used', 'heap total', 'external'],
      [
        ['at start (before the pipeline)', mb(rssAtStart), '', '', ''],
        [
          'after pipeline construction',
          mb(afterBuild.rss),
          mb(afterBuild.heapUsed),
          mb(afterBuild.heapTotal),
          mb(afterBuild.external),
        ],
        [
          'after the run (peers loaded too)',
          mb(beforeGc.rss),
          mb(beforeGc.heapUsed),
          mb(beforeGc.heapTotal),
          mb(beforeGc.external),
        ],
        ['after the run, after a full GC (live)', mb(end.rss), mb(end.heapUsed), mb(end.heapTotal), mb(end.external)],
        ['peak rss of the process', mb(process.resourceUsage().maxRSS * 1024), '', '', ''],
      ],
    ),
  );
  if (sinkValue() < 0) console.log('unreachable');
  if (!pipelineReady) process.exitCode = 1;
}

await main();
