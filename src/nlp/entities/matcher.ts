/**
 * Alias index: a trie of Maps keyed by folded tokens (the first level is the Map of first tokens),
 * so a scan is one Map lookup per token that starts no alias, and the longest alias wins.
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

/** A trie over folded tokens: a match walks as deep as the text allows, then takes the deepest alias that fits. */
interface Node<T> {
  next: Map<string, Node<T>> | null;
  /** Aliases ending here, in insertion order (curated entries first win ties). */
  ends: Alias<T>[] | null;
  /**
   * At the first level: the least shape any alias starting here demands of its first token, so a
   * token without it starts none ("may" before the surname alias "May" alone).
   */
  firstShape: 0 | 1 | 2;
}

function shapeOk(t: Tok, need: 0 | 1 | 2): boolean {
  return need === 0 || (need === 1 ? t.shape >= 1 : t.shape === 2);
}

export class AliasIndex<T> {
  private readonly root = new Map<string, Node<T>>();
  private count = 0;
  // Scratch stack of the nodes passed by one match, reused to avoid allocation per token.
  private readonly path: Node<T>[] = [];

  /** Adds an alias; returns false when it has no word to match. */
  add(surface: string, value: T): boolean {
    const toks = tokenize(surface);
    if (toks.length === 0 || !toks.some((t) => t.word)) return false;
    const alias: Alias<T> = {
      keys: toks.map((t) => t.key),
      shapes: toks.map((t) => requiredShape(t, surface.slice(t.start, t.end))),
      value,
    };
    let level = this.root;
    let node: Node<T> | undefined;
    for (let k = 0; k < alias.keys.length; k++) {
      node = level.get(alias.keys[k]!);
      if (!node) {
        node = { next: null, ends: null, firstShape: 2 };
        level.set(alias.keys[k]!, node);
      }
      if (k === 0) node.firstShape = Math.min(node.firstShape, alias.shapes[0]!) as 0 | 1 | 2;
      if (k < alias.keys.length - 1) level = node.next ??= new Map();
    }
    (node!.ends ??= []).push(alias);
    this.count++;
    return true;
  }

  /** The entry of `key` as an alias's first token (null: none), for a FormCache's `head`. */
  first(key: string): unknown {
    return this.root.get(key) ?? null;
  }

  /** Longest alias starting at token `i`, or null. `accept` may veto a candidate. */
  matchAt(toks: readonly Tok[], i: number, accept?: (v: T) => boolean): Match<T> | null {
    const t = toks[i]!;
    // A token from a FormCache bound to `first` carries its first-token entry already.
    let node = t.head !== undefined ? (t.head as Node<T> | null) : this.root.get(t.key);
    if (!node || !shapeOk(t, node.firstShape)) return null;
    // path[0 .. depth): the nodes passed (entries past depth are stale, never read).
    const path = this.path;
    let depth = 0;
    for (let j = i + 1; ; j++) {
      path[depth++] = node;
      if (!node.next || j >= toks.length) break;
      const child: Node<T> | undefined = node.next.get(toks[j]!.key);
      if (!child) break;
      node = child;
    }
    for (let d = depth - 1; d >= 0; d--) {
      const ends = path[d]!.ends;
      if (!ends) continue;
      for (const alias of ends) {
        let ok = true;
        for (let k = 0; k <= d && ok; k++) ok = shapeOk(toks[i + k]!, alias.shapes[k]!);
        if (ok && (!accept || accept(alias.value))) return { from: i, to: i + d + 1, value: alias.value };
      }
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
    return this.count;
  }
}
