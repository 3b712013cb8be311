/**
 * Reads a plain text without the clean stage, so every span is an offset into the text exactly as
 * given (the tagging, quoting and evaluation tools need offsets into their own input).
 */
import type { Doc, LayerName } from '../core/document.js';
import { plainCleanLayer } from '../nlp/clean/plain-layer.js';
import type { IsoDay } from '../core/date.js';
import { createReadingPipeline } from '../nlp/analyze.js';
import type { Pipeline } from '../nlp/pipeline.js';

export interface PlainReader {
  /** Runs the stages after clean, up to and including `until`, on `text` as the body. */
  read(text: string, options?: { published?: IsoDay }): Doc;
}

export function createPlainReader(until: LayerName, pipeline: Pipeline = createReadingPipeline()): PlainReader {
  return {
    read(text, options = {}) {
      const published = options.published ?? null;
      const input = { raw: text, mediaType: 'text/plain' as const, ...(published ? { published } : {}) };
      return pipeline.resume({ input, clean: plainCleanLayer(text, { published }) }, { until });
    },
  };
}
