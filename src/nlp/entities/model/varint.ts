/**
 * Unsigned LEB128 varints (7 bits a byte, the high bit set on every byte but the last), the number
 * encoding of the tagger's weights file and its word table.
 */

/** Appends `v` (a non-negative integer below 2^53) to `out`. */
export function pushVarint(out: number[], v: number): void {
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
}

/** Reads varints from `raw` one after another, starting at `pos`. */
export class VarintReader {
  constructor(
    private readonly raw: Uint8Array,
    public pos: number,
  ) {}

  read(): number {
    let v = 0;
    let mul = 1;
    for (;;) {
      const b = this.raw[this.pos++]!;
      v += (b & 0x7f) * mul;
      if (b < 0x80) return v;
      mul *= 128;
    }
  }
}
