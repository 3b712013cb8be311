/**
 * The weights file: gzip of a small JSON header and the non-zero weights quantised to int16, as
 * (gap to the previous flat index, value) pairs in varints. Zeros are implicit, so a sparse
 * model stays a few MB while loading straight into one dense Int16Array.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { NerWeights } from './perceptron.js';
import { pushVarint, VarintReader } from './varint.js';
import { decodeWordTable, encodeWordTable } from './word-table.js';

const MAGIC = 'TNER1';

export interface WeightsHeader {
  readonly bits: number;
  readonly classes: readonly string[];
  /** A weight w was stored as round(w / scale). */
  readonly scale: number;
  readonly count: number;
  /** Free-form provenance (date, data fingerprint, dev scores). */
  readonly meta: Record<string, unknown>;
  /** Whether a word table (word-table.ts) follows the weights. */
  readonly wordTable?: boolean;
}

/** Quantises and encodes weights; entries that round to zero are dropped. */
export function encodeWeights(
  m: NerWeights,
  meta: Record<string, unknown> = {},
  wordTable: ReadonlyMap<number, number> | null = null,
): Buffer {
  let max = 0;
  for (let k = 0; k < m.weights.length; k++) max = Math.max(max, Math.abs(m.weights[k]!));
  const scale = max > 0 ? max / 32767 : 1;
  const bytes: number[] = [];
  let last = -1;
  let count = 0;
  for (let k = 0; k < m.weights.length; k++) {
    const q = Math.round(m.weights[k]! / scale);
    if (q === 0) continue;
    pushVarint(bytes, k - last);
    pushVarint(bytes, q < 0 ? -2 * q - 1 : 2 * q); // zigzag
    last = k;
    count++;
  }
  const header: WeightsHeader = { bits: m.bits, classes: m.classes, scale, count, meta, wordTable: !!wordTable };
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.length);
  const parts: Buffer[] = [Buffer.from(MAGIC), len, head, Buffer.from(bytes)];
  if (wordTable) parts.push(encodeWordTable(wordTable));
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

export function decodeWeights(
  file: Buffer,
): NerWeights & { header: WeightsHeader; wordTable: Map<number, number> | null } {
  const raw = gunzipSync(file);
  if (raw.subarray(0, MAGIC.length).toString() !== MAGIC) throw new Error('not a TNER1 weights file');
  const headLen = raw.readUInt32LE(MAGIC.length);
  let p = MAGIC.length + 4;
  const header = JSON.parse(raw.subarray(p, p + headLen).toString('utf8')) as WeightsHeader;
  p += headLen;
  const weights = new Int16Array((1 << header.bits) * header.classes.length);
  let k = -1;
  const varints = new VarintReader(raw, p);
  for (let n = 0; n < header.count; n++) {
    k += varints.read();
    const z = varints.read();
    weights[k] = z & 1 ? -(z + 1) / 2 : z / 2;
  }
  const wordTable = header.wordTable ? decodeWordTable(raw, varints.pos) : null;
  return { bits: header.bits, classes: header.classes, weights, header, wordTable };
}
