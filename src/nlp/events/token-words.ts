/**
 * One pass over a report's tokens shared by the trigger scan (scan.ts) and the unnamed-actor walk
 * (actor-list.ts): the hash of each token's leading ASCII lower-case letters and digits, so neither
 * reads the token's characters again and no token is sliced out.
 */
import type { Token } from '../../core/document.js';

/** Per token, by index: the hash (`h = imul(h, 31) + c | 0` over the run) and where the run ends. */
export interface TokenWords {
  readonly hash: Int32Array;
  readonly runEnd: Int32Array;
  /** ASCII_STOP | LETTERS: see below. */
  readonly flags: Uint8Array;
}

/** The run did not stop at a non-ASCII character (the trigger scan looks such tokens up by their text). */
export const ASCII_STOP = 1;
/** The run has letters only (no digit). */
export const LETTERS = 2;

/** The tokens' words in `lower` (the body lower-cased, same offsets): computed once per report by the caller. */
export function tokenWords(lower: string, tokens: readonly Token[]): TokenWords {
  const n = tokens.length;
  const words: TokenWords = { hash: new Int32Array(n), runEnd: new Int32Array(n), flags: new Uint8Array(n) };
  for (let ti = 0; ti < n; ti++) {
    const t = tokens[ti]!;
    let k = t.start;
    let h = 0;
    let flags = ASCII_STOP | LETTERS;
    for (; k < t.end; k++) {
      const c = lower.charCodeAt(k);
      if (c >= 97 && c <= 122) h = (Math.imul(h, 31) + c) | 0;
      else if (c >= 48 && c <= 57) {
        h = (Math.imul(h, 31) + c) | 0;
        flags &= ~LETTERS;
      } else {
        if (c >= 128) flags &= ~ASCII_STOP;
        break;
      }
    }
    words.hash[ti] = h;
    words.runEnd[ti] = k;
    words.flags[ti] = flags;
  }
  return words;
}
