/**
 * The reading pipeline, assembled once: clean -> sentences -> entities -> places -> dates ->
 * quotes -> events, with the mentions layer after places when asked for. Data files are loaded when
 * the pipeline is built, not per report.
 */
import type { Analysis } from '../core/analysis.js';
import type { Doc, ReportInput } from '../core/document.js';
import { createCleanStage } from './clean/clean.stage.js';
import { createDatesStage } from './dates/dates.stage.js';
import { createEntitiesStage } from './entities/entities.stage.js';
import { createEventsStage } from './events/events.stage.js';
import { createPlacesStage } from './places/places.stage.js';
import { createMentionsStage } from './mentions/mentions.stage.js';
import { createPipeline, type Pipeline, type StageTiming } from './pipeline.js';
import { toAnalysis } from './present.js';
import { createSentencesStage } from './sentences/sentences.stage.js';
import { createQuotesStage } from './quotes/quotes.stage.js';

/** Bumped whenever a change to a stage or its data can change what is extracted. */
export const PIPELINE_VERSION = '0.1.0';

export interface ReadingOptions {
  /**
   * Add the mentions layer (pronouns and common-noun phrases, src/nlp/mentions). Off by default: no
   * later stage and no part of the Analysis reads it yet, so a report's reading does not pay for it;
   * the entities evaluation (re3d marks mentions, not names) turns it on.
   */
  readonly mentions?: boolean;
}

export function createReadingPipeline(options: ReadingOptions = {}): Pipeline {
  return createPipeline([
    createCleanStage(),
    createSentencesStage(),
    createEntitiesStage(),
    createPlacesStage(),
    ...(options.mentions ? [createMentionsStage()] : []),
    createDatesStage(),
    createQuotesStage(),
    createEventsStage(),
  ]);
}

export interface Reader {
  /** Analyses one report; a report that is not English stops after sentences, with a warning. */
  read(input: ReportInput, timings?: StageTiming[]): Doc;
  analyze(input: ReportInput): Analysis;
}

export function createReader(pipeline: Pipeline = createReadingPipeline()): Reader {
  const read = (input: ReportInput, timings?: StageTiming[]): Doc =>
    pipeline.run(input, { timings, halt: (doc) => doc.sentences?.english === false });
  return { read, analyze: (input) => toAnalysis(read(input)) };
}
