/**
 * The block filter that runs on the extractor's paragraphs before the chrome trimmer: the lists
 * of links the extractors keep around an article (related stories, tag clouds, menus) and long
 * runs of them inside it. It looks only at the blocks' text and link text, so it works the same
 * whichever extractor found them. Rules are generic: no site, no language. Each rule's gain is
 * measured on its own by eval/boilerplate/replay.ts.
 */
import type { RemovedPiece } from '../../core/document.js';
import { chromeReason, trimChrome, wordCount, type ChromeRules } from './chrome.js';
import type { TextBlock } from './html-text.js';

export interface BlockFilterOptions {
  /** Link density at or above which a block is a link (list item, teaser, tag cloud). */
  readonly linkDensity: number;
  /** Drop link blocks in runs of at least this many (0 turns the rule off). */
  readonly linkRun: number;
  /** Drop link blocks before the first and after the last prose block. */
  readonly linkEdges: boolean;
  /** Longer link blocks than this are kept at the edges unless nearly all link text. */
  readonly edgeMaxWords: number;
  /** Link density from which a link block at the edges goes whatever its length. */
  readonly edgeDensity: number;
}

export const DEFAULT_BLOCK_FILTER: BlockFilterOptions = {
  linkDensity: 0.5,
  linkRun: 4,
  linkEdges: true,
  edgeMaxWords: 25,
  edgeDensity: 0.8,
};

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/** Words of a text, counting two Chinese or Japanese characters as one (they are written unspaced). */
export function textWords(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  return wordCount(text) + Math.floor(cjk / 2);
}

export interface BlockVerdicts {
  /** For each block, null when kept, else the reason it was dropped. */
  readonly reasons: readonly (string | null)[];
}

const SENTENCE_END = /[.!?…。！？]['"’”»」)]?$/u;

/** A sentence-like block: ten words or more, few of them links, ending like a sentence. */
export function isProse(block: TextBlock, words = textWords(block.text)): boolean {
  return words >= 10 && block.linkChars < 0.3 * block.text.length && SENTENCE_END.test(block.text);
}

const BARE_URL = /^(?:https?:\/\/|www\.)\S+$/i;

export function filterBlocks(
  blocks: readonly TextBlock[],
  options: BlockFilterOptions = DEFAULT_BLOCK_FILTER,
): BlockVerdicts {
  const n = blocks.length;
  const reasons: (string | null)[] = new Array<string | null>(n).fill(null);
  const words = blocks.map((b) => textWords(b.text));
  const density = blocks.map((b) => b.linkChars / Math.max(1, b.text.length));
  // A link shown as its bare address is cited, not navigation.
  const isLink = density.map((d, i) => d >= options.linkDensity && !BARE_URL.test(blocks[i]!.text));
  const prose = blocks.map((b, i) => isProse(b, words[i]!));

  if (options.linkRun > 0) {
    for (let i = 0; i < n;) {
      if (!isLink[i]) {
        i++;
        continue;
      }
      let j = i;
      while (j < n && isLink[j]) j++;
      if (j - i >= options.linkRun) for (let k = i; k < j; k++) reasons[k] ??= 'link list';
      i = j;
    }
  }
  if (options.linkEdges) {
    const first = prose.indexOf(true);
    const last = prose.lastIndexOf(true);
    for (let i = 0; i < n; i++) {
      const edge = first < 0 || i < first || i > last;
      // A long link that reads as a sentence is prose someone linked whole, not a menu.
      const long = words[i]! > options.edgeMaxWords;
      const linkedProse = long && SENTENCE_END.test(blocks[i]!.text);
      if (edge && isLink[i] && (!long || (density[i]! >= options.edgeDensity && !linkedProse)))
        reasons[i] ??= 'link list';
    }
  }
  return { reasons };
}

/**
 * Runs the block filter, then the chrome trimmer on the blocks it keeps. Removed pieces come in
 * document order; a block both rules would drop is reported with the chrome rule's reason.
 */
export function filterAndTrim(
  rules: ChromeRules,
  blocks: readonly TextBlock[],
  options: BlockFilterOptions = DEFAULT_BLOCK_FILTER,
): { paragraphs: string[]; removed: RemovedPiece[] } {
  const { reasons } = filterBlocks(blocks, options);
  const keptAt: number[] = [];
  blocks.forEach((_, i) => {
    if (!reasons[i]) keptAt.push(i);
  });
  const texts = keptAt.map((i) => blocks[i]!.text);
  const trimmed = trimChrome(rules, texts);
  const paragraphs = trimmed.kept.map((k) => texts[k.index]!.slice(k.from, k.to));
  const removed: RemovedPiece[] = [];
  let r = 0;
  let next = 0;
  for (let i = 0; i < blocks.length; i++) {
    const reason = reasons[i];
    if (reason) {
      const own = chromeReason(rules, blocks[i]!.text);
      removed.push({ text: blocks[i]!.text, reason: own ?? reason });
      continue;
    }
    while (r < trimmed.removed.length && trimmed.removedFrom[r] === next) removed.push(trimmed.removed[r++]!);
    next++;
  }
  return { paragraphs, removed };
}
