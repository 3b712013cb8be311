import type { Doc, LayerName, Layers } from '../core/document.js';
import { TruceError } from '../core/errors.js';

/**
 * A pipeline component: a pure function from the document to the one layer it adds.
 * It declares the layers it reads, so the pipeline can check the order once, when built.
 */
export interface Stage<K extends LayerName = LayerName> {
  readonly adds: K;
  readonly needs: readonly LayerName[];
  run(doc: Doc): Layers[K];
}

/** Reads a layer a stage declared in `needs`; a missing one is a programming error. */
export function layer<K extends LayerName>(doc: Doc, name: K): Layers[K] {
  const value = doc[name];
  if (value === undefined) throw new TruceError('E010_PIPELINE_ORDER', { stage: '?', layer: name });
  return value as Layers[K];
}
