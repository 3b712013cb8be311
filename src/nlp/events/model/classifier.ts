/**
 * The event type model: multinomial logistic regression over hashed sentence features, trained
 * with AdaGrad on cross-entropy (deterministic: seeded shuffle, fixed epochs), stored like the name
 * tagger's weights (int16, sparse, gzipped; data/events/model/). Its probabilities re-weigh and,
 * when it is sure, re-type the rules' candidate events (apply.ts); it never creates an event.
 */
import { decodeWeights, encodeWeights } from '../../entities/model/weights-file.js';
import { mulberry32 } from '../../entities/model/perceptron.js';

export interface TypeModel {
  readonly bits: number;
  readonly classes: readonly string[];
  /** `weights[bucket * classes + c] * scale` is the weight of feature bucket, class c. */
  readonly weights: Float32Array | Int16Array;
  readonly scale: number;
  readonly meta: Record<string, unknown>;
}

export interface Row {
  readonly ids: Uint32Array;
  readonly label: number;
  /** How much the row counts (class balancing); 1 when absent. */
  readonly weight?: number;
}

/**
 * Class probabilities for one sentence's feature ids (softmax of the summed weights). The ids are
 * 32-bit integers, a Uint32Array or plain numbers (featureIds): the bucket mask reads the same low
 * bits either way.
 */
export function probabilities(
  m: TypeModel,
  ids: ArrayLike<number>,
  out = new Float64Array(m.classes.length),
): Float64Array {
  const nc = m.classes.length;
  const mask = (1 << m.bits) - 1;
  out.fill(0);
  for (let k = 0; k < ids.length; k++) {
    const base = (ids[k]! & mask) * nc;
    for (let c = 0; c < nc; c++) out[c] = out[c]! + m.weights[base + c]!;
  }
  let max = -Infinity;
  for (let c = 0; c < nc; c++) max = Math.max(max, (out[c] = out[c]! * m.scale));
  let sum = 0;
  for (let c = 0; c < nc; c++) sum += out[c] = Math.exp(out[c]! - max);
  for (let c = 0; c < nc; c++) out[c] = out[c]! / sum;
  return out;
}

export interface TrainOptions {
  readonly bits: number;
  readonly epochs: number;
  readonly seed: number;
  /** AdaGrad base rate. */
  readonly rate: number;
  /** L2 penalty, applied to the weights a row touches. */
  readonly l2: number;
  readonly onEpoch?: (epoch: number, loss: number) => void;
}

/** Trains on rows of feature ids and class indices. */
export function trainModel(rows: readonly Row[], classes: readonly string[], opts: TrainOptions): TypeModel {
  const nc = classes.length;
  const mask = (1 << opts.bits) - 1;
  const w = new Float32Array((1 << opts.bits) * nc);
  const g2 = new Float32Array(w.length);
  const model: TypeModel = { bits: opts.bits, classes, weights: w, scale: 1, meta: {} };
  const p = new Float64Array(nc);
  const random = mulberry32(opts.seed);
  const order = rows.map((_, i) => i);
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let loss = 0;
    for (const ri of order) {
      const row = rows[ri]!;
      probabilities(model, row.ids, p);
      const rw = row.weight ?? 1;
      loss -= rw * Math.log(Math.max(1e-12, p[row.label]!));
      for (let k = 0; k < row.ids.length; k++) {
        const base = (row.ids[k]! & mask) * nc;
        for (let c = 0; c < nc; c++) {
          const at = base + c;
          const grad = rw * (p[c]! - (c === row.label ? 1 : 0)) + opts.l2 * w[at]!;
          g2[at] = g2[at]! + grad * grad;
          w[at] = w[at]! - (opts.rate * grad) / Math.sqrt(g2[at]! + 1e-8);
        }
      }
    }
    opts.onEpoch?.(epoch, loss / Math.max(1, rows.length));
  }
  return model;
}

/** The weights file: the name tagger's format (int16, sparse, gzipped), with the scale in its header. */
export function encodeModel(m: TypeModel, meta: Record<string, unknown>): Buffer {
  return encodeWeights({ bits: m.bits, classes: m.classes, weights: m.weights }, meta);
}

export function decodeModel(file: Buffer): TypeModel {
  const d = decodeWeights(file);
  return { bits: d.bits, classes: d.classes, weights: d.weights, scale: d.header.scale, meta: d.header.meta };
}
