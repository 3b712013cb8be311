/**
 * Alias index: a Map keyed by the folded first token, each bucket holding aliases longest first,
 * so a scan is one Map lookup per token and the longest alias wins.
 */
import { tokenize, type Tok } from './fold.js';

export interface Alias<T> {
  readonly keys: readonly string[];
  /** Shape each text token must have: 0 any, 1 capitalised, 2 all capitals (acronyms). */
  readonly shapes: readonly (0 | 1 | 2)[];
  readonly value: T;
}

export interface Match<T> {
  /** Token indices [from, to). */
  readonly from: number;
  readonly to: number;
  readonly value: T;
}

/** What case an alias token demands of the text: acronyms exact, capitalised names capitalised. */
function requiredShape(tok: Tok, raw: string): 0 | 1 | 2 {
  if (tok.shape === 2 && raw.replace(/[^\p{L}]/gu, '').length <= 5) return 2;
  return tok.shape === 0 ? 0 : 1;
}

export class AliasIndex<T> {
  private readonly buckets = new Map<string, Alias<T>[]>();
  private sorted = true;

  /** Adds an alias; returns false when it has no word to match. */
  add(surface: string, value: T): boolean {
    const toks = tokenize(surface);
    if (toks.length === 0 || !toks.some((t) => t.word)) return false;
    const alias: Alias<T> = {
      keys: toks.map((t) => t.key),
      shapes: toks.map((t) => requiredShape(t, surface.slice(t.start, t.end))),
      value,
    };
    const first = alias.keys[0]!;
    const bucket = this.buckets.get(first);
    if (bucket) bucket.push(alias);
    else this.buckets.set(first, [alias]);
    this.sorted = false;
    return true;
  }

  private sort(): void {
    for (const bucket of this.buckets.values()) bucket.sort((a, b) => b.keys.length - a.keys.length);
    this.sorted = true;
  }

  /** Longest alias starting at token `i`, or null. `accept` may veto a candidate. */
  matchAt(toks: readonly Tok[], i: number, accept?: (v: T) => boolean): Match<T> | null {
    if (!this.sorted) this.sort();
    const bucket = this.buckets.get(toks[i]!.key);
    if (!bucket) return null;
    for (const alias of bucket) {
      const n = alias.keys.length;
      if (i + n > toks.length) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        const t = toks[i + k]!;
        const need = alias.shapes[k]!;
        ok = t.key === alias.keys[k] && (need === 0 || (need === 1 ? t.shape >= 1 : t.shape === 2));
      }
      if (ok && (!accept || accept(alias.value))) return { from: i, to: i + n, value: alias.value };
    }
    return null;
  }

  /** All non-overlapping longest matches, left to right. */
  scan(toks: readonly Tok[], accept?: (v: T) => boolean): Match<T>[] {
    const out: Match<T>[] = [];
    for (let i = 0; i < toks.length;) {
      const m = this.matchAt(toks, i, accept);
      if (m) {
        out.push(m);
        i = m.to;
      } else i++;
    }
    return out;
  }

  get size(): number {
    let n = 0;
    for (const b of this.buckets.values()) n += b.length;
    return n;
  }
}
