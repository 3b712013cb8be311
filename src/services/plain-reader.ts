/**
 * Reads a plain text without the clean stage, so every span is an offset into the text exactly as
 * given (the tagging, quoting and evaluation tools need offsets into their own input).
 */
import type { CleanLayer, Doc, LayerName, Layers } from '../core/document.js';
import type { IsoDay } from '../core/date.js';
import { createReadingPipeline } from '../nlp/analyze.js';
import type { Stage } from '../nlp/stage.js';

export interface PlainReader {
  /** Runs the stages after clean, up to and including `until`, on `text` as the body. */
  read(text: string, options?: { published?: IsoDay }): Doc;
}

export function cleanLayerOf(text: string, published: IsoDay | null = null): CleanLayer {
  return {
    body: text,
    headline: null,
    byline: null,
    dateline: null,
    published,
    publishedFrom: published ? 'input' : null,
    removed: [],
    offsets: [{ body: 0, raw: 0, length: text.length }],
    warnings: [],
  };
}

export function createPlainReader(
  until: LayerName,
  stages: readonly Stage[] = createReadingPipeline().stages,
): PlainReader {
  const order = stages.map((s) => s.adds);
  const last = order.indexOf(until);
  const used = stages.filter((s, i) => s.adds !== 'clean' && i <= last);
  return {
    read(text, options = {}) {
      const published = options.published ?? null;
      let doc: Doc = {
        input: { raw: text, mediaType: 'text/plain', ...(published ? { published } : {}) },
        clean: cleanLayerOf(text, published),
      };
      for (const stage of used) {
        const added = stage.run(doc) as Layers[typeof stage.adds];
        doc = { ...doc, [stage.adds]: added };
      }
      return doc;
    },
  };
}
