import type { Doc, LayerName, Layers, ReportInput } from '../core/document.js';
import { TruceError } from '../core/errors.js';
import type { Stage } from './stage.js';

export interface StageTiming {
  readonly stage: LayerName;
  readonly ms: number;
}

export interface RunOptions {
  readonly until?: LayerName;
  /** Checked after each stage: true stops the run (e.g. a report that is not English). */
  readonly halt?: (doc: Doc) => boolean;
  /** When given, each stage's wall time is appended. */
  readonly timings?: StageTiming[];
}

export interface Pipeline {
  readonly stages: readonly Stage[];
  /** Runs every stage in order; stops after the layer named by `until`, or when `halt` says so. */
  run(input: ReportInput, options?: RunOptions): Doc;
  /** Runs the stages whose layer `doc` does not have yet (e.g. a document given its clean layer by hand). */
  resume(doc: Doc, options?: RunOptions): Doc;
}

/** Builds a pipeline, checking once that each stage's needs are added by an earlier stage. */
export function createPipeline(stages: readonly Stage[]): Pipeline {
  const available = new Set<LayerName>();
  for (const stage of stages) {
    for (const need of stage.needs) {
      if (!available.has(need)) throw new TruceError('E010_PIPELINE_ORDER', { stage: stage.adds, layer: need });
    }
    available.add(stage.adds);
  }
  const resume = (start: Doc, options: RunOptions = {}): Doc => {
    let doc = start;
    for (const stage of stages) {
      if (doc[stage.adds] === undefined) {
        const started = options.timings ? performance.now() : 0;
        const added = stage.run(doc) as Layers[typeof stage.adds];
        doc = { ...doc, [stage.adds]: added };
        options.timings?.push({ stage: stage.adds, ms: performance.now() - started });
      }
      if (stage.adds === options.until || options.halt?.(doc)) break;
    }
    return doc;
  };
  return { stages, resume, run: (input, options) => resume({ input }, options) };
}
